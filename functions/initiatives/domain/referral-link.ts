// Signed referral links (issue #5): a citizen initiative answers a referral without an account, through a
// link in its e-mail that names the request, the initiative and an expiry, signed with HMAC-SHA256 under a
// key only the platform holds. Forging one needs that key; an expired one is refused. What a valid link may
// still do is decided by the request's state (the engine) and the access policy, not by the link.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../kernel/errors';

/** A link works this long after its e-mail; a reminder brings a fresh one. */
export { REFERRAL_LINK_DAYS } from '../../kernel/durations';
import { REFERRAL_LINK_DAYS } from '../../kernel/durations';
/** A shorter key is a configuration mistake, not a key. */
export const MIN_KEY_LENGTH = 32;

export interface ReferralLinkClaims {
  requestId: string;
  initiativeId: string;
  /** Epoch seconds after which the link no longer works. */
  expiresAt: number;
}

// requestId . initiativeId . expiresAt . signature: URL-safe as it is, short enough for any mail client.
const TOKEN = /^([A-Za-z0-9-]{1,64})\.([a-z0-9-]{3,64})\.([0-9]{10})\.([A-Za-z0-9_-]{43})$/;

export function referralLinkExpiry(issuedAt: Date): number {
  return Math.floor(issuedAt.getTime() / 1000) + REFERRAL_LINK_DAYS * 86_400;
}

export function signReferralLink(claims: ReferralLinkClaims, key: string): string {
  const body = `${claims.requestId}.${claims.initiativeId}.${claims.expiresAt}`;
  return `${body}.${mac(body, key)}`;
}

/**
 * The claims of a genuine, unexpired link; otherwise `referral-link-invalid` with the reason (malformed,
 * forged or expired) in its details, so the page can say what to do.
 */
export function verifyReferralLink(token: string, key: string, now: Date): ReferralLinkClaims {
  const match = TOKEN.exec(token);
  if (!match) throw new DomainError('referral-link-invalid', 'this is not a referral link', { reason: 'malformed' });
  const [, requestId, initiativeId, expires, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(mac(`${requestId}.${initiativeId}.${expires}`, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError('referral-link-invalid', 'the signature of this link is not ours', { reason: 'forged' });
  }
  const expiresAt = Number(expires);
  if (expiresAt * 1000 <= now.getTime()) throw new DomainError('referral-link-invalid', 'this referral link has expired', { reason: 'expired' });
  return { requestId, initiativeId, expiresAt };
}

function mac(body: string, key: string): string {
  if (key.length < MIN_KEY_LENGTH) throw new Error(`the referral link key must be at least ${MIN_KEY_LENGTH} characters`);
  // The purpose is part of what is signed, so this key's signatures mean nothing anywhere else.
  return createHmac('sha256', key).update(`wijkloket-referral-link:v1:${body}`, 'utf8').digest('base64url');
}
