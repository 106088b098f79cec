// AWS Lambda entry of the site: on-demand pages and the 404 page, behind CloudFront.
import { handle } from 'hono/aws-lambda';
import { render } from '#astro-entry';
import { linkKeyFromEnv, statusTokenKeyFromEnv } from '../../platform/config/link-key';
import { relyingPartyFromEnv } from '../../platform/config/relying-party';
import { createLogger } from '../../platform/http/logger';
import { createServices } from '../wiring/services';
import { storeConfigFromEnv } from '../../platform/dynamodb/client';
import { createSiteApp } from './app';

const app = createSiteApp({
  render,
  services: createServices(storeConfigFromEnv(), undefined, {
    matching: 'deferred',
    linkKey: linkKeyFromEnv(),
    statusTokenKey: statusTokenKeyFromEnv(),
    relyingParty: relyingPartyFromEnv(),
  }),
  logger: createLogger('wijkloket-site'),
  trustForwardedHost: true,
});

export const handler = handle(app);
