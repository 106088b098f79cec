import { describe, expect, it } from 'vitest';
import {
  claimProgressDeadline,
  startWmoClock,
  teamDeadline,
  widenedDeadline,
  wmoApplicationReceived,
  zerothLineDeadline,
} from '../../functions/stepped-care/domain/deadlines';
import { findTopic } from '../../functions/kernel/topics';
import { teamHours } from '../../functions/kernel/municipality';
import { currentMunicipality } from '../../functions/platform/config/municipality';

const zaanstad = currentMunicipality('zaanstad');
import { isoWeek } from '../../functions/stepped-care/domain/referral';

const t0 = new Date('2026-11-24T09:00:00Z');
const groceries = findTopic('groceries-errands')!;

describe('deadlines', () => {
  it('0th line windows follow the topic and urgency; the widened window is half, at least 2 hours', () => {
    expect(zerothLineDeadline(groceries, 'today', t0).toISOString()).toBe('2026-11-24T13:00:00.000Z');
    expect(zerothLineDeadline(groceries, 'this-week', t0).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(widenedDeadline(groceries, 'today', t0).toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(widenedDeadline(groceries, 'this-week', t0).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it("the team's deadlines count its working hours: within an hour in a crisis, the next morning out of hours", () => {
    const hours = teamHours(zaanstad);
    // Tuesday 10:00 in Zaandam: open.
    expect(teamDeadline('crisis', t0, hours).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    // 24 working hours: Tuesday 10:00-17:00 (7), Wednesday and Thursday (8.5 each) = 24 on Thursday at 17:00.
    expect(teamDeadline('low', t0, hours).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    // Sunday 21:00: Monday 8:30 plus one hour.
    expect(teamDeadline('crisis', new Date('2026-11-29T20:00:00Z'), hours).toISOString()).toBe('2026-11-30T08:30:00.000Z');
    // Christmas Eve 16:30, a Thursday: half an hour on the 24th, then the holidays; the 28th (Monday) at 9:00.
    expect(teamDeadline('crisis', new Date('2026-12-24T15:30:00Z'), hours).toISOString()).toBe('2026-12-28T08:00:00.000Z');
    expect(claimProgressDeadline('today', t0).toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('the Wmo clocks: 6 weeks to investigate after a melding, 2 weeks to decide after an application', () => {
    const clock = startWmoClock(t0);
    expect(clock.investigationDeadline).toBe('2027-01-05T09:00:00.000Z');
    expect(wmoApplicationReceived(clock, new Date('2026-12-15T09:00:00Z')).decisionDeadline).toBe('2026-12-29T09:00:00.000Z');
  });

  it('ISO weeks, across the year boundary', () => {
    expect(isoWeek(t0)).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T12:00:00Z'))).toBe('2027-W01');
  });
});

describe('the Wmo steps that can be recorded next', () => {
  it('are the melding first, then every step not recorded yet', async () => {
    const { openWmoSteps, wmoStepRecorded } = await import('../../functions/stepped-care/domain/deadlines');
    expect(openWmoSteps(undefined)).toEqual(['melding']);
    const melding = wmoStepRecorded(undefined, 'melding', t0);
    expect(openWmoSteps(melding)).toEqual(['conversation-held', 'report-sent', 'application-received', 'decision-recorded']);
    expect(openWmoSteps(wmoStepRecorded(melding, 'report-sent', t0))).toEqual(['conversation-held', 'application-received', 'decision-recorded']);
  });
});
