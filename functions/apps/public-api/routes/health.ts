import * as z from 'zod/mini';
import type { ContractRouter } from '../../../platform/http/contract';
import { problem } from '../../../platform/http/problem';
import { storeProblem } from '../../../platform/dynamodb/address-book';
import { STORE_RETRY_AFTER_SECONDS } from '../../../platform/dynamodb/store-errors';
import type { PublicApiDeps } from '../deps';

const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  checks: z.object({ store: z.enum(['ok', 'unreachable']) }),
});

export function registerHealth(router: ContractRouter, deps: PublicApiDeps): void {
  router.add(
    {
      method: 'get',
      path: '/health',
      operationId: 'getHealth',
      access: 'public',
      tags: ['health'],
      summary: 'Is the service up, and can it reach its store?',
      responses: {
        200: { description: 'Service and store are up', schema: healthSchema },
        503: {
          description: 'The store cannot be reached (a problem with a `checks` member)',
          problem: true,
          schema: z.looseObject({ checks: z.object({ store: z.literal('unreachable') }) }),
        },
      },
    },
    async (c) => {
      const problemName = await storeProblem(deps.repo);
      if (problemName) deps.logger.warn('store unreachable', { error: problemName });
      const store: 'ok' | 'unreachable' = problemName ? 'unreachable' : 'ok';
      if (store !== 'ok') {
        c.header('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
        return problem(c, 'unavailable', { extensions: { status: 503, checks: { store } } });
      }
      const body: z.infer<typeof healthSchema> = { status: 'ok', version: deps.version, checks: { store } };
      return c.json(body);
    },
  );
}
