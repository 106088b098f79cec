// In-memory adapters of the stepped-care ports: the same rules as the DynamoDB ones (conditional commits,
// all-or-nothing effects), for unit tests without Java and for large simulations. The behaviour suite in
// tests/behaviour/ runs against both, so they cannot drift apart.
import { DomainError } from '../../kernel/errors';
import type { Notification } from '../../platform/outbox/notifications';
import type {
  Concern,
  DraftStore,
  Effect,
  ErasurePlan,
  FeedCard,
  HelperPool,
  InitiativeCapacity,
  RequestLog,
  ResidentData,
  StoredDraft,
} from '../app/ports';
import { teamQueuePlacement } from '../domain/team-queue-placement';
import type { FeedPlacement } from '../domain/feed-placement';
import type { RequestEvent } from '../domain/lifecycle';
import type { VolunteerProfile } from '../domain/matching';
import type { DueKind, RequestHead } from '../domain/request';
import { contactKey, type AuditEntry, type PersonalRecord, type ResidentMessage, type StatusTokenKind } from '../domain/resident';

/** What other contexts keep that a request's commit changes too (one table in DynamoDB, shared maps here). */
export interface SharedMemory {
  volunteers: Map<string, VolunteerProfile>;
  initiatives: Map<string, InitiativeCapacity>;
  feed: Map<string, { card: FeedCard; placement: FeedPlacement | null }>;
  helped: Map<string, { requestId: string; topicId: string; districtId: string; at: string; until: string }[]>;
  outbox: Notification[];
}

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryResidentData implements ResidentData {
  readonly personals = new Map<string, PersonalRecord>();
  readonly references = new Map<string, string>();
  readonly tokens = new Map<string, { requestId: string; kind: StatusTokenKind; until: string }>();
  readonly messageLog = new Map<string, ResidentMessage[]>();
  private readonly audits = new Map<string, AuditEntry[]>();

  async personal(requestId: string, now: Date): Promise<PersonalRecord | undefined> {
    const record = this.personals.get(requestId);
    return record && record.retainUntil > now.toISOString() ? copy(record) : undefined;
  }

  async requestForReference(code: string): Promise<string | undefined> {
    return this.references.get(code);
  }

  async requestForToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const token = this.tokens.get(tokenHash);
    return token && Date.parse(token.until) > now.getTime() ? token.requestId : undefined;
  }

  async createSessionToken(tokenHash: string, requestId: string, until: string, retainUntil: string): Promise<void> {
    if (this.tokens.has(tokenHash)) throw new Error(`token ${tokenHash} exists`);
    this.tokens.set(tokenHash, { requestId, kind: 'session', until: until < retainUntil ? until : retainUntil });
  }

  async messages(requestId: string): Promise<ResidentMessage[]> {
    return copy([...(this.messageLog.get(requestId) ?? [])].sort((a, b) => a.at.localeCompare(b.at)));
  }

  async audit(requestId: string): Promise<AuditEntry[]> {
    return copy([...(this.audits.get(requestId) ?? [])].sort((a, b) => a.at.localeCompare(b.at)));
  }

  async recordAccess(requestId: string, entry: AuditEntry): Promise<void> {
    this.audits.set(requestId, [...(this.audits.get(requestId) ?? []), copy(entry)]);
  }

  async erasurePlan(requestId: string): Promise<ErasurePlan> {
    return { requestId, items: [requestId] };
  }

  async requestsOfContact(key: string, limit: number): Promise<string[]> {
    return [...this.personals.values()]
      .filter((p) => contactKey(p.contact) === key)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, limit)
      .map((p) => p.requestId);
  }

  async pastRetention(now: Date, limit: number): Promise<string[]> {
    return [...this.personals.values()]
      .filter((p) => p.retainUntil < now.toISOString())
      .sort((a, b) => a.retainUntil.localeCompare(b.retainUntil))
      .slice(0, limit)
      .map((p) => p.requestId);
  }

  /** Removes everything personal of a request (the erasure effect). */
  erase(requestId: string): void {
    const personal = this.personals.get(requestId);
    if (personal) this.references.delete(personal.referenceCode);
    this.personals.delete(requestId);
    this.messageLog.delete(requestId);
    for (const [hash, token] of this.tokens) if (token.requestId === requestId) this.tokens.delete(hash);
  }
}

