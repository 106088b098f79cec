// Working time for the team's promises: hand-written moments in Zaanstad's week (Monday to Friday 08:30 to
// 17:00, Amsterdam time), across weekends, public holidays and both daylight-saving changes.
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  atLocal,
  endOfWorkingDays,
  isOpen,
  nextOpening,
  workingMinutesBetween,
  type TeamHours,
} from '../../functions/kernel/working-time';

const office = [{ from: '08:30', to: '17:00' }];
const HOURS: TeamHours = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: office, 2: office, 3: office, 4: office, 5: office },
  holidays: ['2026-12-25', '2027-01-01'],
};
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('working time', () => {
  it('knows a Sunday evening is closed, and that the team opens on Monday at 08:30', () => {
    const sundayEvening = at('2026-11-29T20:56:00Z'); // 21:56 in Amsterdam
    expect(isOpen(HOURS, sundayEvening)).toBe(false);
    expect(nextOpening(HOURS, sundayEvening).toISOString()).toBe('2026-11-30T07:30:00.000Z');
    expect(addWorkingTime(HOURS, sundayEvening, HOUR).toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });

  it('counts within a working day, and carries the rest of a Friday over the weekend', () => {
    expect(isOpen(HOURS, at('2026-12-01T09:00:00Z'))).toBe(true); // Tuesday 10:00
    expect(addWorkingTime(HOURS, at('2026-12-01T09:00:00Z'), 4 * HOUR).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(addWorkingTime(HOURS, at('2026-11-27T15:30:00Z'), HOUR).toISOString()).toBe('2026-11-30T08:00:00.000Z'); // Fri 16:30 -> Mon 09:00
    expect(workingMinutesBetween(HOURS, at('2026-11-27T15:30:00Z'), at('2026-11-30T08:00:00Z'))).toBe(60);
  });

  it('counts working days: a Friday-evening sign-up is answered by the next Friday at 17:00; holidays do not count', () => {
    expect(endOfWorkingDays(HOURS, at('2026-11-27T19:00:00Z'), 5).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(endOfWorkingDays(HOURS, at('2026-12-01T09:00:00Z'), 1).toISOString()).toBe('2026-12-02T16:00:00.000Z'); // Tue -> Wed 17:00
    // Mon 21 Dec: Tue, Wed, Thu, (Fri 25 Dec closed), Mon 28, Tue 29 -> Tue 29 Dec 17:00.
    expect(endOfWorkingDays(HOURS, at('2026-12-21T10:00:00Z'), 5).toISOString()).toBe('2026-12-29T16:00:00.000Z');
  });

  it('skips a public holiday', () => {
    // Thursday 24 December 16:00: one hour that day, Christmas on Friday, the weekend, then Monday 08:30.
    expect(addWorkingTime(HOURS, at('2026-12-24T15:00:00Z'), 2 * HOUR).toISOString()).toBe('2026-12-28T08:30:00.000Z');
    expect(isOpen(HOURS, at('2026-12-25T10:00:00Z'))).toBe(false);
    expect(nextOpening(HOURS, at('2026-12-31T16:30:00Z')).toISOString()).toBe('2027-01-04T07:30:00.000Z');
  });

  it('follows the clocks: summer time starts and ends without losing or gaining an hour of work', () => {
    // Friday 26 March 2027 16:00 (UTC+1) plus two hours: one that day, one on Monday 29 March (UTC+2).
    expect(addWorkingTime(HOURS, at('2027-03-26T15:00:00Z'), 2 * HOUR).toISOString()).toBe('2027-03-29T07:30:00.000Z');
    expect(atLocal('2026-10-25', 12 * 60, 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(atLocal('2026-10-24', 12 * 60, 'Europe/Amsterdam').toISOString()).toBe('2026-10-24T10:00:00.000Z');
  });

  it('refuses hours with no opening at all, instead of promising a moment that never comes', () => {
    expect(() => addWorkingTime({ timeZone: 'Europe/Amsterdam', week: {}, holidays: [] }, at('2026-11-29T20:56:00Z'), HOUR)).toThrow(
      /no working time/,
    );
  });
});
