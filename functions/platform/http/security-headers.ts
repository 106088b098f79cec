// Security headers for HTML pages: the local server sets them on every site response, and the CDK stack
// turns the same table into CloudFront's response headers policy. One list, two places that apply it.

/** Content-Security-Policy directives for the site: no inline script or style, nothing from elsewhere. */
export const SITE_CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'self'",
  'object-src': "'none'",
};

export const SITE_CSP = Object.entries(SITE_CSP_DIRECTIVES)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export const SITE_SECURITY_HEADERS = {
  'Content-Security-Policy': SITE_CSP,
  'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Private status links carry a secret in their path: never send it to another site. Not "no-referrer":
  // then browsers send `Origin: null` on form posts, and the same-origin check of form posts fails.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** Set by the site's error page when the store could not answer; the site host answers 503 then, and drops it. */
export const STORE_UNAVAILABLE_HEADER = 'X-Wijkloket-Store-Unavailable';
