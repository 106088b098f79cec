// Every typed domain error becomes a clear, translated 4xx problem: never a 5xx.
import { describe, expect, it } from 'vitest';
import { DomainError, type DomainErrorCode } from '../../functions/kernel/errors';
import { createApi } from '../../functions/platform/http/create-api';
import { DOMAIN_PROBLEMS } from '../../functions/platform/http/problem';
import { silentLogger } from '../support/logger';

const router = createApi({ logger: silentLogger(), basePath: '/api/v1', version: 'test' });
router.app.get('/api/v1/throw/:code', (c) => {
  throw new DomainError(c.req.param('code') as DomainErrorCode, 'internal detail that must not leak');
});

describe('domain errors over HTTP', () => {
  for (const code of Object.keys(DOMAIN_PROBLEMS) as DomainErrorCode[]) {
    it(`${code} -> 4xx problem in Dutch and English`, async () => {
      for (const [lang, other] of [['nl', 'en'], ['en', 'nl']] as const) {
        const res = await router.app.request(`/api/v1/throw/${code}?lang=${lang}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.headers.get('content-language')).toBe(lang);
        const body = await res.json();
        expect(body.detail.length).toBeGreaterThan(10);
        expect(JSON.stringify(body)).not.toContain('internal detail');
        expect(other).not.toBe(lang);
      }
    });
  }
});
