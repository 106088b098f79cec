// Passkeys (WebAuthn) as the second factor of staff, pure: who needs one, who may enrol one and when, and what
// is kept of it. Staff who can see personal data sign in with the e-mail code and then a passkey (BIO 5.17.01).
// Recovery goes through the team lead, never through e-mail alone: once someone had a passkey, a new one can
// be enrolled only from a session signed in with a passkey, or after the team lead permitted recovery.
import type { Account } from './sign-in';

export { PASSKEY_CHALLENGE_MINUTES, STAFF_IDLE_MINUTES } from '../../kernel/durations';

/** What is kept of a passkey: its public key and counter, never a secret. */
export interface Passkey {
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports?: string[];
  createdAt: string;
  lastUsedAt?: string;
}

/** Where a staff member stands with passkeys: whether they ever had one, and whether recovery is permitted. */
export interface PasskeyState {
  everEnrolled: boolean;
  /** Set by the team lead after a lost passkey: one new enrolment after the e-mail code. */
  recoveryPermittedBy?: string;
}

/** Every staff role sees personal data (cases, or volunteers' details): all of them need the second factor. */
export function needsSecondFactor(account: Pick<Account, 'kind'>): boolean {
  return account.kind === 'staff';
}

export type EnrolmentRight =
  /** Signed in with a passkey already: another one may be added. */
  | 'additional'
  /** Never had one: the first after the e-mail code. */
  | 'first'
  /** The team lead permitted recovery. */
  | 'recovery'
  /** Had one and lost it: ask the team lead. */
  | 'none';

export function enrolmentRight(state: PasskeyState, secondFactor: boolean): EnrolmentRight {
  if (secondFactor) return 'additional';
  if (state.recoveryPermittedBy) return 'recovery';
  return state.everEnrolled ? 'none' : 'first';
}
