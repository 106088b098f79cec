// The ports of the identity context: accounts, sign-in codes and sessions (adapter: ../store/account-store.ts).
import type { Notification } from '../../platform/outbox/notifications';
import type { Account, CodeCheck, CodeRequest, Session, StaffMember } from '../domain/sign-in';

export interface Accounts {
  accountFor(email: string): Promise<Account | undefined>;
  /** Creates the account for an address; false when the address has one already. */
  create(email: string, account: Account): Promise<boolean>;
  /** A new code within the hourly limit, with its e-mail (for known addresses) in the same write. */
  issueCode(email: string, codeHash: string, mail?: Notification): Promise<CodeRequest>;
  checkCode(email: string, code: string): Promise<CodeCheck>;
  startSession(account: Account): Promise<{ token: string; session: Session }>;
  session(token: string | undefined): Promise<Session | undefined>;
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
