// The common frame of every Wijkloket API app: language negotiation, request ids, security headers,
// body limits, JSON-only bodies, problem+json errors and request logging. Route modules plug into it.
import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { forwardedClient, RateLimiter, type ClientAddress } from './rate-limit';
import { negotiateLocale } from '../i18n/negotiate';
import { ContractRouter, type Authorize } from './contract';
import { isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from '../dynamodb/store-errors';
import { SITE_SECURITY_HEADERS } from './security-headers';
import { DomainError } from '../../kernel/errors';
import { domainProblem, problem, type ProblemKind } from './problem';
import type { AppEnv } from './types';

/** Largest request body any API route accepts. Enough for a help request; far below Lambda's 6 MB. */
export const MAX_BODY_BYTES = 16 * 1024;

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Per client per minute; the WAF rule on CloudFront is the real limit in AWS. */
export const DEFAULT_API_REQUESTS_PER_MINUTE = 120;

export function createApi(options: {
  logger: Logger;
  basePath: string;
  version: string;
  requestsPerMinute?: number;
  clientAddress?: ClientAddress;
  /** The access policy every route's declared access goes through. */
  authorize?: Authorize;
}): ContractRouter {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter({ limit: options.requestsPerMinute ?? DEFAULT_API_REQUESTS_PER_MINUTE });

  app.use(async (c, next) => {
    c.set('locale', negotiateLocale(c.req.query('lang'), c.req.header('accept-language')));
    await next();
    c.header('Content-Language', c.get('locale'));
    c.header('Vary', 'Accept-Language', { append: true });
    c.header('API-Version', options.version);
  });
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // What happened, never who asked or what: no bodies, query strings, postcodes or addresses.
    options.logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      // The same HSTS as the site's pages: one policy for the whole host.
      strictTransportSecurity: SITE_SECURITY_HEADERS['Strict-Transport-Security'],
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(async (c, next) => {
    const wait = limiter.take((options.clientAddress ?? forwardedClient)(c.req.raw));
    if (wait === 0) return next();
    c.header('Retry-After', String(wait));
    return problem(c, 'rate-limited');
  });
  app.use(bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problem(c as never, 'payload-too-large') }));
  // Bodies are JSON only, and malformed JSON is answered here, before any route sees it.
  app.use(async (c, next) => {
    if (!METHODS_WITH_BODY.has(c.req.method)) return next();
    // No body at all (a withdrawal, whose operation declares none): nothing to check.
    if (!hasBody(c.req.raw)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) return problem(c, 'unsupported-media-type');
    try {
      await c.req.json();
    } catch (error) {
      if (error instanceof HTTPException) throw error; // the body limit speaks for itself
      return problem(c, 'malformed-json');
    }
    return next();
  });

  // A path the API has, with a method it does not answer: 405 with the methods it does (RFC 9110).
  const router = new ContractRouter(app, options.basePath, options.authorize);
  app.notFound((c) => {
    const allowed = router.allowedMethods(new URL(c.req.url).pathname);
    if (allowed.length === 0) return problem(c, 'not-found');
    c.header('Allow', [...new Set(allowed)].join(', '));
    return problem(c, 'method-not-allowed');
  });
  app.onError((error, c) => {
    if (error instanceof DomainError) return domainProblem(c, error);
    // The store cannot answer now (stalled, gone, throttled): 503 with when to try again, never a 500.
    if (isStoreUnavailable(error)) {
      options.logger.warn('store unavailable', { requestId: c.get('requestId'), route: c.req.routePath, error: (error as Error).name });
      c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
      return problem(c, 'unavailable');
    }
    if (error instanceof HTTPException && error.status < 500) {
      const kind: ProblemKind = error.status === 413 ? 'payload-too-large' : error.status === 404 ? 'not-found' : 'bad-request';
      return problem(c, kind);
    }
    options.logger.error('unhandled error', {
      requestId: c.get('requestId'),
      route: c.req.routePath,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    return problem(c, 'internal');
  });
  return router;
}

/** Whether a request carries a body: a length above zero, or one sent in chunks. */
function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return request.headers.has('transfer-encoding') || (request.body !== null && request.method !== 'GET');
}
