// Who staff passkeys are bound to (the WebAuthn relying party): the site's host name and origin. In AWS the
// stack gives the site function SITE_URL (the CloudFront address, or the municipality's own domain); locally
// the platform serves staff pages on http://localhost:<port>, because browsers refuse an IP address as RP id.
export interface RelyingPartyConfig {
  id: string;
  name: string;
  origins: string[];
}

export const RELYING_PARTY_NAME = 'Wijkloket';

export function relyingPartyFor(siteUrl: string): RelyingPartyConfig {
  const url = new URL(siteUrl);
  return { id: url.hostname, name: RELYING_PARTY_NAME, origins: [url.origin] };
}

export function relyingPartyFromEnv(env: NodeJS.ProcessEnv = process.env): () => RelyingPartyConfig {
  return () => {
    if (!env.SITE_URL) throw new Error('SITE_URL is not set: the site function needs it for staff passkeys');
    return relyingPartyFor(env.SITE_URL);
  };
}
