// Time limits of the stepped-care ladder and the Wmo legal clocks. Pure functions of time.
import type { Topic, Urgency } from '../../kernel/topics';
import type { Priority } from './triage';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hours within which the district team must respond to a request in its queue. */
export const TEAM_RESPONSE_HOURS: Record<Priority, number> = { crisis: 1, high: 4, normal: 24, low: 72 };

/** After a claim: hours until a reminder when nothing happened, and again until the claim is released. */
export const CLAIM_PROGRESS_HOURS: Record<Urgency, number> = { today: 8, 'this-week': 48, 'no-rush': 96 };

/** After an initiative accepted a referral: days until a reminder when it did not close it, and again until it moves on. */
export const REFERRAL_PROGRESS_DAYS = 7;

/** Days a volunteer's page lists a request they took, so they can still raise a concern about it later. */
export const HELPED_LIST_DAYS = 90;

/** Days after "done" before a request the resident did not answer is closed as solved. */
export const CONFIRMATION_DAYS = 14;

/** Wmo 2015: after a melding the municipality investigates within 6 weeks; after an application it decides within 2. */
export const WMO_INVESTIGATION_DAYS = 42;
export const WMO_DECISION_DAYS = 14;

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
