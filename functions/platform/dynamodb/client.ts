// The DynamoDB client of every function and the local platform, with the timeouts a request path needs: a
// stalled or dead store must answer "unavailable" within a few seconds, never hang a resident's page.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface StoreConfig {
  tableName: string;
  /** Set for DynamoDB Local; absent in AWS, where the SDK finds the regional endpoint. */
  endpoint?: string;
  region?: string;
}

/**
 * Time limits per call. DynamoDB answers in milliseconds; a call that takes a second to connect or two to
 * answer will not answer in time for a person waiting. Two attempts in all (the SDK's standard backoff in
 * between): the worst case for one call is about 2 x 1.5 s (a stalled store accepts connections and never answers), well
 * within the 10 s of API Gateway and the 5 s a person waits.
 */
export const STORE_TIMEOUTS = { connectionTimeoutMs: 1000, requestTimeoutMs: 1500, maxAttempts: 2 } as const;

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  return { tableName, endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION ?? 'eu-west-1' };
}

export function createDocumentClient(config: StoreConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region ?? 'eu-west-1',
    maxAttempts: STORE_TIMEOUTS.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: STORE_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: STORE_TIMEOUTS.requestTimeoutMs,
      // Without this the handler only logs a warning when the time is up, and the call hangs on.
      throwOnRequestTimeout: true,
    }),
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep a developer's AWS profile out of it.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export { isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from './store-errors';
