// Time limits of the stepped-care ladder and the Wmo legal clocks. Pure functions of time; the periods
// themselves are kernel/durations.ts.
import {
  CLAIM_PROGRESS_HOURS,
  CONFIRMATION_DAYS,
  REFERRAL_PROGRESS_DAYS,
  TEAM_RESPONSE_HOURS,
  WMO_DECISION_DAYS,
  WMO_INVESTIGATION_DAYS,
} from '../../kernel/durations';
import { DomainError } from '../../kernel/errors';
import type { Topic, Urgency } from '../../kernel/topics';
import { addWorkingTime, type TeamHours } from '../../kernel/working-time';
import type { Priority } from './triage';

export {
  CLAIM_PROGRESS_HOURS,
  CONFIRMATION_DAYS,
  HELPED_LIST_DAYS,
  REFERRAL_PROGRESS_DAYS,
  TEAM_RESPONSE_HOURS,
  WMO_DECISION_DAYS,
  WMO_INVESTIGATION_DAYS,
} from '../../kernel/durations';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const addHours = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);

export function zerothLineDeadline(topic: Topic, urgency: Urgency, from: Date): Date {
  return addHours(from, topic.responseHours[urgency]);
}

/** The second, shorter window after the search widens once: half the first, at least two hours. */
export function widenedDeadline(topic: Topic, urgency: Urgency, from: Date): Date {
  return addHours(from, Math.max(2, topic.responseHours[urgency] / 2));
}

/** The team's response deadline: its hours count only while the team works (decision 20). */
export function teamDeadline(priority: Priority, from: Date, hours: TeamHours): Date {
  return addWorkingTime(hours, from, TEAM_RESPONSE_HOURS[priority] * HOUR);
}

export function claimProgressDeadline(urgency: Urgency, from: Date): Date {
  return addHours(from, CLAIM_PROGRESS_HOURS[urgency]);
}

export function referralProgressDeadline(from: Date): Date {
  return new Date(from.getTime() + REFERRAL_PROGRESS_DAYS * DAY);
}

export function confirmationDeadline(from: Date): Date {
  return new Date(from.getTime() + CONFIRMATION_DAYS * DAY);
}

export interface WmoClock {
  meldingAt: string;
  investigationDeadline: string;
  conversationAt?: string;
  reportAt?: string;
  applicationAt?: string;
  decisionDeadline?: string;
  decisionAt?: string;
}

/** The steps of a formal Wmo request after the melding, in their order. */
export const WMO_STEPS = ['melding', 'conversation-held', 'report-sent', 'application-received', 'decision-recorded'] as const;
export type WmoStep = (typeof WMO_STEPS)[number];

/** Where each step after the melding is kept on the clock. */
const WMO_STEP_FIELD = {
  'conversation-held': 'conversationAt',
  'report-sent': 'reportAt',
  'application-received': 'applicationAt',
  'decision-recorded': 'decisionAt',
} as const satisfies Record<Exclude<WmoStep, 'melding'>, keyof WmoClock>;

/** The steps that can be recorded next: the melding when there is none, else every step not recorded yet. */
export function openWmoSteps(clock: WmoClock | undefined): WmoStep[] {
  if (!clock) return ['melding'];
  return WMO_STEPS.filter(
    (step): step is Exclude<WmoStep, 'melding'> => step !== 'melding' && !clock[WMO_STEP_FIELD[step as Exclude<WmoStep, 'melding'>]],
  );
}

/**
 * The clock after a step. 'melding' starts it (staff register a melding the form did not make); every other
 * step needs a melding first and happens once; an application starts the decision's two weeks.
 */
export function wmoStepRecorded(clock: WmoClock | undefined, step: WmoStep, at: Date): WmoClock {
  if (step === 'melding') {
    if (clock) throw new DomainError('invalid-request', 'the Wmo melding is registered already', { step });
    return startWmoClock(at);
  }
  if (!clock) throw new DomainError('invalid-request', 'register the Wmo melding first', { step });
  const field = (
    {
      'conversation-held': 'conversationAt',
      'report-sent': 'reportAt',
      'application-received': 'applicationAt',
      'decision-recorded': 'decisionAt',
    } as const
  )[step];
  if (clock[field]) throw new DomainError('invalid-request', `${step} is recorded already`, { step });
  if (step === 'application-received') return wmoApplicationReceived(clock, at);
  return { ...clock, [field]: at.toISOString() };
}

/** The Wmo deadlines still running: the investigation until the report, the decision until it is made. */
export function runningWmoDeadlines(clock: WmoClock | undefined): string[] {
  if (!clock) return [];
  return [
    ...(clock.reportAt || clock.applicationAt ? [] : [clock.investigationDeadline]),
    ...(clock.decisionDeadline && !clock.decisionAt ? [clock.decisionDeadline] : []),
  ];
}

export function startWmoClock(meldingAt: Date): WmoClock {
  return { meldingAt: meldingAt.toISOString(), investigationDeadline: new Date(meldingAt.getTime() + WMO_INVESTIGATION_DAYS * DAY).toISOString() };
}

export function wmoApplicationReceived(clock: WmoClock, at: Date): WmoClock {
  return { ...clock, applicationAt: at.toISOString(), decisionDeadline: new Date(at.getTime() + WMO_DECISION_DAYS * DAY).toISOString() };
}
