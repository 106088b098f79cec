// The resident's journey through the JSON API against DynamoDB Local: ask (idempotent), follow with the
// Bearer status token, reply, answer "was it solved?", feedback, withdraw, erase, look up; bad input is a
// translated 4xx that changes nothing; the per-client rate limit answers 429 with Retry-After.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicApi } from '../../functions/apps/public-api/app';
import { servicesOn, type Services } from '../../functions/apps/wiring/services';
import { CLIENT_ADDRESS_HEADER } from '../../functions/platform/http/rate-limit';
import { keys } from '../../functions/platform/dynamodb/keys';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { intake, volunteer, TEST_KEYS } from '../support/fixtures';
import { freshRepository, silentLogger } from '../support/store';
import { responseChecker } from '../support/openapi-check';

/** Every response these tests see is held against the API's own OpenAPI document. */
const documented = responseChecker();

let services: Services;
let api: ReturnType<typeof createPublicApi>;

beforeAll(async () => {
  const repo = await freshRepository();
  services = servicesOn(repo, 'zaanstad', TEST_KEYS);
  await seedMunicipality(repo, services.municipality);
  api = documented.wrap(createPublicApi({ ...services, logger: silentLogger(), version: 'test' }));
});

const json = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
  api.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ask = (body: unknown, headers: Record<string, string> = {}) => json('/api/v1/help-requests', body, headers);

async function personalItemCount(): Promise<number> {
  return (await services.repo.queryIndex('gsi1', keys.retentionPartition)).length;
}

