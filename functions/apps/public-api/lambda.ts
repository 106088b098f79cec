// AWS Lambda entry of the public API. Dependencies are built once per execution environment.
import { handle } from 'hono/aws-lambda';
import { currentMunicipality } from '../../platform/config/municipality';
import { createLogger } from '../../platform/http/logger';
import { createCoreServices } from '../wiring/core-services';
import { storeConfigFromEnv } from '../../platform/dynamodb/client';
import { createPublicApi } from './app';

const app = createPublicApi({
  ...createCoreServices(storeConfigFromEnv(), undefined, { matching: 'deferred' }),
  municipality: currentMunicipality(),
  logger: createLogger('wijkloket-public-api'),
  version: process.env.APP_VERSION ?? 'dev',
});

export const handler = handle(app);
