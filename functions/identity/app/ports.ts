// The ports of the identity context: accounts, sign-in codes and sessions (adapter: ../store/account-store.ts).
import type { Notification } from '../../platform/outbox/notifications';
import type { Passkey, PasskeyState } from '../domain/passkey';
import type { Account, CodeCheck, CodeRequest, Session, StaffMember } from '../domain/sign-in';

export interface Accounts {
  accountFor(email: string): Promise<Account | undefined>;
  /** Creates the account for an address; false when the address has one already. */
  create(email: string, account: Account): Promise<boolean>;
  /** A new code within the hourly limit, with its e-mail (for known addresses) in the same write. */
  issueCode(email: string, codeHash: string, mail?: Notification): Promise<CodeRequest>;
  checkCode(email: string, code: string): Promise<CodeCheck>;
  startSession(account: Account): Promise<{ token: string; session: Session }>;
  /** The live session of a token (not expired, not idle), recording its use. */
  session(token: string | undefined): Promise<Session | undefined>;
  /** Keeps the challenge of a passkey ceremony with the session (server-side, never in the page alone). */
  setChallenge(token: string, challenge: string, until: string): Promise<void>;
  /** The passkey was verified: the session has its second factor, and the challenge is used up. */
  elevateSession(token: string): Promise<void>;
  endSession(token: string): Promise<void>;
  /** A staff member's name and role, as the platform holds them. */
  staffProfile(staffId: string): Promise<{ name: string; role: string } | undefined>;
  /** A staff member with their districts (the live district binding of the access policy). */
  staffMember(staffId: string): Promise<StaffMember | undefined>;
  /** Everyone on the staff list. */
  staffMembers(): Promise<StaffMember[]>;
  /** Ends every session of an account; how many there were. */
  revokeAll(account: Account): Promise<number>;
}

/** Staff members' passkeys: public keys and counters, the enrolment state, and the index by credential id. */
export interface Passkeys {
  passkeys(staffId: string): Promise<Passkey[]>;
  passkeyState(staffId: string): Promise<PasskeyState>;
  /** Whose passkey a credential id is. */
  ownerOf(credentialId: string): Promise<string | undefined>;
  /** A new passkey; marks the member as enrolled and uses up a recovery permit. Fails when the id is known. */
  addPasskey(staffId: string, passkey: Passkey): Promise<void>;
  /** A passkey was used: its new counter (a counter that does not grow means a cloned authenticator). */
  usePasskey(staffId: string, credentialId: string, counter: number, at: string): Promise<void>;
  removePasskey(staffId: string, credentialId: string): Promise<void>;
  /** The team lead's recovery: every passkey of the member goes, and one new enrolment is permitted. */
  permitRecovery(staffId: string, by: string): Promise<void>;
}
