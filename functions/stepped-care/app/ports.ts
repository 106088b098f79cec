// The ports of the stepped-care context: what its commands need from storage, in the domain's words. The
// DynamoDB adapters (../store/) and the in-memory ones (../store/memory.ts) implement them; one behaviour
// suite runs against both (tests/behaviour/).
import type { RequestCard } from '../../kernel/zeroth-line';
import type { Notification } from '../../platform/outbox/notifications';
import type { FeedPlacement } from '../domain/feed-placement';
import type { RequestEvent } from '../domain/lifecycle';
import type { InitiativeProfile, VolunteerProfile } from '../domain/matching';
import type { DueKind, RequestHead } from '../domain/request';
import type { AuditEntry, PersonalRecord, ResidentMessage } from '../domain/resident';

/** The card volunteers see in their feed (the redacted summary, no name or contact), until it expires. */
export interface FeedCard extends RequestCard {
  /** When the card goes (epoch seconds), with the resident's personal data. */
  expiresAt: number;
}

/** What erasure removes of one request: found by the store, removed in the erasing transaction. */
export interface ErasurePlan {
  requestId: string;
  /** Opaque to the application: the adapter's own handles of the items to remove. */
  items: readonly unknown[];
}

/**
 * Side effects that commit together with a request's events and head, all or nothing. They speak the domain;
 * the adapter is the one place that turns them into writes. A condition that fails names its domain error.
 */
export type Effect =
  /** Same key, same request: a retry of an intake finds the first one (fails when the key is taken). */
  | { kind: 'idempotency-key-claimed'; key: string; requestId: string; fingerprint?: string }
  /** An e-mail to send, written to the outbox with the change that causes it. */
  | { kind: 'notification-queued'; notification: Notification }
  /** A volunteer takes one more request: only while approved and below their cap (`volunteer-not-eligible`). */
  | { kind: 'volunteer-load-taken'; volunteerId: string }
  /** A volunteer's claim ended; `household` remembers whom they helped, for continuity. */
  | { kind: 'volunteer-load-returned'; volunteerId: string; household?: string }
  /** A referral offered to an initiative counts toward its week. */
  | { kind: 'initiative-week-counted'; initiativeId: string; week: string }
  /** The initiative said it is full: its week is at capacity (`referral-not-open` when it no longer exists). */
  | { kind: 'initiative-week-full'; initiativeId: string; week: string }
  /** The request's card for the volunteers' feed, created with the request. */
  | { kind: 'feed-card-placed'; card: FeedCard; placement: FeedPlacement | null }
  /** The card moves in the feed (or leaves it: null). */
  | { kind: 'feed-card-moved'; requestId: string; placement: FeedPlacement | null }
  /** On the volunteer's own page for a while, so they can raise a concern after the claim ends. */
  | { kind: 'helped-noted'; volunteerId: string; requestId: string; topicId: string; districtId: string; at: string; until: string }
  /** A volunteer's concern, into the district team's queue (fails when this volunteer raised one already). */
  | ({ kind: 'concern-queued'; until: string } & RaisedConcern)
  /** The team read a volunteer's concern. */
  | { kind: 'concern-acknowledged'; requestId: string; volunteerId: string; by: string; at: string }
  /** The team closed a volunteer's concern with an outcome: it leaves the queue. */
  | { kind: 'concern-closed'; requestId: string; volunteerId: string; by: string; at: string; outcome: string }
  /** The resident's personal data, reference code and first status link, with the intake. */
  | { kind: 'personal-data-written'; record: PersonalRecord; tokenHash: string }
  /** A message to or from the resident (personal, erasable). */
  | { kind: 'resident-message-written'; requestId: string; message: ResidentMessage; retainUntil: string }
  /** Everything personal of a request goes (on request, or by retention). */
  | { kind: 'personal-data-erased'; plan: ErasurePlan };

