// AWS Lambda entry of the public API. Dependencies are built once per execution environment.
import { handle } from 'hono/aws-lambda';
import { currentMunicipality } from '../../config/municipality';
import { createLogger } from '../../http/logger';
import { createDocumentClient, storeConfigFromEnv } from '../../store/client';
import { Repository } from '../../store/repository';
import { createPublicApi } from './app';

const store = storeConfigFromEnv();
const app = createPublicApi({
  repo: new Repository(createDocumentClient(store), store.tableName),
  municipality: currentMunicipality(),
  logger: createLogger('wijkloket-public-api'),
  version: process.env.APP_VERSION ?? 'dev',
});

export const handler = handle(app);
