// Referral links as the platform hands them out and takes them back: the signed token of
// domain/referral-link.ts, with the key from wherever this deployment keeps it (Secrets Manager in AWS,
// the local platform's own key on this machine), put on the referral page's address.
import type { Locale } from '../../kernel/municipality';
import { referralLinkExpiry, signReferralLink, verifyReferralLink, type ReferralLinkClaims } from '../domain/referral-link';
import { pathOf } from '../../platform/routes/pages';

/** Reads the signing key; called per link, so a source should cache it (see platform/config/link-key.ts). */
export type KeySource = () => Promise<string>;

export class ReferralLinks {
  constructor(private readonly key: KeySource) {}

  /** The address of a referral's page for one initiative, valid for REFERRAL_LINK_DAYS after `issuedAt`. */
  async url(siteUrl: string, requestId: string, initiativeId: string, issuedAt: Date, locale: Locale = 'nl'): Promise<string> {
    const token = signReferralLink({ requestId, initiativeId, expiresAt: referralLinkExpiry(issuedAt) }, await this.key());
    return `${siteUrl}${pathOf('referral', locale)}?t=${token}`;
  }

  /** The request and initiative of a genuine, unexpired link; `referral-link-invalid` otherwise. */
  async verify(token: string, now: Date): Promise<ReferralLinkClaims> {
    return verifyReferralLink(token, await this.key(), now);
  }
}
