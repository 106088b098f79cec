import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicApi, PUBLIC_API_VERSION } from '../../functions/apps/public-api/app';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { TEST_KEYS } from '../support/fixtures';
import { servicesOn } from '../../functions/apps/wiring/services';
import { MAX_BODY_BYTES } from '../../functions/platform/http/create-api';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { freshRepository, silentLogger } from '../support/store';
import { responseChecker } from '../support/openapi-check';

/** Every response these tests see is held against the API's own OpenAPI document. */
const documented = responseChecker();

const zaanstad = currentMunicipality('zaanstad');
let repo: Repository;
let api: ReturnType<typeof createPublicApi>;

beforeAll(async () => {
  repo = await freshRepository();
  await seedMunicipality(repo, zaanstad);
  api = documented.wrap(createPublicApi({ ...servicesOn(repo, 'zaanstad', TEST_KEYS), logger: silentLogger(), version: 'test' }));
});

const lookup = (body: string, headers: Record<string, string> = {}) =>
  api.request('/api/v1/district-lookups', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('public API', () => {
  it('answers health with the store reachable', async () => {
    const res = await api.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: 'test', checks: { store: 'ok' } });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('api-version')).toBe(PUBLIC_API_VERSION);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('reports the store as unreachable with 503, not a crash', async () => {
    const dead = new Repository(createDocumentClient({ tableName: 'x', endpoint: 'http://127.0.0.1:9' }), 'x');
    const broken = documented.wrap(createPublicApi({ ...servicesOn(dead, 'zaanstad'), logger: silentLogger(), version: 'test' }));
    const res = await broken.request('/api/v1/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 503, checks: { store: 'unreachable' } });
  });

  it('describes the municipality in Dutch by default and in English on request', async () => {
    const nl = await (await api.request('/api/v1/municipality')).json();
    const en = await (await api.request('/api/v1/municipality', { headers: { 'accept-language': 'en-GB,en' } })).json();
    expect(nl.team.name).toBe('Sociaal Wijkteam Zaanstad');
    expect(en.team.name).toBe('Zaanstad social district team');
    expect(en.crisisLines.map((l: { phone: string }) => l.phone)).toEqual(['112', '0800-2000', '0800-0113']);
    expect(nl.districts).toHaveLength(zaanstad.districts.length);
  });

  it('finds the district and its initiatives for a postcode', async () => {
    const res = await lookup(JSON.stringify({ postcode: '1521 AB' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.district).toEqual({ id: 'wormerveer', name: 'Wormerveer' });
    expect(body.initiatives.map((i: { id: string }) => i.id)).toContain('ini-klusploeg-wormerveer');
  });

  it('answers a postcode outside the municipality kindly, with where to go, in the asked language', async () => {
    const res = await lookup(JSON.stringify({ postcode: '1011 AB' }), { 'accept-language': 'en' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 422, title: 'This postcode is not in Zaanstad', instance: '/api/v1/district-lookups' });
    expect(problem.detail).toMatch(/municipality where you live/);
  });
});

describe('bad input: a clear translated 4xx, never a 5xx', () => {
  const invalidField = { status: 400, nl: /niet goed ingevuld/, en: /not filled in correctly/ };
  const notFound = { status: 404, nl: /bestaat niet/, en: /does not exist/ };
  const cases: { name: string; send: (h: Record<string, string>) => Response | Promise<Response>; status: number; nl: RegExp; en: RegExp }[] = [
    {
      name: 'malformed JSON',
      send: (h) => lookup('{"postcode": "1521', h),
      status: 400,
      nl: /geen geldige JSON/,
      en: /not valid JSON/,
    },
    {
      name: 'wrong content type',
      send: (h) =>
        api.request('/api/v1/district-lookups', { method: 'POST', headers: { 'content-type': 'text/plain', ...h }, body: 'postcode=1521' }),
      status: 415,
      nl: /als JSON/,
      en: /as JSON/,
    },
    {
      name: 'no content type at all',
      send: (h) => api.request('/api/v1/district-lookups', { method: 'POST', headers: h, body: '{}' }),
      status: 415,
      nl: /als JSON/,
      en: /as JSON/,
    },
    {
      name: 'oversized body',
      send: (h) => lookup(JSON.stringify({ postcode: '1521', padding: 'x'.repeat(MAX_BODY_BYTES) }), h),
      status: 413,
      nl: /te veel gegevens/i,
      en: /too much data/i,
    },
    {
      name: 'unknown field',
      send: (h) => lookup(JSON.stringify({ postcode: '1521', bsn: '123456782' }), h),
      ...invalidField,
    },
    {
      name: 'missing field',
      send: (h) => lookup('{}', h),
      ...invalidField,
    },
    {
      name: 'wrong type',
      send: (h) => lookup(JSON.stringify({ postcode: 1521 }), h),
      ...invalidField,
    },
    {
      name: 'markup in a field',
      send: (h) => lookup(JSON.stringify({ postcode: '<script>alert(1)</script>' }), h),
      ...invalidField,
    },
    {
      name: 'JSON that is not an object',
      send: (h) => lookup('[1,2,3]', h),
      ...invalidField,
    },
    {
      name: 'an invalid language parameter',
      send: (h) => api.request('/api/v1/municipality?lang=fr', { headers: h }),
      ...invalidField,
    },
    {
      name: 'unknown route',
      send: (h) => api.request('/api/v1/does-not-exist', { headers: h }),
      ...notFound,
    },
    {
      name: 'wrong method',
      send: (h) => api.request('/api/v1/health', { method: 'DELETE', headers: h }),
      status: 405,
      nl: /kent deze HTTP-methode niet/,
      en: /does not answer this HTTP method/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.status} problem+json, in Dutch by default and in English when asked`, async () => {
      for (const [language, expected] of [
        ['nl', c.nl],
        ['en', c.en],
      ] as const) {
        const res = await c.send(language === 'en' ? { 'accept-language': 'en' } : {});
        expect(res.status).toBe(c.status);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.headers.get('content-language')).toBe(language);
        const problem = await res.json();
        expect(problem.status).toBe(c.status);
        expect(problem.detail).toMatch(expected);
        expect(problem.requestId).toBeTruthy();
      }
    });
  }

  it('answers in English when asked, with the field that is wrong and without echoing the value', async () => {
    const res = await lookup(JSON.stringify({ postcode: '<script>', extra: 1 }), { 'accept-language': 'en' });
    const problem = await res.json();
    expect(problem.detail).toMatch(/not filled in correctly/);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'postcode', detail: 'This value is not right.' },
        { field: 'extra', detail: 'We do not know this field. Leave it out.' },
      ]),
    );
    expect(JSON.stringify(problem)).not.toContain('<script>');
  });
});

describe('topics and triage preview', () => {
  it('lists the topic catalogue in the asked language', async () => {
    const nl = await (await api.request('/api/v1/topics')).json();
    const en = await (await api.request('/api/v1/topics?lang=en')).json();
    expect(nl).toHaveLength(12);
    expect(nl.find((t: { id: string }) => t.id === 'money-debts').label).toBe('Geldzorgen en schulden');
    expect(en.find((t: { id: string }) => t.id === 'money-debts').label).toBe('Money worries and debts');
  });

  const preview = (body: unknown, lang = 'nl') =>
    api.request(`/api/v1/triage-previews?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const intake = {
    topicId: 'odd-jobs',
    description: 'Mijn lamp moet opgehangen worden',
    urgency: 'no-rush',
    dangerNow: false,
    wantsProfessional: false,
    formalWmoRequest: false,
  };

  it('explains the route, and shows the emergency numbers for crisis words', async () => {
    expect(await (await preview(intake)).json()).toMatchObject({ level: 'zeroth-line', showEmergencyNumbers: false });
    const crisis = await (await preview({ ...intake, description: "I don't want to live anymore" }, 'en')).json();
    expect(crisis).toMatchObject({ level: 'district-team', priority: 'crisis', showEmergencyNumbers: true });
    expect(crisis.reasons.map((r: { text: string }) => r.text).join(' ')).toContain('0800-0113');
  });

  it('answers an unknown topic and an impossible urgency with a translated 400', async () => {
    const unknown = await preview({ ...intake, topicId: 'astrology' }, 'en');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).title).toBe('We do not know this topic');
    const urgency = await preview({ ...intake, urgency: 'yesterday' });
    expect(urgency.status).toBe(400);
    expect((await urgency.json()).errors).toEqual([{ field: 'urgency', detail: 'Deze waarde klopt niet.' }]);
  });
});

describe('OpenAPI document', () => {
  it('conforms to the Dutch API Design Rules (Spectral ruleset of Logius)', async () => {
    const doc = await (await api.request('/api/v1/openapi.json')).text();
    const dir = mkdtempSync(join(tmpdir(), 'wijkloket-oas-'));
    writeFileSync(join(dir, 'openapi.json'), doc);
    const ruleset = join(import.meta.dirname, '../standards/nl-api-design-rules.yaml');
    const spectral = join(import.meta.dirname, '../../node_modules/.bin/spectral');
    const run = spawnSync(spectral, ['lint', '-r', ruleset, '-f', 'json', '-q', join(dir, 'openapi.json')], { encoding: 'utf8' });
    const findings = JSON.parse(run.stdout || '[]') as { code: string; message: string; path: string[] }[];
    expect(findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`)).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);

  it('is OpenAPI 3.1 at a stable URL and lists every route with its problems', async () => {
    const res = await api.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(PUBLIC_API_VERSION);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/district-lookups',
      '/health',
      '/help-requests',
      '/help-requests/{reference}',
      '/help-requests/{reference}/feedback',
      '/help-requests/{reference}/personal-data',
      '/help-requests/{reference}/replies',
      '/help-requests/{reference}/solved-answers',
      '/help-requests/{reference}/withdrawals',
      '/municipality',
      '/open-data/hsds/organizations',
      '/status-lookups',
      '/topics',
      '/triage-previews',
    ]);
    expect(doc.paths['/help-requests/{reference}'].get.security).toEqual([{ statusToken: [] }]);
    expect(doc.components.securitySchemes.statusToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const lookupOp = doc.paths['/district-lookups'].post;
    expect(lookupOp.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['postcode'],
    });
    expect(lookupOp.responses['422'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    expect(doc.paths['/municipality'].get.parameters).toEqual([expect.objectContaining({ name: 'lang', in: 'query', required: false })]);
  });
});

describe('the OpenAPI document', () => {
  it('documents every response these tests saw: status, content type, body schema and headers', () => {
    expect(documented.checked).toBeGreaterThan(20);
    expect(documented.mismatches).toEqual([]);
  });
});
