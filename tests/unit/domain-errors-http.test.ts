// Every typed domain error becomes a clear, translated 4xx problem: never a 5xx. The statuses and the
// sample of titles are written out here, not read from the mapping under test.
import { describe, expect, it } from 'vitest';
import { DomainError, type DomainErrorCode } from '../../functions/kernel/errors';
import { createApi } from '../../functions/platform/http/create-api';
import { silentLogger } from '../support/logger';

const router = createApi({ logger: silentLogger(), basePath: '/api/v1', version: 'test' });
router.app.get('/api/v1/throw/:code', (c) => {
  throw new DomainError(c.req.param('code') as DomainErrorCode, 'internal detail that must not leak');
});

/** Every domain error code (the type makes sure none is missing) and the status a client gets for it. */
const EXPECTED: Record<DomainErrorCode, number> = {
  'unknown-topic': 400,
  'postcode-outside': 422,
  'invalid-request': 400,
  'illegal-transition': 409,
  'request-not-found': 404,
  'request-closed': 409,
  'already-claimed': 409,
  'volunteer-not-eligible': 403,
  'volunteer-not-found': 403,
  'concurrent-change': 409,
  'status-link-invalid': 404,
  'lookup-failed': 404,
  forbidden: 403,
  'concern-exists': 409,
  'referral-link-invalid': 403,
  'idempotency-key-reused': 422,
  'referral-not-open': 409,
};

describe('domain errors over HTTP', () => {
  it.each(Object.entries(EXPECTED))('%s -> %i problem in Dutch and English, without internal detail', async (code, status) => {
    const titles: string[] = [];
    for (const lang of ['nl', 'en'] as const) {
      const res = await router.app.request(`/api/v1/throw/${code}?lang=${lang}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('content-language')).toBe(lang);
      const body = await res.json();
      expect(body.status).toBe(status);
      expect(body.detail.length).toBeGreaterThan(10);
      expect(JSON.stringify(body)).not.toContain('internal detail');
      titles.push(body.title);
    }
    // Two languages, two different texts.
    expect(titles[0]).not.toBe(titles[1]);
  });

  it('words a conflict plainly in both languages', async () => {
    const nl = await (await router.app.request('/api/v1/throw/already-claimed?lang=nl')).json();
    const en = await (await router.app.request('/api/v1/throw/already-claimed?lang=en')).json();
    expect(nl.detail).toMatch(/al opgepakt|iemand anders/i);
    expect(en.detail).toMatch(/already|someone else/i);
  });
});
