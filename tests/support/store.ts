// A fresh table per test file on the shared DynamoDB Local, created from the one table definition.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { servicesOn } from '../../functions/apps/wiring/services';
import { ensureTable } from '../../infra/local/dynamodb-local';
import { TEST_KEYS } from './fixtures';

export async function freshRepository(): Promise<Repository> {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return new Repository(createDocumentClient({ tableName, endpoint }), tableName);
}

export { silentLogger } from './logger';

/** Every service on the table of a running platform (the e2e tests' setup writes and reads through them). */
export function servicesFor(store: { tableName: string; endpoint: string }) {
  return servicesOn(new Repository(createDocumentClient(store), store.tableName), 'zaanstad', TEST_KEYS);
}
