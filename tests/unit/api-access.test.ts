// The API router enforces every route's declared access through the policy, before the handler runs: a
// route cannot forget to check, and a router without the app's policy answers only public routes.
import { describe, expect, it } from 'vitest';
import { apiAuthorizer } from '../../functions/apps/public-api/authorize';
import { memoryServices } from '../../functions/apps/wiring/memory';
import type { Access } from '../../functions/kernel/access';
import { createApi } from '../../functions/platform/http/create-api';
import { intake } from '../support/fixtures';
import { silentLogger } from '../support/logger';

function apiWith(authorize?: ReturnType<typeof apiAuthorizer>) {
  const router = createApi({ logger: silentLogger(), basePath: '/api/v1', version: 'test', ...(authorize ? { authorize } : {}) });
  const reached: string[] = [];
  for (const access of ['public', 'own-request', 'staff'] as Access[]) {
    router.add(
      {
        method: 'get',
        path: `/probe/${access}/{reference}`,
        operationId: `probe-${access}`,
        access,
        tags: ['probe'],
        summary: 'probe',
        responses: { 200: { description: 'ok' } },
      },
      (c) => {
        reached.push(access);
        return c.json({ token: c.get('statusToken') ?? null });
      },
    );
  }
  return { app: router.app, reached };
}

describe('route access, enforced by the router', () => {
  it('answers only public routes when the app gives no policy (fail closed)', async () => {
    const { app, reached } = apiWith();
    expect((await app.request('/api/v1/probe/public/X')).status).toBe(200);
    expect((await app.request('/api/v1/probe/own-request/X', { headers: { authorization: 'Bearer abc' } })).status).toBe(403);
    expect(reached).toEqual(['public']);
  });

  it('lets a resident’s token open its own request only, and refuses staff routes on the public API', async () => {
    const { desk } = memoryServices();
    const mine = await desk.submit(intake());
    const other = await desk.submit(intake({ description: 'Een andere vraag over boodschappen.' }));
    const { app, reached } = apiWith(apiAuthorizer({ desk }));
    const get = (path: string, token?: string) => app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    expect((await get(`/api/v1/probe/own-request/${mine.referenceCode}`)).status).toBe(401);
    expect((await get(`/api/v1/probe/own-request/${mine.referenceCode}`, 'forged-token-that-opens-nothing-at-all')).status).toBe(404);
    expect((await get(`/api/v1/probe/own-request/${other.referenceCode}`, mine.statusToken)).status).toBe(404);
    const ok = await get(`/api/v1/probe/own-request/${mine.referenceCode.toLowerCase()}`, mine.statusToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ token: mine.statusToken });
    expect((await get(`/api/v1/probe/staff/${mine.referenceCode}`, mine.statusToken)).status).toBe(403);
    expect(reached).toEqual(['own-request']);
  });
});
