// AWS Lambda entry of the public API. Dependencies are built once per execution environment.
import { handle } from 'hono/aws-lambda';
import { currentMunicipality } from '../../platform/config/municipality';
import { createLogger } from '../../platform/http/logger';
import { createCoreServices } from '../wiring/core-services';
import { statusTokenKeyFromEnv } from '../../platform/config/link-key';
import { storeConfigFromEnv } from '../../platform/dynamodb/client';
import { createPublicApi } from './app';

const app = createPublicApi({
  ...createCoreServices(storeConfigFromEnv(), undefined, { matching: 'deferred', statusTokenKey: statusTokenKeyFromEnv() }),
  municipality: currentMunicipality(),
  logger: createLogger('wijkloket-public-api'),
  version: process.env.APP_VERSION ?? 'dev',
});

export const handler = handle(app);
