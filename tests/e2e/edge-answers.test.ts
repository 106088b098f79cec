// Answers at the edges of the platform, over HTTP: a withdrawal without a body, a cross-site form post, an
// over-long header or URL, the development outbox, and one HSTS policy for site and API. Each is the
// platform's own translated answer, never a bare default of Node or Astro.
import { describe, expect, it, inject } from 'vitest';
import { isLoopback } from '../../infra/local/dev-outbox';
import { servicesFor } from '../support/store';
import { intake } from '../support/fixtures';

const base = inject('platformUrl');
const services = servicesFor(inject('platformStore'));

describe('answers at the edges', () => {
  it('takes a withdrawal without a body (its operation declares none)', async () => {
    const receipt = await services.desk.submit(intake({ description: 'Intrekken zonder body.' }));
    const answer = await fetch(`${base}/api/v1/help-requests/${receipt.referenceCode}/withdrawals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${receipt.statusToken}` },
    });
    expect(answer.status).toBe(204);
    expect((await services.requests.head(receipt.requestId))?.state).toBe('withdrawn');
  });

  it('refuses a form posted from another site with a page in the reader’s language, and changes nothing', async () => {
    for (const [path, text] of [
      ['/vraag/', 'Dit formulier kwam niet van Wijkloket'],
      ['/en/ask/', 'This form did not come from Wijkloket'],
    ] as const) {
      const answer = await fetch(base + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        body: 'step=send',
      });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await answer.text()).toContain(text);
    }
  });

  it('answers an over-long header or URL with a translated 431, a page for the site and a problem for the API', async () => {
    const page = await fetch(`${base}/`, { headers: { 'x-filler': 'x'.repeat(20_000) } });
    expect(page.status).toBe(431);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('Dit verzoek is te groot');
    expect(text).toContain('This request is too large');
    const api = await fetch(`${base}/api/v1/topics?q=${'x'.repeat(20_000)}`);
    expect(api.status).toBe(431);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(((await api.json()) as { status: number }).status).toBe(431);
  });

  it('serves the development outbox only to this machine, with the site’s security headers', async () => {
    const outbox = await fetch(`${base}/dev/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(outbox.headers.get('x-frame-options')).toBe('DENY');
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', undefined].some(isLoopback)).toBe(false);
  });

  it('answers a wrong method on an API path with 405 and the methods it does answer', async () => {
    const answer = await fetch(`${base}/api/v1/topics`, { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const unknown = await fetch(`${base}/api/v1/no-such-thing`, { method: 'DELETE' });
    expect(unknown.status).toBe(404);
  });

  it('has one HSTS policy for the site and the API', async () => {
    const site = await fetch(`${base}/vraag/`);
    const api = await fetch(`${base}/api/v1/topics`);
    expect(api.headers.get('strict-transport-security')).toBe(site.headers.get('strict-transport-security'));
    expect(site.headers.get('strict-transport-security')).toMatch(/^max-age=63072000; includeSubDomains/);
  });
});
