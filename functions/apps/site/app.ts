// The site host: a Hono app that hands every request to Astro's server entry, with the services that
// on-demand pages may use. Locally it sits behind the static files; in AWS, behind CloudFront.
import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { SiteServices } from './services';
import { forwardedClient, RateLimiter, type ClientAddress } from '../../platform/http/rate-limit';
import { SITE_SECURITY_HEADERS, STORE_UNAVAILABLE_HEADER } from '../../platform/http/security-headers';
import { t, type MessageKey } from '../../platform/i18n/messages';
import { currentMunicipality } from '../../platform/config/municipality';
import { pathOf } from '../../platform/routes/pages';
import { isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from '../../platform/dynamodb/store-errors';

export type AstroRender = (request: Request, locals: { services: SiteServices }) => Promise<Response>;

export const MAX_FORM_BYTES = 16 * 1024;

export interface SiteAppOptions {
  render: AstroRender;
  services: SiteServices;
  logger: Logger;
  /**
   * Behind CloudFront and API Gateway the request URL carries API Gateway's host; CloudFront passes the
   * viewer's host in X-Forwarded-Host. Astro needs the real origin to check that form posts are same-site.
   */
  trustForwardedHost?: boolean;
  /** Form posts per client per minute (reading pages is not limited here). */
  postsPerMinute?: number;
  /** How clients are told apart; by default the first X-Forwarded-For address. */
  clientAddress?: ClientAddress;
}

/** Enough for a person filling in forms by hand, too few for a script. */
export const DEFAULT_POSTS_PER_MINUTE = 20;

export function createSiteApp(options: SiteAppOptions) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  const limiter = new RateLimiter({ limit: options.postsPerMinute ?? DEFAULT_POSTS_PER_MINUTE });
  app.use(requestId());
  app.all('*', async (c) => {
    const started = performance.now();
    let response: Response;
    const wait = c.req.method === 'POST' ? limiter.take((options.clientAddress ?? forwardedClient)(c.req.raw)) : 0;
    const request =
      wait > 0 ? null : await prepareRequest(c.req.raw, { trustForwardedHost: options.trustForwardedHost ?? false, maxBytes: MAX_FORM_BYTES });
    const locale = new URL(c.req.url).pathname.startsWith('/en/') ? 'en' : 'nl';
    if (wait > 0) {
      response = rateLimitedPage(locale, wait);
    } else if (request && crossSite(request)) {
      response = smallPage(locale, 403, 'problem.cross-site.title', 'problem.cross-site.detail');
    } else if (!request) {
      response = smallPage(locale, 413, 'problem.payload-too-large.title', 'problem.payload-too-large.detail');
    } else {
      try {
        response = await options.render(request, { services: options.services });
      } catch (error) {
        options.logger.error('render failed', {
          requestId: c.get('requestId'),
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        // Astro renders its error page itself; this is the last resort when even that failed: still a page.
        response = isStoreUnavailable(error)
          ? smallPage(locale, 503, 'problem.unavailable.title', 'problem.unavailable.detail')
          : smallPage(locale, 500, 'problem.internal.title', 'problem.internal.detail');
        if (response.status === 503) response.headers.set('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
      }
    }
    options.logger.info('page', {
      requestId: c.get('requestId'),
      method: c.req.method,
      status: response.headers.has(STORE_UNAVAILABLE_HEADER) ? 503 : response.status,
      durationMs: Math.round(performance.now() - started),
    });
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SITE_SECURITY_HEADERS)) headers.set(name, value);
    // The error page said the store could not answer: that is a 503 (with its Retry-After), not a 500.
    const status = headers.has(STORE_UNAVAILABLE_HEADER) ? 503 : response.status;
    headers.delete(STORE_UNAVAILABLE_HEADER);
    headers.set('X-Request-Id', c.get('requestId'));
    return new Response(response.body, { status, statusText: status === response.status ? response.statusText : 'Service Unavailable', headers });
  });
  return app;
}

/**
 * The request as the page should see it: its body read into memory (forms are small; a body over `maxBytes`,
 * also one sent in chunks without a length, gives null), and, behind CloudFront, its URL's host taken from
 * X-Forwarded-Host when that header is a plain host name.
 */
export async function prepareRequest(request: Request, options: { trustForwardedHost: boolean; maxBytes: number }): Promise<Request | null> {
  const url = new URL(request.url);
  const forwarded = request.headers.get('x-forwarded-host');
  if (options.trustForwardedHost && forwarded && /^[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(forwarded)) {
    url.host = forwarded;
    url.protocol = 'https:';
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  if (!hasBody) return url.href === request.url ? request : new Request(url, { method: request.method, headers: request.headers });
  if (Number(request.headers.get('content-length') ?? '0') > options.maxBytes) return null;
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > options.maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}

/**
 * A form post from another site (its Origin is not ours, or the browser says it is cross-site): refused with
 * a page in the visitor's language, before Astro's own check (which answers in English plain text).
 */
function crossSite(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const type = request.headers.get('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i.test(type)) return false;
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  return origin !== new URL(request.url).origin;
}

/** A small page in the visitor's language: nothing was sent, wait a minute, the team is reachable by phone. */
function rateLimitedPage(locale: 'nl' | 'en', waitSeconds: number): Response {
  const response = smallPage(locale, 429, 'problem.rate-limited.title', 'problem.rate-limited.detail');
  response.headers.set('Retry-After', String(waitSeconds));
  return response;
}

function smallPage(locale: 'nl' | 'en', status: number, titleKey: MessageKey, detailKey: MessageKey): Response {
  const title = t(locale, titleKey);
  const { team, crisisLines } = currentMunicipality();
  const tel = (phone: string) => `<a href="tel:${phone.replace(/[^0-9]/g, '')}">${phone}</a>`;
  const lines = crisisLines.map((line) => `${line.name[locale]}: ${tel(line.phone)}`).join(' · ');
  const call = `${t(locale, 'problem.call-team')} ${tel(team.phone)}. ${lines}`;
  const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${t(locale, detailKey)}</p><p>${call}</p><p><a href="${pathOf('home', locale)}">Wijkloket</a></p></main></body></html>`;
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
