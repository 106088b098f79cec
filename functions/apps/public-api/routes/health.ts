import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { keys } from '../../../store/keys';
import type { AppEnv } from '../../../http/types';
import type { PublicApiDeps } from '../deps';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    checks: z.object({ store: z.enum(['ok', 'unreachable']) }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['health'],
  summary: 'Is the service up, and can it reach its store?',
  responses: {
    200: { description: 'Service and store are up', content: { 'application/json': { schema: healthSchema } } },
    503: { description: 'The store cannot be reached', content: { 'application/json': { schema: healthSchema } } },
  },
});

export function registerHealth(app: OpenAPIHono<AppEnv>, deps: PublicApiDeps): void {
  app.openapi(route, async (c) => {
    let store: 'ok' | 'unreachable' = 'ok';
    try {
      await deps.repo.get(keys.municipality(deps.municipality.id));
    } catch (error) {
      deps.logger.warn('store unreachable', { error: error instanceof Error ? error.name : String(error) });
      store = 'unreachable';
    }
    const body = { status: store === 'ok' ? 'ok' : 'degraded', version: deps.version, checks: { store } } as const;
    return store === 'ok' ? c.json(body, 200) : c.json(body, 503);
  });
}