export class MemoryRequestLog implements RequestLog {
  private readonly headsById = new Map<string, RequestHead>();
  private readonly eventsById = new Map<string, RequestEvent[]>();
  private readonly idempotency = new Map<string, { requestId: string; fingerprint?: string }>();
  private readonly concernItems = new Map<string, Concern>();

  constructor(
    private readonly shared: SharedMemory,
    private readonly residents: MemoryResidentData,
  ) {}

  async head(requestId: string): Promise<RequestHead | undefined> {
    const head = this.headsById.get(requestId);
    return head && copy(head);
  }

  async heads(requestIds: string[]): Promise<RequestHead[]> {
    return requestIds.flatMap((id) => (this.headsById.has(id) ? [copy(this.headsById.get(id)!)] : []));
  }

  async events(requestId: string): Promise<RequestEvent[]> {
    return copy(this.eventsById.get(requestId) ?? []);
  }

  async commit(head: RequestHead, expectedVersion: number, events: RequestEvent[], effects: Effect[] = []): Promise<void> {
    const stored = this.headsById.get(head.requestId);
    const log = this.eventsById.get(head.requestId) ?? [];
    const versionHolds = expectedVersion === 0 ? !stored : stored?.version === expectedVersion;
    if (!versionHolds || events.some((e) => log.some((l) => l.seq === e.seq))) {
      throw new DomainError('concurrent-change', `request ${head.requestId} was changed by someone else first`);
    }
    // All or nothing: every condition is checked before anything is applied.
    for (const effect of effects) this.check(effect);
    this.headsById.set(head.requestId, copy(head));
    this.eventsById.set(head.requestId, [...log, ...copy(events)]);
    for (const effect of effects) this.apply(effect);
  }

  async due(now: Date, limit = 500): Promise<{ requestId: string; kind: DueKind; at: string }[]> {
    const bound = `${now.toISOString()}#~`;
    return [...this.headsById.values()]
      .filter((h) => h.due && `${h.due.at}#${h.due.kind}#${h.requestId}` <= bound)
      .sort((a, b) => `${a.due!.at}#${a.due!.kind}#${a.requestId}`.localeCompare(`${b.due!.at}#${b.due!.kind}#${b.requestId}`))
      .slice(0, limit)
      .map((h) => ({ requestId: h.requestId, kind: h.due!.kind, at: h.due!.at }));
  }

  async requestForIdempotencyKey(key: string): Promise<{ requestId: string; fingerprint?: string } | undefined> {
    const found = this.idempotency.get(key);
    return found && { ...found };
  }

  async hasConcern(requestId: string, volunteerId: string): Promise<boolean> {
    return this.concernItems.has(`${requestId}#${volunteerId}`);
  }

  async teamQueue(districtId: string, limit: number): Promise<RequestHead[]> {
    const sortKey = (h: RequestHead) => {
      const p = teamQueuePlacement(h)!;
      return `${p.crisis ? 0 : 1}#${p.deadline ?? '9999'}#${p.since}#${p.requestId}`;
    };
    return [...this.headsById.values()]
      .filter((h) => teamQueuePlacement(h)?.districtId === districtId)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .slice(0, limit)
      .map(copy);
  }

  async concerns(districtId: string, limit: number): Promise<Concern[]> {
    return [...this.concernItems.values()]
      .filter((c) => c.districtId === districtId)
      .sort((a, b) => `${a.at}#${a.requestId}`.localeCompare(`${b.at}#${b.requestId}`))
      .slice(0, limit)
      .map(copy);
  }

  async concernsOf(requestId: string): Promise<Concern[]> {
    return [...this.concernItems.values()].filter((c) => c.requestId === requestId).map(copy);
  }

