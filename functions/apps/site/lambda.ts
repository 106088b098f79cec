// AWS Lambda entry of the site: on-demand pages and the 404 page, behind CloudFront.
import { handle } from 'hono/aws-lambda';
import { render } from '../../../site/dist/server/entry.mjs';
import { createLogger } from '../../http/logger';
import { createDocumentClient, storeConfigFromEnv } from '../../store/client';
import { Repository } from '../../store/repository';
import { createSiteApp } from './app';

const store = storeConfigFromEnv();
const app = createSiteApp({
  render,
  services: { repo: new Repository(createDocumentClient(store), store.tableName) },
  logger: createLogger('wijkloket-site'),
  trustForwardedHost: true,
});

export const handler = handle(app);
