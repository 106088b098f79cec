// Notifications the engine emits. They are written to the outbox in the same transaction as the change that
// causes them, so none is lost; a sender delivers them (SES in AWS, the development outbox page locally).
// They carry ids, never addresses: the sender looks the address up when it sends.

import { OUTBOX_RETENTION_DAYS, SECRET_RETENTION_MINUTES } from '../../kernel/durations';

export const NOTIFICATION_TEMPLATES = [
  'request-offered',
  'referral-offered',
  'referral-reminder',
  'referral-returned',
  'claim-reminder',
  'claim-released',
  'escalated-to-team',
  'team-overdue',
  'request-claimed',
  'was-it-solved',
  'receipt',
  'information-requested',
  'sign-in-code',
  'volunteer-welcome',
  'volunteer-known',
  'volunteer-approved',
  'volunteer-rejected',
  'volunteer-withdrawn',
  'concern-raised',
  'concern-received',
  'concern-acknowledged',
  'team-message',
  'wmo-deadline-near',
  'wmo-deadline-passed',
  'offers-digest',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

export type Recipient =
  | { kind: 'volunteer'; id: string }
  | { kind: 'initiative'; id: string }
  | { kind: 'team'; id: string }
  | { kind: 'resident'; id: string }
  | { kind: 'staff'; id: string };

export interface Notification {
  notificationId: string;
  at: string;
  template: NotificationTemplate;
  to: Recipient;
  /** The request it is about; absent for account e-mails (sign-in codes). */
  requestId?: string;
  urgent: boolean;
  /**
   * Text the e-mail needs that cannot be looked up when it is sent: only a sign-in code, which is useless
   * once used or after 15 minutes (the item's TTL is set to then; the table keeps only its hash).
   */
  params?: Record<string, string>;
}

/** Outbox items are kept for 30 days, then DynamoDB's TTL removes them. */
export const OUTBOX_RETENTION_SECONDS = OUTBOX_RETENTION_DAYS * 86_400;
/** An item that carries a secret (a sign-in code) goes as soon as the code is useless. */
export const SECRET_RETENTION_SECONDS = SECRET_RETENTION_MINUTES * 60;
const SECRET_TEMPLATES: readonly NotificationTemplate[] = ['sign-in-code'];

/** When an outbox item may go (epoch seconds). */
export function outboxExpiry(n: Pick<Notification, 'at' | 'template'>): number {
  return Math.floor(Date.parse(n.at) / 1000) + (SECRET_TEMPLATES.includes(n.template) ? SECRET_RETENTION_SECONDS : OUTBOX_RETENTION_SECONDS);
}

/** The outbox as a port: e-mails outside a request's transaction (sign-in codes, account mails, digests). */
export interface Outbox {
  queue(n: Notification): Promise<void>;
  /** Queues `n` unless something was queued under `onceKey` before (kept until `until`); false then. */
  queueOnce(onceKey: string, n: Notification, until: Date): Promise<boolean>;
  /** What was queued from `from` up to and including `to` (ISO moments), oldest first. */
  between(from: string, to: string): Promise<Notification[]>;
}