describe('asking for help through the API', () => {
  it('makes a request and answers a retry with the same key with the same request', async () => {
    const key = randomUUID();
    const first = await ask(intake(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as { reference: string; statusToken: string; state: string; routeReasons: string[] };
    expect(receipt.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
    expect(first.headers.get('location')).toBe(`/api/v1/help-requests/${receipt.reference}`);
    expect(receipt.routeReasons.length).toBeGreaterThan(0);
    const again = await ask(intake(), { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reference: receipt.reference, statusToken: receipt.statusToken });
  });

  it('answers a key replayed with another body with 422, and only the same body with the first request', async () => {
    const key = randomUUID();
    const before = await personalItemCount();
    // Ten different bodies with one key, at once: one makes the request, the nine others are refused.
    const bodies = Array.from({ length: 10 }, (_, i) => intake({ description: `Vraag nummer ${i}: wie helpt mij met boodschappen?` }));
    const answers = await Promise.all(bodies.map((body) => ask(body, { 'Idempotency-Key': key })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422, 422, 422, 422, 422, 422]);
    const refused = (await answers.find((a) => a.status === 422)!.json()) as { title: string; statusToken?: string };
    expect(refused.title).toBe('Deze sleutel is al gebruikt');
    expect(refused.statusToken).toBeUndefined();
    expect(await personalItemCount()).toBe(before + 1);
    // The body that won, again: the same answer.
    const winner = bodies[answers.findIndex((a) => a.status === 201)]!;
    const first = (await answers.find((a) => a.status === 201)!.json()) as { reference: string; statusToken: string };
    const again = await ask(winner, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ reference: first.reference, statusToken: first.statusToken });
  });

  it('refuses keys without enough randomness: the nil UUID, a pattern, another version', async () => {
    for (const key of [
      '00000000-0000-0000-0000-000000000000',
      '00000000-0000-4000-8000-000000000000',
      '11111111-1111-4111-8111-111111111111',
      '12345678-1234-1234-1234-123456789012',
    ]) {
      const answer = await ask(intake(), { 'Idempotency-Key': key });
      expect(answer.status, key).toBe(400);
      expect(JSON.stringify(await answer.json())).toContain('willekeurige UUID');
    }
  });

  it('refuses bad input with a translated problem and stores nothing', async () => {
    const before = await personalItemCount();
    const cases: [unknown, Record<string, string>, number, string][] = [
      [{ ...intake(), description: '' }, {}, 400, 'description'],
      [{ ...intake(), description: 'x'.repeat(2001) }, {}, 400, 'description'],
      [{ ...intake(), postcode: '1011 AB' }, {}, 422, ''],
      [{ ...intake(), topicId: 'astrology' }, {}, 400, ''],
      [{ ...intake(), bsn: '123456782' }, {}, 400, 'bsn'],
      [{ ...intake(), contact: { method: 'email' } }, {}, 400, 'contact.email'],
      [{ ...intake(), forWhom: 'someone-else' }, {}, 400, 'otherPersonAgreed'],
      [intake(), { 'Idempotency-Key': 'not-a-uuid' }, 400, 'Idempotency-Key'],
      ['{"topicId":', {}, 400, ''],
    ];
    for (const [body, headers, status, field] of cases) {
      const res = await ask(body, { 'accept-language': 'en', ...headers });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { detail: string; errors?: { field: string }[] };
      expect(problem.detail).toMatch(/[a-z]/);
      if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    expect(await personalItemCount()).toBe(before);
  });

  it('stores markup as text: what comes back is the same characters, never interpreted', async () => {
    const text = '<script>alert(1)</script> <b>help</b>';
    const res = await ask({ ...intake(), description: text });
    const { statusToken, reference } = (await res.json()) as { statusToken: string; reference: string };
    const requestId = await services.desk.requestIdFor(statusToken);
    expect((await services.residents.personal(requestId, new Date()))!.description).toBe(text);
    const status = await api.request(`/api/v1/help-requests/${reference}`, { headers: bearer(statusToken) });
    expect(status.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('following a request with its status token', () => {
  async function asked(overrides = {}) {
    const res = await ask(intake(overrides));
    return (await res.json()) as { reference: string; statusToken: string };
  }

  it('shows the status, takes a reply, and refuses a missing, forged or foreign token', async () => {
    const { reference, statusToken } = await asked();
    const other = await asked();
    const ok = await api.request(`/api/v1/help-requests/${reference}?lang=en`, { headers: bearer(statusToken) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ reference, state: 'offered', can: { reply: true, withdraw: true, erase: true } });
    expect((await api.request(`/api/v1/help-requests/${reference}`)).status).toBe(401);
    expect((await api.request(`/api/v1/help-requests/${reference}`, { headers: bearer('x'.repeat(43)) })).status).toBe(404);
    expect((await api.request(`/api/v1/help-requests/${reference}`, { headers: bearer(other.statusToken) })).status).toBe(404);

    expect((await json(`/api/v1/help-requests/${reference}/replies`, { text: 'Alleen in de ochtend.' }, bearer(statusToken))).status).toBe(204);
    expect((await json(`/api/v1/help-requests/${reference}/replies`, { text: '' }, bearer(statusToken))).status).toBe(400);
    const history = (await (await api.request(`/api/v1/help-requests/${reference}`, { headers: bearer(statusToken) })).json()) as {
      history: { text: string }[];
    };
    expect(history.history.at(-1)!.text).toBe('U stuurde meer informatie.');
  });

  it('answers "was it solved?", takes feedback once, and refuses changes to a closed request', async () => {
    const { reference, statusToken } = await asked();
    const requestId = await services.desk.requestIdFor(statusToken);
    await services.volunteers.put([volunteer({ volunteerId: `vol-api-${reference}`, name: 'Api', email: 'api@example.nl' })]);
    await services.engine.claim(requestId, `vol-api-${reference}`);
    await services.engine.markDone(requestId, `vol-api-${reference}`, 'klaar');
    const answer = (body: unknown) => json(`/api/v1/help-requests/${reference}/solved-answers`, body, bearer(statusToken));
    expect((await answer({ solved: 'yes' })).status).toBe(400);
    expect((await answer({ solved: true })).status).toBe(204);
    expect((await answer({ solved: true })).status).toBe(409);
    const feedback = (body: unknown) => json(`/api/v1/help-requests/${reference}/feedback`, body, bearer(statusToken));
    expect((await feedback({ score: 6 })).status).toBe(400);
    expect((await feedback({ score: 5, comment: 'Top' })).status).toBe(204);
    expect((await feedback({ score: 5 })).status).toBe(409);
    expect((await json(`/api/v1/help-requests/${reference}/replies`, { text: 'nog iets' }, bearer(statusToken))).status).toBe(409);
    expect((await json(`/api/v1/help-requests/${reference}/withdrawals`, {}, bearer(statusToken))).status).toBe(409);
  });

  it('erases the personal data; the token stops working; the lookup finds nothing any more', async () => {
    const { reference, statusToken } = await asked({ contact: { method: 'phone', phone: '06 12345678' } });
    const lookup = await json('/api/v1/status-lookups', { reference, contact: '+31612345678' });
    expect(lookup.status).toBe(201);
    const wrong = await json('/api/v1/status-lookups?lang=en', { reference, contact: '0699999999' });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { detail: string }).detail).toContain('do not belong together');
    const erase = await api.request(`/api/v1/help-requests/${reference}/personal-data`, { method: 'DELETE', headers: bearer(statusToken) });
    expect(erase.status).toBe(204);
    expect((await api.request(`/api/v1/help-requests/${reference}`, { headers: bearer(statusToken) })).status).toBe(404);
    expect((await json('/api/v1/status-lookups', { reference, contact: '0612345678' })).status).toBe(404);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and a translated problem once a client is over its limit, per client', async () => {
    const limited = documented.wrap(createPublicApi({ ...services, logger: silentLogger(), version: 'test', requestsPerMinute: 3 }));
    const from = (client: string) =>
      limited.request('/api/v1/topics?lang=en', { headers: { 'x-forwarded-for': client, [CLIENT_ADDRESS_HEADER]: `spoofed-${client}` } });
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.1')).status).toBe(200);
    const over = await from('10.0.0.1');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as { title: string }).title).toBe('Please wait a moment');
    expect((await from('10.0.0.2')).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('documents every response these tests saw: status, content type, body schema and headers', () => {
    expect(documented.checked).toBeGreaterThan(20);
    expect(documented.mismatches).toEqual([]);
  });
});