  async feedCard(requestId: string): Promise<FeedCard | undefined> {
    const entry = this.shared.feed.get(requestId);
    return entry && copy(entry.card);
  }

  private check(effect: Effect): void {
    const { volunteers, initiatives, feed } = this.shared;
    switch (effect.kind) {
      case 'idempotency-key-claimed':
        if (this.idempotency.has(effect.key)) throw new DomainError('concurrent-change', 'an item written with this change already exists');
        return;
      case 'volunteer-load-taken': {
        const v = volunteers.get(effect.volunteerId);
        if (!v || v.status !== 'approved' || v.openClaims >= v.maxOpenClaims) {
          throw new DomainError('volunteer-not-eligible', 'volunteer is not approved or has too many open requests', { reason: 'load' });
        }
        return;
      }
      case 'volunteer-load-returned':
        if (!((volunteers.get(effect.volunteerId)?.openClaims ?? 0) > 0)) throw new DomainError('concurrent-change', 'volunteer counter out of step');
        return;
      case 'initiative-week-full':
        if (!initiatives.has(effect.initiativeId)) throw new DomainError('referral-not-open', 'the initiative no longer exists');
        return;
      case 'feed-card-moved':
        if (!feed.has(effect.requestId)) throw new DomainError('concurrent-change', `the feed card of ${effect.requestId} is gone`);
        return;
      case 'concern-queued':
        if (this.concernItems.has(`${effect.requestId}#${effect.volunteerId}`))
          throw new DomainError('concurrent-change', 'an item written with this change already exists');
        return;
      case 'concern-acknowledged':
        if (
          this.concernItems.get(`${effect.requestId}#${effect.volunteerId}`)?.acknowledgedAt !== undefined ||
          !this.concernItems.has(`${effect.requestId}#${effect.volunteerId}`)
        )
          throw new DomainError('invalid-request', 'this concern was acknowledged already, or does not exist');
        return;
      case 'concern-closed': {
        const concern = this.concernItems.get(`${effect.requestId}#${effect.volunteerId}`);
        if (!concern || concern.closedAt !== undefined)
          throw new DomainError('invalid-request', 'this concern was closed already, or does not exist');
        return;
      }
      case 'personal-data-written':
        if (this.residents.references.has(effect.record.referenceCode) || this.residents.tokens.has(effect.tokenHash)) {
          throw new DomainError('concurrent-change', 'an item written with this change already exists');
        }
        return;
      default:
        return;
    }
  }

