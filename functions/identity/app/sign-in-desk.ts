// The sign-in desk for volunteers and staff: ask for a code by e-mail, sign in with it, keep a session.
// The answer to "send me a code" is the same whether or not the address has an account.
import { randomUUID } from 'node:crypto';
import { hashSecret, newSignInCode, parseSignInCode, type Account, type CodeRequest, type Session, type StaffMember } from '../domain/sign-in';
import type { Accounts } from './ports';

export class SignInDesk {
  private readonly clock: () => Date;

  constructor(
    private readonly accounts: Accounts,
    clock?: () => Date,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  /** Issues a code and e-mails it (through the outbox) when the address has an account. */
  async requestCode(email: string): Promise<CodeRequest> {
    const code = newSignInCode();
    const account = await this.accounts.accountFor(email);
    const mail = account
      ? {
          notificationId: randomUUID(),
          at: this.clock().toISOString(),
          template: 'sign-in-code' as const,
          to: { kind: account.kind, id: account.id },
          urgent: true,
          params: { code },
        }
      : undefined;
    return this.accounts.issueCode(email, hashSecret(code), mail);
  }

  /** A session for a right code, or null: a wrong, used or expired code, or an unknown address alike. */
  async signIn(email: string, typedCode: string): Promise<{ token: string; session: Session } | null> {
    const code = parseSignInCode(typedCode);
    if (!code) return null;
    const checked = await this.accounts.checkCode(email, code);
    return checked.ok ? this.accounts.startSession(checked.account) : null;
  }

  session(token: string | undefined): Promise<Session | undefined> {
    return this.accounts.session(token);
  }

  signOut(token: string): Promise<void> {
    return this.accounts.endSession(token);
  }

  /** A staff member's name and role. */
  staffProfile(staffId: string): Promise<{ name: string; role: string } | undefined> {
    return this.accounts.staffProfile(staffId);
  }

  staffMember(staffId: string): Promise<StaffMember | undefined> {
    return this.accounts.staffMember(staffId);
  }

  staffMembers(): Promise<StaffMember[]> {
    return this.accounts.staffMembers();
  }

  revokeAll(account: Account): Promise<number> {
    return this.accounts.revokeAll(account);
  }
}
