// The public API: what anyone may ask without signing in. Composed from route modules.
import { createApi } from '../../http/create-api';
import type { PublicApiDeps } from './deps';
import { registerHealth } from './routes/health';
import { registerMunicipality } from './routes/municipality';

export const PUBLIC_API_BASE_PATH = '/api/v1';
export const OPENAPI_PATH = '/openapi.json';

export function createPublicApi(deps: PublicApiDeps) {
  const app = createApi({ logger: deps.logger, basePath: PUBLIC_API_BASE_PATH });
  registerHealth(app, deps);
  registerMunicipality(app, deps);
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Wijkloket public API',
      version: deps.version,
      description: 'Ask for help close by, from neighbours to the district team. Errors are RFC 9457 problem details in Dutch or English.',
      contact: { name: 'Wijkloket', url: 'https://wijkloket.nl', email: 'security@wijkloket.nl' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/', description: 'Same origin as the site' }],
  });
  return app;
}
