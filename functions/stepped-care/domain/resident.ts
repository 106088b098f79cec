// The resident's own data, kept apart from the anonymous request (decision 8): the personal record, their
// messages, and who looked at them. Types only: the rules about them live in the desk and the access policy.
import type { Locale } from '../../kernel/municipality';
import type { ContactMethod, ResidentIntake } from './intake';

export interface PersonalRecord {
  requestId: string;
  referenceCode: string;
  description: string;
  /** The description as the 0th line sees it: contact details and numbers removed. */
  summary: string;
  firstName?: string;
  postcode: string;
  houseNumber?: string;
  forWhom: ResidentIntake['forWhom'];
  otherPersonAgreed?: boolean;
  contact: { method: ContactMethod; email?: string; phone?: string };
  language: Locale;
  consent: ResidentIntake['consent'];
  createdAt: string;
  /** When the personal data goes at the latest (ISO); `expiresAt` is the same moment for DynamoDB's TTL. */
  retainUntil: string;
}

/** What someone holding the request sees to reach the resident (volunteer or initiative), in their language. */
export type HelperContact = Pick<PersonalRecord, 'firstName' | 'contact' | 'postcode' | 'houseNumber' | 'language'>;

export interface ResidentMessage {
  at: string;
  /** A question to the resident, their reply, or the comment with their feedback. */
  kind: 'question' | 'reply' | 'feedback-comment';
  text: string;
}

export interface AuditEntry {
  at: string;
  actor: { kind: 'volunteer' | 'professional' | 'initiative' | 'system'; id?: string; label: string };
  /** What was seen or done, e.g. "viewed-contact". */
  action: string;
  reason: string;
}

export type StatusTokenKind = 'link' | 'session';
