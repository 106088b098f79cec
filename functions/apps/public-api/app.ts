// The public API: what anyone may ask without signing in. Composed from route modules.
import { createApi } from '../../platform/http/create-api';
import type { openApiDocument } from '../../platform/http/openapi';
import { apiAuthorizer } from './authorize';
import type { PublicApiDeps } from './deps';
import { registerHealth } from './routes/health';
import { registerHelpRequests } from './routes/help-requests';
import { registerMunicipality } from './routes/municipality';
import { registerOpenData } from './routes/open-data';
import { registerSteppedCare } from './routes/stepped-care';

/** Major version in the path (Dutch API Design Rules); the full version travels in the API-Version header. */
export const PUBLIC_API_BASE_PATH = '/api/v1';
export const PUBLIC_API_VERSION = '1.0.0';
export const OPENAPI_PATH = '/openapi.json';

export function createPublicApi(deps: PublicApiDeps) {
  const router = createApi({
    logger: deps.logger,
    basePath: PUBLIC_API_BASE_PATH,
    version: PUBLIC_API_VERSION,
    ...(deps.requestsPerMinute ? { requestsPerMinute: deps.requestsPerMinute } : {}),
    ...(deps.clientAddress ? { clientAddress: deps.clientAddress } : {}),
    authorize: apiAuthorizer(deps),
  });
  registerHealth(router, deps);
  registerMunicipality(router, deps);
  registerSteppedCare(router);
  registerHelpRequests(router, deps);
  registerOpenData(router, deps);

  let document: ReturnType<typeof openApiDocument> | undefined;
  router.app.get(PUBLIC_API_BASE_PATH + OPENAPI_PATH, async (c) => {
    // Loaded on the first request for the document: most cold starts never need the generator.
    const { openApiDocument } = await import('../../platform/http/openapi');
    document ??= openApiDocument(
      {
        title: 'Wijkloket public API',
        version: PUBLIC_API_VERSION,
        description:
          'Ask for help close by, from neighbours to the district team. Errors are RFC 9457 problem details with a Dutch or English detail (Accept-Language or ?lang=).',
        contact: { name: 'Wijkloket', url: 'https://wijkloket.nl', email: 'security@wijkloket.nl' },
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      PUBLIC_API_BASE_PATH,
      router.contracts,
    );
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(document);
  });
  return router.app;
}
