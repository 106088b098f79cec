// The site host around Astro's render: body limits (also for chunked bodies), forwarded host, headers.
// Astro itself is replaced by an echo here; the real render runs in the integration and e2e tests.
import { describe, expect, it } from 'vitest';
import { createSiteApp, MAX_FORM_BYTES } from '../../functions/apps/site/app';
import type { SiteServices } from '../../functions/apps/site/services';
import { silentLogger } from '../support/logger';

const echo = createSiteApp({
  render: async (request) => new Response(`${request.method} ${request.url} ${(await request.text()).length}`),
  services: {} as SiteServices,
  logger: silentLogger(),
  trustForwardedHost: true,
});

function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe('site host', () => {
  it('passes a small form post on, body intact', async () => {
    const res = await echo.request('http://localhost/in-de-buurt/', {
      method: 'POST',
      body: 'postcode=1521',
      headers: { origin: 'http://localhost' },
    });
    expect(await res.text()).toBe('POST http://localhost/in-de-buurt/ 13');
  });

  it('refuses a body over the limit with 413, by declared length and by counting a chunked stream', async () => {
    const declared = await echo.request('http://localhost/in-de-buurt/', {
      method: 'POST',
      body: 'x'.repeat(MAX_FORM_BYTES + 1),
      headers: { origin: 'http://localhost' },
    });
    expect(declared.status).toBe(413);
    const streamed = await echo.request(
      new Request('http://localhost/in-de-buurt/', {
        method: 'POST',
        body: chunked(MAX_FORM_BYTES * 4),
        duplex: 'half',
        headers: { origin: 'http://localhost' },
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    const text = await streamed.text();
    // A page in the language of the path (Dutch here), not a bare refusal.
    expect(text).toContain('<h1>Te veel gegevens</h1>');
    expect(text).toMatch(/te veel gegevens/i);
  });

  it('takes the host from X-Forwarded-Host only when it is a plain host name', async () => {
    const ok = await echo.request('http://abc.execute-api.example/in-de-buurt/', { headers: { 'x-forwarded-host': 'wijkloket.zaanstad.nl' } });
    expect(await ok.text()).toBe('GET https://wijkloket.zaanstad.nl/in-de-buurt/ 0');
    const forged = await echo.request('http://abc.execute-api.example/x', { headers: { 'x-forwarded-host': 'evil.example/path?' } });
    expect(await forged.text()).toBe('GET http://abc.execute-api.example/x 0');
  });

  it('adds the security headers and a request id to every page', async () => {
    const res = await echo.request('http://localhost/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('rate limit on form posts', () => {
  it('refuses a form from another site with a page in its language, and passes a same-site one', async () => {
    const app = createSiteApp({ render: async () => new Response('ok'), services: {} as SiteServices, logger: silentLogger() });
    const form = (origin: string | null, extra: Record<string, string> = {}) =>
      app.request('http://localhost/en/ask/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...extra },
        body: 'a=1',
      });
    expect((await form('http://localhost')).status).toBe(200);
    const evil = await form('https://evil.example');
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain('This form did not come from Wijkloket');
    expect((await form(null)).status).toBe(403);
    expect((await form('http://localhost', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('answers a client over its limit with a 429 page in its language, and lets reading and other clients through', async () => {
    const limited = createSiteApp({
      render: async () => new Response('ok'),
      services: {} as SiteServices,
      logger: silentLogger(),
      postsPerMinute: 2,
    });
    // Behind CloudFront: the first X-Forwarded-For address; a made-up local header is not believed.
    const post = (path: string, client: string) =>
      limited.request(path, {
        method: 'POST',
        headers: {
          'x-forwarded-for': `${client}, 10.0.0.9`,
          'x-wijkloket-client': `spoofed-${Math.random()}`,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
        },
        body: 'a=1',
      });
    expect((await post('/vraag/', 'a')).status).toBe(200);
    expect((await post('/vraag/', 'a')).status).toBe(200);
    const over = await post('/en/ask/', 'a');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await over.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Wait a minute');
    expect((await post('/vraag/', 'b')).status).toBe(200);
    expect((await limited.request('/vraag/', { headers: { 'x-forwarded-for': 'a' } })).status).toBe(200);
  });
});
