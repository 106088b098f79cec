// Reference codes residents can read out over the phone, and private status tokens.
//
// A reference code is 8 symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U/V) plus a check symbol,
// shown as "K7QM-4TZP-R". The alphabet has 29 symbols, a prime, so the weighted check catches every single
// typo and every swap of two neighbours. A reference code is not a secret: the status page also needs the
// private token (or the e-mail address or phone number given).
//
// A status token is 32 random bytes (base64url). Only its SHA-256 hash is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const BASE = REFERENCE_ALPHABET.length; // 29
const BODY_LENGTH = 8;

function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * REFERENCE_ALPHABET.indexOf(body[i]!);
  return REFERENCE_ALPHABET[sum % BASE]!;
}

export function newReferenceCode(random: (size: number) => Uint8Array = randomBytes): string {
  let body = '';
  while (body.length < BODY_LENGTH) {
    for (const byte of random(BODY_LENGTH)) {
      // Reject bytes beyond the largest multiple of 29, so every symbol is equally likely.
      if (byte < 256 - (256 % BASE) && body.length < BODY_LENGTH) body += REFERENCE_ALPHABET[byte % BASE];
    }
  }
  return `${body.slice(0, 4)}-${body.slice(4)}-${checkSymbol(body)}`;
}

/** The canonical code for what a resident typed ("k7qm 4tzp r"), or null when it cannot be one. */
export function parseReferenceCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== BODY_LENGTH + 1 || [...compact].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  const body = compact.slice(0, BODY_LENGTH);
  if (checkSymbol(body) !== compact[BODY_LENGTH]) return null;
  return `${body.slice(0, 4)}-${body.slice(4)}-${compact[BODY_LENGTH]}`;
}

/** 32 random bytes as base64url (43 characters): what nobody can guess (status links, form keys, draft ids). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a value has the shape newSecret makes: checked before anything is looked up by it. */
export function isSecretShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function newStatusToken(): string {
  return newSecret();
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Whether a client's idempotency key is a random UUID (version 4, or 7 with its random part): the nil UUID,
 * a counter or a repeated pattern is refused, since a key others can guess would let them meet its request.
 */
export function isRandomIdempotencyKey(key: string): boolean {
  const match = UUID.exec(key);
  if (!match || !['4', '7'].includes(match[1]!)) return false;
  const digits = key.replace(/-/g, '').toLowerCase();
  return new Set(digits).size >= 8 && !/(.)\1{7}/.test(digits);
}
