// Signed referral links: only the platform's key makes one, any change to a part breaks it, and it ends.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/kernel/errors';
import { REFERRAL_LINK_DAYS, referralLinkExpiry, signReferralLink, verifyReferralLink } from '../../functions/initiatives/domain/referral-link';

const KEY = 'k'.repeat(43);
const now = new Date('2026-11-24T09:00:00Z');
const claims = { requestId: '0b7c6a52-3f1e-4c1a-9a51-2b1e1f0a9c11', initiativeId: 'ini-taalcafe-rosmolen', expiresAt: referralLinkExpiry(now) };

function reason(token: string, key = KEY, at = now): string {
  try {
    verifyReferralLink(token, key, at);
    return 'valid';
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('referral-link-invalid');
    return (error as DomainError).details.reason!;
  }
}

describe('referral links', () => {
  it('a link the platform signed opens its request for its initiative, URL-safe as it is', () => {
    const token = signReferralLink(claims, KEY);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyReferralLink(token, KEY, now)).toEqual(claims);
  });

  it('changing the request, the initiative, the expiry or the signature makes it a forgery', () => {
    const token = signReferralLink(claims, KEY);
    const [r, i, e, mac] = token.split('.') as [string, string, string, string];
    expect(reason([r.replace('0b7c', '1b7c'), i, e, mac].join('.'))).toBe('forged');
    expect(reason([r, 'ini-schuldhulpmaatje', e, mac].join('.'))).toBe('forged');
    expect(reason([r, i, String(Number(e) + 86_400), mac].join('.'))).toBe('forged');
    expect(reason([r, i, e, (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)].join('.'))).toBe('forged');
    expect(reason(token, 'another-key-'.repeat(4))).toBe('forged');
  });

  it(`works for ${REFERRAL_LINK_DAYS} days, then says it expired`, () => {
    const token = signReferralLink(claims, KEY);
    expect(reason(token, KEY, new Date(now.getTime() + (REFERRAL_LINK_DAYS * 86_400 - 1) * 1000))).toBe('valid');
    expect(reason(token, KEY, new Date(now.getTime() + REFERRAL_LINK_DAYS * 86_400 * 1000))).toBe('expired');
  });

  it('anything that is not a link is malformed, whatever its length or characters', () => {
    for (const junk of [
      '',
      'x',
      '../../etc/passwd',
      `${'a'.repeat(500)}`,
      'a.b.c.d',
      `${claims.requestId}.${claims.initiativeId}.123.${'x'.repeat(43)}`,
    ]) {
      expect(reason(junk)).toBe('malformed');
    }
  });

  it('refuses to sign or check with a key too short to be one', () => {
    expect(() => signReferralLink(claims, 'short')).toThrow(/at least/);
  });
});
