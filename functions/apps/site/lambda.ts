// AWS Lambda entry of the site: on-demand pages and the 404 page, behind CloudFront.
import { handle } from 'hono/aws-lambda';
import { render } from '../../../site/dist/server/entry.mjs';
import { linkKeyFromEnv } from '../../config/link-key';
import { createLogger } from '../../http/logger';
import { createServices } from '../../engine/create-engine';
import { storeConfigFromEnv } from '../../store/client';
import { createSiteApp } from './app';

const app = createSiteApp({
  render,
  services: createServices(storeConfigFromEnv(), undefined, { matching: 'deferred', linkKey: linkKeyFromEnv() }),
  logger: createLogger('wijkloket-site'),
  trustForwardedHost: true,
});

export const handler = handle(app);
