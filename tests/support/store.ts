// A fresh table per test file on the shared DynamoDB Local, created from the one table definition.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { ensureTable } from '../../infra/local/dynamodb-local';

export async function freshRepository(): Promise<Repository> {
  const endpoint = inject('dynamoDbEndpoint');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(endpoint, tableName);
  return new Repository(createDocumentClient({ tableName, endpoint }), tableName);
}

export { silentLogger } from './logger';
