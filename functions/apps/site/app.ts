// The site host: a Hono app that hands every request to Astro's server entry, with the services that
// on-demand pages may use. Locally it sits behind the static files; in AWS, behind CloudFront.
import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { SiteServices } from '../../../site/src/services';
import { SITE_SECURITY_HEADERS } from '../../http/security-headers';

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
}

export function createSiteApp(options: SiteAppOptions) {
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(requestId());
  app.all('*', async (c) => {
    const started = performance.now();
    const length = Number(c.req.header('content-length') ?? '0');
    let response: Response;
    if (length > MAX_FORM_BYTES) {
      response = new Response('Payload too large / Te veel gegevens', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    } else {
      try {
        const request = options.trustForwardedHost ? withForwardedHost(c.req.raw) : c.req.raw;
        response = await options.render(request, { services: options.services });
      } catch (error) {
        options.logger.error('render failed', {
          requestId: c.get('requestId'),
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        response = new Response('Er ging iets mis bij ons. / Something went wrong on our side.', {
          status: 500,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      }
    }
    options.logger.info('page', {
      requestId: c.get('requestId'),
      method: c.req.method,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    });
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SITE_SECURITY_HEADERS)) headers.set(name, value);
    headers.set('X-Request-Id', c.get('requestId'));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
  return app;
}

/** The request with its URL's host replaced by X-Forwarded-Host, when that header is a plain host name. */
export function withForwardedHost(request: Request): Request {
  const forwarded = request.headers.get('x-forwarded-host');
  if (!forwarded || !/^[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(forwarded)) return request;
  const url = new URL(request.url);
  url.host = forwarded;
  url.protocol = 'https:';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  } as RequestInit);
}
