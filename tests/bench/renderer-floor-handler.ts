// A second floor for the cold-import benchmark: the floor (hono and the DynamoDB client) plus Astro's
// renderer of the site's on-demand pages, and nothing of Wijkloket's own. What the site function can never
// start faster than while Astro renders its pages.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { render } from '#astro-entry';

const client = new DynamoDBClient({});
const app = new Hono().all('*', (c) =>
  typeof client.config.region === 'function' ? render(c.req.raw, {} as Parameters<typeof render>[1]) : c.notFound(),
);

export const handler = handle(app);
