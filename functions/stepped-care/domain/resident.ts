// The resident's own data, kept apart from the anonymous request (decision 8): the personal record, their
// messages, and who looked at them. Types only: the rules about them live in the desk and the access policy.
import { createHash } from 'node:crypto';
import type { Locale } from '../../kernel/municipality';
import type { ContactMethod, ResidentIntake } from './intake';
import type { RequestEvent } from './lifecycle';

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
  /** Taken by phone or at the desk: by whom; the resident's consent to record it was confirmed then. */
  takenBy?: { staffId: string; consentConfirmedAt: string };
  /** When the personal data goes at the latest (ISO); `expiresAt` is the same moment for DynamoDB's TTL. */
  retainUntil: string;
}

/** What someone holding the request sees to reach the resident (volunteer or initiative), in their language. */
export type HelperContact = Pick<PersonalRecord, 'firstName' | 'contact' | 'postcode' | 'houseNumber' | 'language' | 'forWhom'>;

export interface ResidentMessage {
  at: string;
  /**
   * A question to the resident, their reply, the comment with their feedback, a message from the team, or
   * the team's internal note (never shown to the resident).
   */
  kind: 'question' | 'reply' | 'feedback-comment' | 'team-message' | 'team-note';
  text: string;
  /** Who of the team wrote it (their name), for the team's own reading. */
  by?: string;
}

/** What the resident reads of the conversation, and who said it. */
export const MESSAGES_FOR_THE_RESIDENT: Readonly<Partial<Record<ResidentMessage['kind'], 'us' | 'you'>>> = {
  question: 'us',
  'team-message': 'us',
  reply: 'you',
};

export interface AuditEntry {
  at: string;
  actor: { kind: 'volunteer' | 'professional' | 'initiative' | 'system'; id?: string; label: string };
  /** What was seen or done, e.g. "viewed-contact". */
  action: string;
  reason: string;
}

export type StatusTokenKind = 'link' | 'session';

/**
 * The key of a contact (an e-mail address or a phone number, normalised), so the team sees earlier requests
 * of the same person without the address in any key. None for a resident who gave no contact.
 */
export function contactKey(contact: PersonalRecord['contact']): string | undefined {
  const value =
    contact.method === 'email' ? contact.email?.trim().toLowerCase() : contact.method === 'phone' ? contact.phone?.replace(/\D/g, '') : undefined;
  return value ? createHash('sha256').update(`wijkloket-contact:${contact.method}:${value}`, 'utf8').digest('hex') : undefined;
}

/**
 * What the resident wrote that whoever helps them should read: their replies, and why it was not solved when
 * they said so; oldest first. Volunteers and initiatives holding the request see it, and so does the next one.
 */
export function residentWords(messages: readonly ResidentMessage[], events: readonly RequestEvent[]): { at: string; text: string }[] {
  return [
    ...messages.filter((m) => m.kind === 'reply').map((m) => ({ at: m.at, text: m.text })),
    ...events.filter((e) => e.type === 'reported-not-solved').map((e) => ({ at: e.at, text: e.reason })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}