/** A request's events and head: read the head, append events with effects in one conditional commit. */
export interface RequestLog {
  head(requestId: string): Promise<RequestHead | undefined>;
  /** Heads of many requests, for reports and simulations, not for user paths. */
  heads(requestIds: string[]): Promise<RequestHead[]>;
  events(requestId: string): Promise<RequestEvent[]>;
  /**
   * Writes the events, the head and the effects at once, only if the head is still at `expectedVersion` (0:
   * new). Fails with `concurrent-change` when someone else moved the request first, or with an effect's own
   * error when its condition fails; nothing is written then.
   */
  commit(head: RequestHead, expectedVersion: number, events: RequestEvent[], effects?: Effect[]): Promise<void>;
  /** Requests whose deadline has passed, oldest first. */
  due(now: Date, limit?: number): Promise<{ requestId: string; kind: DueKind; at: string }[]>;
  /** The request an idempotency key made, with the fingerprint of the body it was made with. */
  requestForIdempotencyKey(key: string): Promise<{ requestId: string; fingerprint?: string } | undefined>;
  /** Whether this volunteer raised a concern about this request already. */
  hasConcern(requestId: string, volunteerId: string): Promise<boolean>;
  /** The feed card of a request, if it has one. */
  feedCard(requestId: string): Promise<FeedCard | undefined>;
  /** The requests the district team has in one district, in the queue's order: at most `limit`. */
  teamQueue(districtId: string, limit: number): Promise<RequestHead[]>;
  /** Volunteers' concerns in a district, oldest first: at most `limit`. */
  concerns(districtId: string, limit: number): Promise<Concern[]>;
  /** The concerns raised about one request. */
  concernsOf(requestId: string): Promise<Concern[]>;
}

/** A volunteer's concern as it is raised (personal: it expires with `until`). */
export interface RaisedConcern {
  requestId: string;
  volunteerId: string;
  districtId: string;
  topicId: string;
  /** The request's state when the concern was raised. */
  state: string;
  at: string;
  text: string;
}

/** A volunteer's concern about a resident they helped, as the team sees it: read, and closed with an outcome. */
export interface Concern extends RaisedConcern {
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  closedBy?: string;
  closedAt?: string;
  outcome?: string;
}

/** The resident's personal data and the lookups that lead to it. */
export interface ResidentData {
  personal(requestId: string, now: Date): Promise<PersonalRecord | undefined>;
  requestForReference(code: string): Promise<string | undefined>;
  requestForToken(tokenHash: string, now: Date): Promise<string | undefined>;
  createSessionToken(tokenHash: string, requestId: string, until: string, retainUntil: string): Promise<void>;
  messages(requestId: string): Promise<ResidentMessage[]>;
  audit(requestId: string): Promise<AuditEntry[]>;
  recordAccess(requestId: string, entry: AuditEntry, id: string): Promise<void>;
  erasurePlan(requestId: string): Promise<ErasurePlan>;
  /** The requests given with one contact (by its hash: domain/resident.ts contactKey), newest first. */
  requestsOfContact(contactKey: string, limit: number): Promise<string[]>;
  pastRetention(now: Date, limit: number): Promise<string[]>;
}

/** The helpers matching may ask: approved volunteers by pool, and initiatives with their weekly counts. */
export interface HelperPool {
  volunteer(volunteerId: string): Promise<VolunteerProfile | undefined>;
  candidateIds(districts: readonly string[], topicId: string, random: () => number): Promise<string[]>;
  profiles(volunteerIds: readonly string[]): Promise<VolunteerProfile[]>;
  /** Initiatives listed in a district that cover a topic, with their capacity and live counts per week. */
  initiatives(districtId: string, topicId: string): Promise<InitiativeCapacity[]>;
}

export type InitiativeCapacity = Omit<InitiativeProfile, 'referralsThisWeek'> & {
  /** Referrals offered per ISO week (see domain/referral.ts). */
  referralsByWeek?: Readonly<Record<string, number>>;
};

/** An unfinished intake as stored, by the hash of its id; `expiresAt` in epoch milliseconds. */
export interface StoredDraft {
  answers: Record<string, string>;
  formKey: string;
  sent?: true;
  expiresAt: number;
}

/** Drafts of the step-by-step form: read, overwrite, remove; an adapter may keep one past `expiresAt` (TTL lags). */
export interface DraftStore {
  read(idHash: string): Promise<StoredDraft | undefined>;
  write(idHash: string, draft: StoredDraft): Promise<void>;
  remove(idHash: string): Promise<void>;
}
