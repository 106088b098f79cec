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
import type { Topic, Urgency } from '../../kernel/topics';
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

export function teamDeadline(priority: Priority, from: Date): Date {
  return addHours(from, TEAM_RESPONSE_HOURS[priority]);
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
  applicationAt?: string;
  decisionDeadline?: string;
}

export function startWmoClock(meldingAt: Date): WmoClock {
  return { meldingAt: meldingAt.toISOString(), investigationDeadline: new Date(meldingAt.getTime() + WMO_INVESTIGATION_DAYS * DAY).toISOString() };
}

export function wmoApplicationReceived(clock: WmoClock, at: Date): WmoClock {
  return { ...clock, applicationAt: at.toISOString(), decisionDeadline: new Date(at.getTime() + WMO_DECISION_DAYS * DAY).toISOString() };
}