  private apply(effect: Effect): void {
    const { volunteers, initiatives, feed, helped, outbox } = this.shared;
    switch (effect.kind) {
      case 'idempotency-key-claimed':
        this.idempotency.set(effect.key, { requestId: effect.requestId, ...(effect.fingerprint ? { fingerprint: effect.fingerprint } : {}) });
        return;
      case 'notification-queued':
        outbox.push(copy(effect.notification));
        return;
      case 'volunteer-load-taken': {
        const v = volunteers.get(effect.volunteerId)!;
        volunteers.set(effect.volunteerId, { ...v, openClaims: v.openClaims + 1 });
        return;
      }
      case 'volunteer-load-returned': {
        const v = volunteers.get(effect.volunteerId)!;
        const households = effect.household ? [...new Set([...(v.helpedHouseholds ?? []), effect.household])] : v.helpedHouseholds;
        volunteers.set(effect.volunteerId, { ...v, openClaims: v.openClaims - 1, ...(households ? { helpedHouseholds: households } : {}) });
        return;
      }
      case 'initiative-week-counted': {
        const i = initiatives.get(effect.initiativeId);
        if (!i) return;
        const weeks = { ...(i.referralsByWeek ?? {}) };
        weeks[effect.week] = (weeks[effect.week] ?? 0) + 1;
        initiatives.set(effect.initiativeId, { ...i, referralsByWeek: weeks });
        return;
      }
      case 'initiative-week-full': {
        const i = initiatives.get(effect.initiativeId)!;
        initiatives.set(effect.initiativeId, { ...i, referralsByWeek: { ...(i.referralsByWeek ?? {}), [effect.week]: i.capacityPerWeek } });
        return;
      }
      case 'feed-card-placed':
        feed.set(effect.card.requestId, { card: copy(effect.card), placement: copy(effect.placement) });
        return;
      case 'feed-card-moved':
        feed.set(effect.requestId, { ...feed.get(effect.requestId)!, placement: copy(effect.placement) });
        return;
      case 'helped-noted': {
        const { kind: _kind, volunteerId, ...note } = effect;
        helped.set(volunteerId, [...(helped.get(volunteerId) ?? []), note]);
        return;
      }
      case 'concern-queued': {
        const { kind: _kind, until: _until, ...concern } = effect;
        this.concernItems.set(`${effect.requestId}#${effect.volunteerId}`, copy(concern));
        return;
      }
      case 'concern-acknowledged': {
        const key = `${effect.requestId}#${effect.volunteerId}`;
        this.concernItems.set(key, { ...this.concernItems.get(key)!, acknowledgedBy: effect.by, acknowledgedAt: effect.at });
        return;
      }
      case 'concern-closed': {
        const key = `${effect.requestId}#${effect.volunteerId}`;
        this.concernItems.set(key, { ...this.concernItems.get(key)!, closedBy: effect.by, closedAt: effect.at, outcome: effect.outcome });
        return;
      }
      case 'personal-data-written': {
        const { record, tokenHash } = effect;
        this.residents.personals.set(record.requestId, copy(record));
        this.residents.references.set(record.referenceCode, record.requestId);
        this.residents.tokens.set(tokenHash, { requestId: record.requestId, kind: 'link', until: record.retainUntil });
        return;
      }
      case 'resident-message-written': {
        const log = this.residents.messageLog;
        log.set(effect.requestId, [...(log.get(effect.requestId) ?? []), copy(effect.message)]);
        return;
      }
      case 'personal-data-erased':
        this.residents.erase(effect.plan.requestId);
        feed.delete(effect.plan.requestId);
        return;
    }
  }
}

/** The helpers matching may ask, over the shared maps (the volunteers' and initiatives' adapters fill them). */
export class MemoryHelperPool implements HelperPool {
  constructor(
    private readonly shared: Pick<SharedMemory, 'volunteers' | 'initiatives'>,
    private readonly listings: (districtId: string) => readonly { initiativeId: string; topics: readonly string[] }[],
  ) {}

  async volunteer(volunteerId: string): Promise<VolunteerProfile | undefined> {
    const v = this.shared.volunteers.get(volunteerId);
    return v && copy(v);
  }

  async candidateIds(districts: readonly string[], topicId: string): Promise<string[]> {
    return [...this.shared.volunteers.values()]
      .filter((v) => v.status === 'approved' && v.topics.includes(topicId) && v.districts.some((d) => districts.includes(d)))
      .map((v) => v.volunteerId);
  }

  async profiles(volunteerIds: readonly string[]): Promise<VolunteerProfile[]> {
    return volunteerIds.flatMap((id) => (this.shared.volunteers.has(id) ? [copy(this.shared.volunteers.get(id)!)] : []));
  }

  async initiatives(districtId: string, topicId: string): Promise<InitiativeCapacity[]> {
    return this.listings(districtId)
      .filter((i) => i.topics.includes(topicId))
      .flatMap((i) => (this.shared.initiatives.has(i.initiativeId) ? [copy(this.shared.initiatives.get(i.initiativeId)!)] : []));
  }
}

/** Drafts of the step-by-step form in memory, by the hash of their id. */
export class MemoryDraftStore implements DraftStore {
  readonly drafts = new Map<string, StoredDraft>();

  async read(idHash: string): Promise<StoredDraft | undefined> {
    const draft = this.drafts.get(idHash);
    return draft ? structuredClone(draft) : undefined;
  }

  async write(idHash: string, draft: StoredDraft): Promise<void> {
    this.drafts.set(idHash, structuredClone(draft));
  }

  async remove(idHash: string): Promise<void> {
    this.drafts.delete(idHash);
  }
}
