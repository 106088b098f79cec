// Sign-in and sessions on DynamoDB. Addresses appear in keys only as hashes; codes and session tokens are
// stored only as hashes. Every item carries a TTL, and the code checks expiry itself as TTL may lag.
import { isSecretShaped } from '../../kernel/reference';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  emailKey,
  hashSecret,
  secretMatches,
  SIGN_IN_MAX_ATTEMPTS,
  newCsrfToken,
  newSessionToken,
  SESSION_HOURS,
  sessionAlive,
  sessionNeedsTouch,
  stateWithNewCode,
  type Account,
  type CodeCheck,
  type CodeRequest,
  type CodeState,
  type Session,
  type StaffMember,
} from '../domain/sign-in';
import type { Accounts } from '../app/ports';
import { keys } from '../../platform/dynamodb/keys';
import type { Municipality } from '../../kernel/municipality';
import { outboxItem } from '../../platform/dynamodb/outbox';
import { AlreadyExistsError, type Item, type Key, type Repository } from '../../platform/dynamodb/repository';
import type { Notification } from '../../platform/outbox/notifications';

type SignInItem = Item & CodeState & { version: number; expiresAt: number };
type SessionItem = Item & {
  account: Account;
  csrf: string;
  validUntil: string;
  secondFactor?: boolean;
  lastSeenAt?: string;
  challenge?: { value: string; until: string };
};

export type { CodeCheck, CodeRequest, Session } from '../domain/sign-in';

const HOUR = 3_600_000;
const epoch = (ms: number) => Math.floor(ms / 1000);

/** The partition of an account's profile, where its session references live. */
export function accountPartition(account: Account): string {
  return (account.kind === 'volunteer' ? keys.volunteer(account.id) : keys.staff(account.id)).pk;
}

/** The item that maps an address to its account; written with the volunteer or staff profile. */
export function accountItem(email: string, account: Account): Item & Key {
  return { ...keys.account(emailKey(email)), type: 'account', ...account };
}

/** The items that seed staff and the demo accounts from the municipality's file. */
export function identitySeedItems(m: Municipality): (Item & Key)[] {
  return [
    ...m.professionals.map((p) => ({ ...keys.staff(p.id), ...keys.staffListing(p.id), type: 'staff', staffId: p.id, ...p, id: undefined })),
    // Demo accounts: volunteers and staff sign in with these people's addresses.
    ...m.volunteers.map((v) => accountItem(v.email, { kind: 'volunteer', id: v.id })),
    ...m.professionals.map((p) => accountItem(p.email, { kind: 'staff', id: p.id, role: p.role })),
  ];
}

