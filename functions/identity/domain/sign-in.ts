// Passwordless sign-in for volunteers and staff (issue #5): a one-time code by e-mail, short-lived, single
// use, stored only as a hash; a server-side session behind an HttpOnly cookie, with a CSRF token for every
// state-changing form. Pure rules here; storage in functions/identity/store/account-store.ts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StaffRole } from '../../kernel/access';
import { newSecret, REFERENCE_ALPHABET } from '../../kernel/reference';

export { SESSION_HOURS, SIGN_IN_CODE_MINUTES } from '../../kernel/durations';
import { HOUR_MS, SIGN_IN_CODE_MINUTES, STAFF_IDLE_MINUTES } from '../../kernel/durations';
/** Wrong tries on one code before it stops working. */
export const SIGN_IN_MAX_ATTEMPTS = 5;
/** Codes one address may ask for per hour. */
export const SIGN_IN_CODES_PER_HOUR = 5;

export type AccountKind = 'volunteer' | 'staff';

export interface Account {
  kind: AccountKind;
  id: string;
  /** For staff: professional, team-lead or volunteer-coordinator. */
  role?: StaffRole;
}

/** E-mail addresses compare without case or surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keys never hold an address: accounts and sign-in attempts are found by its hash. */
export function emailKey(email: string): string {
  return createHash('sha256')
    .update(`wijkloket-email:${normaliseEmail(email)}`, 'utf8')
    .digest('hex');
}

/** Eight symbols without look-alikes, shown as "K7QM-4TZP": about 39 bits, with five tries at most. */
export function newSignInCode(random: (size: number) => Uint8Array = randomBytes): string {
  let code = '';
  while (code.length < 8) {
    for (const byte of random(16)) {
      if (byte < 256 - (256 % REFERENCE_ALPHABET.length) && code.length < 8) code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    }
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed ("k7qm 4tzp"), in the canonical form, or null when it cannot be a code. */
export function parseSignInCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 8 || [...compact].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A session token: a secret of the kernel's shape, so the stores can refuse any other before a lookup. */
export function newSessionToken(): string {
  return newSecret();
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares a posted CSRF token with the session's in constant time. */
export function csrfMatches(posted: string, expected: string): boolean {
  const a = Buffer.from(posted);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where an address's sign-in code stands: the live code (hashed), its tries, and the hour's count of codes. */
export interface CodeState {
  codeHash?: string;
  codeExpiresAt?: string;
  attempts?: number;
  windowStart: string;
  requests: number;
}

export type CodeRequest = 'issued' | 'too-many';
export type CodeCheck = { ok: true; account: Account } | { ok: false };

/** A staff member as the platform holds them: the municipality's staff list seeds these. */
export interface StaffMember {
  id: string;
  name: string;
  role: StaffRole;
  /** Where they work; empty for municipality-wide roles (the volunteer coordinator). */
  districts: string[];
}

export interface Session {
  account: Account;
  csrf: string;
  expiresAt: string;
  /** Signed in with a passkey after the e-mail code (staff need this for every page with personal data). */
  secondFactor: boolean;
  /** The last time the session was used: staff sessions end after STAFF_IDLE_MINUTES without use. */
  lastSeenAt: string;
  /** The challenge of a passkey ceremony in progress, and until when it works. */
  challenge?: { value: string; until: string };
}

/** A session works until it expires, and a staff member's only while it is in use (idle time, BIO). */
export function sessionAlive(session: Pick<Session, 'account' | 'expiresAt' | 'lastSeenAt'>, now: Date): boolean {
  if (session.expiresAt <= now.toISOString()) return false;
  if (session.account.kind !== 'staff') return true;
  return Date.parse(session.lastSeenAt) + STAFF_IDLE_MINUTES * 60_000 > now.getTime();
}

/** Whether to record the session's use again: at most once a minute, so a page view is not always a write. */
export function sessionNeedsTouch(session: Pick<Session, 'lastSeenAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= 60_000;
}

/** The state after asking for a new code, or 'too-many' past SIGN_IN_CODES_PER_HOUR in the hour. */
export function stateWithNewCode(current: CodeState | undefined, codeHash: string, now: Date): CodeState | 'too-many' {
  const fresh = !current || Date.parse(current.windowStart) <= now.getTime() - HOUR_MS;
  if (!fresh && current.requests >= SIGN_IN_CODES_PER_HOUR) return 'too-many';
  return {
    codeHash,
    codeExpiresAt: new Date(now.getTime() + SIGN_IN_CODE_MINUTES * 60_000).toISOString(),
    attempts: 0,
    windowStart: fresh ? now.toISOString() : current.windowStart,
    requests: fresh ? 1 : current.requests + 1,
  };
}

/** Whether a code may still be tried: there is one, it has not expired, and it has tries left. */
export function codeTryable(state: CodeState | undefined, now: Date): state is CodeState & { codeHash: string } {
  return Boolean(state?.codeHash && state.codeExpiresAt && state.codeExpiresAt > now.toISOString() && (state.attempts ?? 0) < SIGN_IN_MAX_ATTEMPTS);
}
