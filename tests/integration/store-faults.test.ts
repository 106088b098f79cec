// The platform when its store fails, as `npm start` runs it: DynamoDB Local paused (a stalled store), resumed,
// then killed (a dead one). Every API operation and on-demand page answers within 5 s with a real answer: 503
// with Retry-After where it needs the store (problem+json from the API, a translated page from the site), never
// a 500, a hang or an empty body; after the pause it serves again, and an intake that failed is either absent
// or returned by a retry with its key, never half-written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../infra/local/platform';
import { PAGES, type PageId } from '../../functions/platform/routes/pages';
import { AccountStore } from '../../functions/identity/store/account-store';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { intake } from '../support/fixtures';

let platform: Platform;
let statusToken = '';
let reference = '';
let volunteerCookie = '';

beforeAll(async () => {
  platform = await startPlatform({ port: 0, rateLimits: { apiRequestsPerMinute: 100_000, sitePostsPerMinute: 100_000 } });
  const created = await post('/api/v1/help-requests', intake({ contact: { method: 'email', email: 'fault@example.nl' } }), randomUUID());
  const body = (await created.json()) as { statusToken: string; reference: string };
  [statusToken, reference] = [body.statusToken, body.reference];
  const accounts = new AccountStore(
    new Repository(createDocumentClient({ tableName: platform.tableName, endpoint: platform.dynamoDbEndpoint }), platform.tableName),
  );
  volunteerCookie = `__Host-wk-session=${(await accounts.startSession({ kind: 'volunteer', id: 'vol-fatima' })).token}`;
}, 60_000);
afterAll(async () => {
  try {
    process.kill(platform.store.pid, 'SIGCONT');
  } catch {
    // already gone
  }
  await platform?.stop();
});

function post(path: string, body: unknown, key?: string): Promise<Response> {
  return fetch(platform.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), authorization: `Bearer ${statusToken}` },
    body: JSON.stringify(body),
  });
}

interface Answer {
  what: string;
  status: number;
  ms: number;
  type: string;
  retryAfter: string | null;
  body: string;
}

async function timed(what: string, request: () => Promise<Response>): Promise<Answer> {
  const started = performance.now();
  const response = await request();
  const body = await response.text();
  return {
    what,
    status: response.status,
    ms: performance.now() - started,
    type: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}

/** Every API operation (from the OpenAPI document read before the fault) and every on-demand page, nl and en. */
let operations: { method: string; path: string }[] = [];
async function everything(): Promise<Answer[]> {
  const api = operations.map(({ method, path }) =>
    timed(`${method} ${path}`, () =>
      fetch(`${platform.url}/api/v1${path.replace('{reference}', reference)}`, {
        method: method.toUpperCase(),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${statusToken}`, 'idempotency-key': randomUUID() },
        ...(method === 'get' || method === 'delete' ? {} : { body: JSON.stringify(method === 'post' && path === '/help-requests' ? intake() : {}) }),
      }),
    ),
  );
  const pages = (Object.keys(PAGES) as PageId[])
    .filter((page) => PAGES[page].onDemand)
    .flatMap((page) =>
      (['nl', 'en'] as const).map((locale) => {
        const path = PAGES[page].paths[locale] + (page === 'status' ? `?t=${statusToken}` : '');
        return timed(`page ${page} (${locale})`, () => fetch(platform.url + path, { redirect: 'manual', headers: { cookie: volunteerCookie } }));
      }),
    );
  return Promise.all([...api, ...pages]);
}

/** What every answer during a fault must be: fast, real, and never a 5xx other than 503. */
function expectFailSafe(answers: Answer[]): void {
  for (const a of answers) {
    expect(a.ms, `${a.what} took ${Math.round(a.ms)} ms`).toBeLessThan(5000);
    expect([200, 201, 204, 303, 400, 401, 403, 404, 422, 503], `${a.what}: ${a.status}`).toContain(a.status);
    if (a.status === 503) {
      expect(a.retryAfter, `${a.what} Retry-After`).toBe('5');
      expect(a.body.length, `${a.what} body`).toBeGreaterThan(100);
      expect(a.type, `${a.what} type`).toMatch(/^(application\/problem\+json|text\/html)/);
    }
  }
}

describe('when the store fails', () => {
  it('answers 503 within 5 s while DynamoDB Local is paused, serves again after, and leaves nothing half-written', async () => {
    const doc = (await (await fetch(`${platform.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
    const key = randomUUID();
    const request = intake({ description: 'Tijdens de storing gevraagd.' });

    process.kill(platform.store.pid, 'SIGSTOP');
    const [answers, during] = await Promise.all([everything(), timed('intake during the pause', () => post('/api/v1/help-requests', request, key))]);
    expectFailSafe([...answers, during]);
    const byWhat = Object.fromEntries(answers.map((a) => [a.what, a]));
    // The store-backed ones say so; the health check too, within its own deadline.
    for (const what of ['get /health', 'post /help-requests', 'get /help-requests/{reference}', 'page status (nl)', 'page volunteer (en)'])
      expect(byWhat[what]?.status, what).toBe(503);
    expect(JSON.parse(byWhat['get /health']!.body)).toMatchObject({ status: 503, checks: { store: 'unreachable' } });
    expect(byWhat['get /health']!.ms).toBeLessThan(2500);
    expect(byWhat['page status (nl)']!.body).toContain('Wijkloket is even niet bereikbaar');
    expect(byWhat['page status (nl)']!.body).toContain('0800-0113');
    expect(byWhat['page status (en)']!.body).toContain('Wijkloket cannot be reached just now');
    expect(during.status).toBe(503);

    process.kill(platform.store.pid, 'SIGCONT');
    await expect.poll(async () => (await fetch(`${platform.url}/api/v1/health`)).status, { timeout: 15_000 }).toBe(200);
    // The intake that answered 503: a retry with its key gives one request (the first, if it was written after all).
    const retried = await post('/api/v1/help-requests', request, key);
    expect([200, 201]).toContain(retried.status);
    const again = await post('/api/v1/help-requests', request, key);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(((await retried.json()) as { reference: string }).reference);
    expect((await fetch(`${platform.url}/mijn-vraag/?t=${statusToken}`)).status).toBe(200);
  }, 60_000);

  it('answers 503 at once when DynamoDB Local is gone, and the platform knows it ended', async () => {
    process.kill(platform.store.pid, 'SIGKILL');
    await expect(platform.store.unexpectedExit).resolves.toBe('SIGKILL');
    const answers = await everything();
    expectFailSafe(answers);
    const byWhat = Object.fromEntries(answers.map((a) => [a.what, a]));
    for (const what of ['get /health', 'post /help-requests', 'get /help-requests/{reference}', 'page status (en)', 'page claimed (nl)'])
      expect(byWhat[what]?.status, what).toBe(503);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(5000);
  }, 60_000);
});
