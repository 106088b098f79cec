// In-memory adapter of the identity ports: accounts, sign-in codes and sessions, with the same rules as the
// DynamoDB adapter (hashed codes and tokens, the hourly limit, single use). For unit tests and simulations.
import { isSecretShaped } from '../../kernel/reference';
import { HOUR_MS } from '../../kernel/durations';
import { DomainError } from '../../kernel/errors';
import type { Notification, Outbox } from '../../platform/outbox/notifications';
import type { Accounts } from '../app/ports';
import {
  codeTryable,
  emailKey,
  hashSecret,
  newCsrfToken,
  newSessionToken,
  SESSION_HOURS,
  stateWithNewCode,
  type Account,
  type CodeCheck,
  type CodeRequest,
  type CodeState,
  sessionAlive,
  sessionNeedsTouch,
  type Session,
  type StaffMember,
} from '../domain/sign-in';
import type { Passkey, PasskeyState } from '../domain/passkey';
import type { Passkeys } from '../app/ports';

export class MemoryAccounts implements Accounts {
  private readonly accounts = new Map<string, Account>();
  private readonly codes = new Map<string, CodeState>();
  private readonly sessions = new Map<string, Session>();
  /** Staff profiles by id (the wiring seeds them from the municipality file). */
  readonly staff = new Map<string, StaffMember>();

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async staffProfile(staffId: string): Promise<{ name: string; role: string } | undefined> {
    const profile = this.staff.get(staffId);
    return profile && { name: profile.name, role: profile.role };
  }

  async staffMember(staffId: string): Promise<StaffMember | undefined> {
    const member = this.staff.get(staffId);
    return member && structuredClone(member);
  }

  async staffMembers(): Promise<StaffMember[]> {
    return [...this.staff.values()].map((m) => structuredClone(m)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async accountFor(email: string): Promise<Account | undefined> {
    const account = this.accounts.get(emailKey(email));
    return account && { ...account };
  }

  async create(email: string, account: Account): Promise<boolean> {
    if (this.accounts.has(emailKey(email))) return false;
    this.accounts.set(emailKey(email), { ...account });
    return true;
  }

  async issueCode(email: string, codeHash: string, mail?: Notification): Promise<CodeRequest> {
    const next = stateWithNewCode(this.codes.get(emailKey(email)), codeHash, this.clock());
    if (next === 'too-many') return 'too-many';
    this.codes.set(emailKey(email), next);
    if (mail) await this.outbox.queue(mail);
    return 'issued';
  }

  async checkCode(email: string, code: string): Promise<CodeCheck> {
    const state = this.codes.get(emailKey(email));
    if (!codeTryable(state, this.clock())) return { ok: false };
    if (hashSecret(code) !== state.codeHash) {
      this.codes.set(emailKey(email), { ...state, attempts: (state.attempts ?? 0) + 1 });
      return { ok: false };
    }
    const account = await this.accountFor(email);
    if (!account) return { ok: false };
    // Used up: the code goes, the hour's count stays.
    this.codes.set(emailKey(email), { windowStart: state.windowStart, requests: state.requests });
    return { ok: true, account };
  }

  async startSession(account: Account): Promise<{ token: string; session: Session }> {
    const token = newSessionToken();
    const now = this.clock();
    const session: Session = {
      account,
      csrf: newCsrfToken(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * HOUR_MS).toISOString(),
      secondFactor: false,
      lastSeenAt: now.toISOString(),
    };
    this.sessions.set(hashSecret(token), session);
    return { token, session: structuredClone(session) };
  }

  async session(token: string | undefined): Promise<Session | undefined> {
    if (!token || !isSecretShaped(token)) return undefined;
    const session = this.sessions.get(hashSecret(token));
    const now = this.clock();
    if (!session || !sessionAlive(session, now)) return undefined;
    if (sessionNeedsTouch(session, now)) session.lastSeenAt = now.toISOString();
    return structuredClone(session);
  }

  async setChallenge(token: string, challenge: string, until: string): Promise<void> {
    const session = this.sessions.get(hashSecret(token));
    if (session) session.challenge = { value: challenge, until };
  }

  async elevateSession(token: string): Promise<void> {
    const session = this.sessions.get(hashSecret(token));
    if (!session) return;
    session.secondFactor = true;
    delete session.challenge;
  }

  async endSession(token: string): Promise<void> {
    this.sessions.delete(hashSecret(token));
  }

  async revokeAll(account: Account): Promise<number> {
    let ended = 0;
    for (const [hash, session] of this.sessions) {
      if (session.account.kind === account.kind && session.account.id === account.id) {
        this.sessions.delete(hash);
        ended++;
      }
    }
    return ended;
  }
}

/** Passkeys in memory, with the same rules as the DynamoDB adapter (a credential id belongs to one person). */
export class MemoryPasskeys implements Passkeys {
  private readonly byStaff = new Map<string, Passkey[]>();
  private readonly states = new Map<string, PasskeyState>();
  private readonly owners = new Map<string, string>();

  constructor(private readonly accounts: MemoryAccounts) {}

  async passkeys(staffId: string): Promise<Passkey[]> {
    return structuredClone(this.byStaff.get(staffId) ?? []);
  }

  async passkeyState(staffId: string): Promise<PasskeyState> {
    return structuredClone(this.states.get(staffId) ?? { everEnrolled: false });
  }

  async ownerOf(credentialId: string): Promise<string | undefined> {
    return this.owners.get(credentialId);
  }

  async addPasskey(staffId: string, passkey: Passkey): Promise<void> {
    if (this.owners.has(passkey.credentialId)) throw new DomainError('invalid-request', 'this passkey is registered already');
    this.owners.set(passkey.credentialId, staffId);
    this.byStaff.set(staffId, [...(this.byStaff.get(staffId) ?? []), structuredClone(passkey)]);
    this.states.set(staffId, { everEnrolled: true });
  }

  async usePasskey(staffId: string, credentialId: string, counter: number, at: string): Promise<void> {
    const key = (this.byStaff.get(staffId) ?? []).find((p) => p.credentialId === credentialId);
    if (key) Object.assign(key, { counter, lastUsedAt: at });
  }

  async removePasskey(staffId: string, credentialId: string): Promise<void> {
    this.byStaff.set(
      staffId,
      (this.byStaff.get(staffId) ?? []).filter((p) => p.credentialId !== credentialId),
    );
    this.owners.delete(credentialId);
  }

  async permitRecovery(staffId: string, by: string): Promise<void> {
    for (const p of this.byStaff.get(staffId) ?? []) this.owners.delete(p.credentialId);
    this.byStaff.delete(staffId);
    this.states.set(staffId, { everEnrolled: true, recoveryPermittedBy: by });
    const member = await this.accounts.staffMember(staffId);
    if (member) await this.accounts.revokeAll({ kind: 'staff', id: staffId, role: member.role });
  }
}
