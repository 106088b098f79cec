// The floor for the cold-import benchmark: a Lambda handler that imports only hono and the DynamoDB
// client, bundled with the same settings as the real functions. Nothing can start faster than this.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const client = new DynamoDBClient({});
const app = new Hono().get('/', (c) => c.json({ ok: true, region: typeof client.config.region }));

export const handler = handle(app);