export class AccountStore implements Accounts {
  constructor(
    private readonly repo: Repository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Creates the account for an address; false when the address has one already. */
  async create(email: string, account: Account): Promise<boolean> {
    try {
      await this.repo.create(accountItem(email, account));
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  async staffProfile(staffId: string): Promise<{ name: string; role: string } | undefined> {
    const item = await this.repo.get<{ name: string; role: string }>(keys.staff(staffId));
    return item && { name: item.name, role: item.role };
  }

  async staffMember(staffId: string): Promise<StaffMember | undefined> {
    const item = await this.repo.get<Item>(keys.staff(staffId));
    return item && staffMemberOf(item);
  }

  /** One Query on the staff list (a few dozen people per municipality). */
  async staffMembers(): Promise<StaffMember[]> {
    return (await this.repo.queryIndex<Item>('gsi1', keys.staffListPartition)).map(staffMemberOf);
  }

  async accountFor(email: string): Promise<Account | undefined> {
    const item = await this.repo.get<Account & Item>(keys.account(emailKey(email)));
    return item ? { kind: item.kind, id: item.id, ...(item.role ? { role: item.role } : {}) } : undefined;
  }

  /**
   * Stores the hash of a new code for an address, replacing an older one, within the hourly limit. Done the
   * same way whether or not the address has an account, so the answer and its timing reveal nothing.
   * `mail` (the e-mail with the code) goes to the outbox in the same transaction, only for known addresses.
   */
  async issueCode(email: string, codeHash: string, mail?: Notification): Promise<CodeRequest> {
    const extra = mail ? [outboxItem(mail)] : [];
    const now = this.clock().getTime();
    const key = keys.signIn(emailKey(email));
    const current = await this.repo.get<SignInItem>(key);
    const next = stateWithNewCode(current, codeHash, new Date(now));
    if (next === 'too-many') return 'too-many';
    const item: SignInItem = { ...key, type: 'sign-in', ...next, version: (current?.version ?? 0) + 1, expiresAt: epoch(now + HOUR) };
    const condition = current
      ? {
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': current.version },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    try {
      await this.repo.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.repo.tableName, Item: item, ...condition } },
            ...extra.map((Item) => ({ Put: { TableName: this.repo.tableName, Item } })),
          ],
        }),
      );
    } catch (error) {
      // Two requests for the same address at once: the other one counted; this one is one too many.
      if (error instanceof Error && error.name === 'TransactionCanceledException') return 'too-many';
      throw error;
    }
    return 'issued';
  }

  /**
   * Checks a code. Every try, right or wrong, first takes one of the code's tries in one conditional update
   * (so twenty guesses at once count twenty, and the sixth finds none left); a right code is then used up
   * under a condition on its hash, so two tries with it cannot both win.
   */
  async checkCode(email: string, code: string): Promise<CodeCheck> {
    const key = keys.signIn(emailKey(email));
    const now = this.clock().toISOString();
    let item: SignInItem;
    try {
      const taken = await this.repo.client.send(
        new UpdateCommand({
          TableName: this.repo.tableName,
          Key: key,
          UpdateExpression: 'SET attempts = if_not_exists(attempts, :zero) + :one',
          ConditionExpression: 'attribute_exists(codeHash) AND codeExpiresAt > :now AND (attribute_not_exists(attempts) OR attempts < :max)',
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':now': now, ':max': SIGN_IN_MAX_ATTEMPTS },
          ReturnValues: 'ALL_NEW',
        }),
      );
      item = taken.Attributes as SignInItem;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { ok: false };
      throw error;
    }
    if (!secretMatches(code, item.codeHash!)) return { ok: false };
    const account = await this.accountFor(email);
    if (!account) return { ok: false };
    try {
      // Used up: the code goes, the hour's count stays.
      await this.repo.client.send(
        new UpdateCommand({
          TableName: this.repo.tableName,
          Key: key,
          UpdateExpression: 'REMOVE codeHash, codeExpiresAt, attempts SET version = version + :one',
          ConditionExpression: 'codeHash = :code',
          ExpressionAttributeValues: { ':code': item.codeHash, ':one': 1 },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { ok: false };
      throw error;
    }
    return { ok: true, account };
  }

  /** A new server-side session; returns the token for the cookie (only its hash is stored). */
  async startSession(account: Account): Promise<{ token: string; session: Session }> {
    const token = newSessionToken();
    const tokenHash = hashSecret(token);
    const now = this.clock().getTime();
    const expires = now + SESSION_HOURS * HOUR;
    const session: Session = {
      account,
      csrf: newCsrfToken(),
      expiresAt: new Date(expires).toISOString(),
      secondFactor: false,
      lastSeenAt: new Date(now).toISOString(),
    };
    await this.repo.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.repo.tableName,
              Item: {
                ...keys.session(tokenHash),
                type: 'session',
                account,
                csrf: session.csrf,
                secondFactor: false,
                lastSeenAt: session.lastSeenAt,
                ...ttl(expires),
              },
            },
          },
          {
            Put: {
              TableName: this.repo.tableName,
              Item: { ...keys.sessionRef(accountPartition(account), tokenHash), type: 'session-ref', tokenHash, ...ttl(expires) },
            },
          },
        ],
      }),
    );
    return { token, session };
  }

  /** The live session of a token: not expired, and for staff not idle; its use is recorded once a minute. */
  async session(token: string | undefined): Promise<Session | undefined> {
    if (!token || !isSecretShaped(token)) return undefined;
    const key = keys.session(hashSecret(token));
    const item = await this.repo.get<SessionItem>(key);
    const now = this.clock();
    if (!item) return undefined;
    const session: Session = {
      account: item.account,
      csrf: item.csrf,
      expiresAt: item.validUntil,
      secondFactor: item.secondFactor === true,
      lastSeenAt: item.lastSeenAt ?? item.validUntil,
      ...(item.challenge ? { challenge: item.challenge } : {}),
    };
    if (!sessionAlive(session, now)) return undefined;
    if (sessionNeedsTouch(session, now)) {
      await this.update(key, 'SET lastSeenAt = :now', { ':now': now.toISOString() });
      session.lastSeenAt = now.toISOString();
    }
    return session;
  }

  async setChallenge(token: string, challenge: string, until: string): Promise<void> {
    await this.update(keys.session(hashSecret(token)), 'SET challenge = :challenge', { ':challenge': { value: challenge, until } });
  }

  async elevateSession(token: string): Promise<void> {
    await this.update(keys.session(hashSecret(token)), 'SET secondFactor = :yes REMOVE challenge', { ':yes': true });
  }

  /** An update of an existing session (never creates one: an ended session stays ended). */
  private async update(key: Key, expression: string, values: Record<string, unknown>): Promise<void> {
    try {
      await this.repo.client.send(
        new UpdateCommand({
          TableName: this.repo.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async endSession(token: string): Promise<void> {
    const tokenHash = hashSecret(token);
    const item = await this.repo.get<Item & { account: Account }>(keys.session(tokenHash));
    if (!item) return;
    await this.repo.client.send(new DeleteCommand({ TableName: this.repo.tableName, Key: keys.session(tokenHash) }));
    await this.repo.client.send(
      new DeleteCommand({ TableName: this.repo.tableName, Key: keys.sessionRef(accountPartition(item.account), tokenHash) }),
    );
  }

  /** Ends every session of an account (approval withdrawn, or signed out everywhere). */
  async revokeAll(account: Account): Promise<number> {
    const refs = await this.repo.queryPartition<Item & Key & { tokenHash: string }>(accountPartition(account), keys.sessionRefPrefix);
    for (const ref of refs) {
      await this.repo.client.send(new DeleteCommand({ TableName: this.repo.tableName, Key: keys.session(ref.tokenHash) }));
      await this.repo.client.send(new DeleteCommand({ TableName: this.repo.tableName, Key: { pk: ref.pk, sk: ref.sk } }));
    }
    return refs.length;
  }
}

function ttl(untilMs: number): { validUntil: string; expiresAt: number } {
  return { validUntil: new Date(untilMs).toISOString(), expiresAt: epoch(untilMs) };
}

function staffMemberOf(item: Item): StaffMember {
  const { staffId, name, role, districts } = item as unknown as { staffId: string; name: string; role: StaffMember['role']; districts?: string[] };
  return { id: staffId, name, role, districts: districts ?? [] };
}
