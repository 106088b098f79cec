// The resident's personal data, kept apart from the request's anonymous head and events: one PERSONAL item
// per request, their messages, and the lookups that lead to it (reference code, status-token hashes). Every
// one of these items carries a TTL and is listed on the retention index, so retention and erasure remove
// them while the head, the events and the audit trail (the counts) stay.
import { randomUUID } from 'node:crypto';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Key, Repository } from '../../platform/dynamodb/repository';
import type { ErasurePlan, ResidentData } from '../app/ports';
import { contactKey, type AuditEntry, type PersonalRecord, type ResidentMessage, type StatusTokenKind } from '../domain/resident';
import type { TableWrite } from './effects';

export type { AuditEntry, HelperContact, PersonalRecord, ResidentMessage, StatusTokenKind } from '../domain/resident';

interface TokenItem extends Item {
  requestId: string;
  kind: StatusTokenKind;
  expiresAt: number;
}

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The TTL every erasable item carries. Only the personal item is on the retention index: the sweep erases
 * a request's data when that one is due (a session token's own, earlier end is left to TTL and checks).
 */
function retained(key: Key, requestId: string, until: string, indexed = false): Item & Key {
  return { ...key, ...(indexed ? keys.retention(until, requestId, key.sk) : {}), expiresAt: epochSeconds(until) };
}

/** Writes that create a request's personal data and lookups, for the intake transaction. */
export function personalItems(record: PersonalRecord, tokenHash: string): TableWrite[] {
  const { requestId, retainUntil } = record;
  return [
    {
      kind: 'put',
      item: { ...retained(keys.personal(requestId), requestId, retainUntil, true), ...contactListing(record), type: 'personal', ...record },
    },
    {
      kind: 'put',
      item: { ...retained(keys.reference(record.referenceCode), requestId, retainUntil), type: 'reference', requestId },
      ifAbsent: true,
    },
    ...tokenWrites(tokenHash, requestId, 'link', retainUntil),
  ];
}

/** The personal item is also listed under its contact's key: it goes with the item, by erasure or retention. */
function contactListing(record: PersonalRecord): Partial<Item> {
  const key = contactKey(record.contact);
  return key ? keys.contactHistory(key, record.createdAt, record.requestId) : {};
}

function tokenWrites(tokenHash: string, requestId: string, kind: StatusTokenKind, until: string): TableWrite[] {
  return [
    { kind: 'put', item: { ...retained(keys.statusToken(tokenHash), requestId, until), type: 'status-token', requestId, kind }, ifAbsent: true },
    { kind: 'put', item: { ...retained(keys.statusTokenRef(requestId, tokenHash), requestId, until), type: 'status-token-ref', tokenHash } },
  ];
}

export function messageItem(requestId: string, message: ResidentMessage, retainUntil: string): TableWrite {
  // Ordered by time; the random part keeps two messages in the same millisecond apart.
  const key = keys.residentMessage(requestId, message.at, randomUUID().slice(0, 8));
  return { kind: 'put', item: { ...retained(key, requestId, retainUntil), type: 'resident-message', ...message } };
}

export class ResidentStore implements ResidentData {
  constructor(private readonly repo: Repository) {}

  /** Personal data of a request, or undefined once erased or past its retention (TTL may lag). */
  async personal(requestId: string, now: Date): Promise<PersonalRecord | undefined> {
    const item = await this.repo.get<PersonalRecord & Item>(keys.personal(requestId));
    if (!item || item.retainUntil <= now.toISOString()) return undefined;
    return strip(item) as unknown as PersonalRecord;
  }

  async requestForReference(code: string): Promise<string | undefined> {
    return (await this.repo.get<{ requestId: string }>(keys.reference(code)))?.requestId;
  }

  /** The request a status token opens, if the token is known and not expired. */
  async requestForToken(tokenHash: string, now: Date): Promise<string | undefined> {
    const item = await this.repo.get<TokenItem>(keys.statusToken(tokenHash));
    if (!item || item.expiresAt * 1000 <= now.getTime()) return undefined;
    return item.requestId;
  }

  /** A short-lived token for someone who proved the reference code and the contact given. */
  async createSessionToken(tokenHash: string, requestId: string, until: string, retainUntil: string): Promise<void> {
    const end = until < retainUntil ? until : retainUntil;
    // The reference first: a token is never left without the item erasure finds it by.
    const [token, ref] = tokenWrites(tokenHash, requestId, 'session', end).map((w) => (w as { item: Item & Key }).item) as [Item & Key, Item & Key];
    await this.repo.putMany([ref]);
    await this.repo.create(token);
  }

  async messages(requestId: string): Promise<ResidentMessage[]> {
    const items = await this.repo.queryPartition<ResidentMessage & Item>(keys.requestHead(requestId).pk, keys.residentMessagePrefix);
    return items.map(({ at, kind, text, by }) => ({ at, kind, text, ...(by ? { by } : {}) }));
  }

  async audit(requestId: string): Promise<AuditEntry[]> {
    const items = await this.repo.queryPartition<AuditEntry & Item>(keys.requestHead(requestId).pk, keys.auditPrefix);
    return items.map(({ at, actor, action, reason }) => ({ at, actor, action, reason }));
  }

  /** Records who saw or changed personal data. Called by whoever reveals it (volunteer claims, team views). */
  async recordAccess(requestId: string, entry: AuditEntry, id: string): Promise<void> {
    await this.repo.create({ ...keys.audit(requestId, entry.at, id), type: 'audit', requestId, ...entry });
  }

  /**
   * Deletes for every erasable item of a request: the personal item, messages, the reference lookup and all
   * status tokens (found through their references in the request's partition: no scan).
   */
  async erasurePlan(requestId: string): Promise<ErasurePlan> {
    const partition = await this.repo.queryPartition<Item & Key>(keys.requestHead(requestId).pk);
    const erasable = (sk: string) =>
      sk === keys.personal(requestId).sk ||
      sk === keys.feedCard(requestId).sk ||
      sk.startsWith(keys.residentMessagePrefix) ||
      sk.startsWith(keys.statusTokenRefPrefix);
    const deletes: Key[] = [];
    for (const item of partition) {
      const sk = String(item.sk);
      if (!erasable(sk)) continue;
      deletes.push({ pk: item.pk, sk: item.sk });
      if (sk === keys.personal(requestId).sk) deletes.push(keys.reference(String(item.referenceCode)));
      if (sk.startsWith(keys.statusTokenRefPrefix)) deletes.push(keys.statusToken(String(item.tokenHash)));
    }
    return { requestId, items: deletes };
  }

  async requestsOfContact(key: string, limit: number): Promise<string[]> {
    const items = await this.repo.queryIndexRange<Item>('gsi2', keys.contactHistoryPartition(key), '0', '9', limit, { newestFirst: true });
    return items.map((item) => String(item.requestId));
  }

  /** Requests with personal items past their retention moment, oldest first. */
  async pastRetention(now: Date, limit: number): Promise<string[]> {
    const items = await this.repo.queryIndexRange<Item>('gsi1', keys.retentionPartition, '0', `${now.toISOString()}#`, limit);
    return [...new Set(items.map((item) => String(item.gsi1sk).split('#')[1]!))];
  }
}

function strip(item: Item): Item {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, expiresAt: _e, ...rest } = item;
  return rest;
}
