// A thin repository over the DynamoDB document client. It knows the table, not the domain: callers pass
// keys built in keys.ts. Every write that must not overwrite is conditional; reads are Get or Query, never Scan.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE, type IndexName } from './table-definition';

export type Item = Record<string, unknown>;
type QueryInput = ConstructorParameters<typeof QueryCommand>[0];
export interface Key {
  pk: string;
  sk: string;
}

export class AlreadyExistsError extends Error {
  constructor(readonly key: Key) {
    super(`item ${key.pk} / ${key.sk} already exists`);
    this.name = 'AlreadyExistsError';
  }
}

export class Repository {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get<T extends Item>(key: Key): Promise<T | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return result.Item as T | undefined;
  }

  /** Creates an item; fails with AlreadyExistsError instead of overwriting. */
  async create(item: Item & Key): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': TABLE.partitionKey.name },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new AlreadyExistsError({ pk: item.pk, sk: item.sk });
      throw error;
    }
  }

  /** Items of one partition, optionally only those whose sort key starts with a prefix. */
  async queryPartition<T extends Item>(pk: string, skPrefix?: string): Promise<T[]> {
    return this.queryAll<T>(keyCondition(TABLE.partitionKey.name, TABLE.sortKey.name, pk, skPrefix));
  }

  /** The last `limit` items of one partition by sort key, last first (one Query, read backwards). */
  async newestInPartition<T extends Item>(pk: string, limit: number): Promise<T[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE.partitionKey.name },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []) as T[];
  }

  /** Items of one partition whose sort key lies between `from` and `to` (inclusive). */
  async queryPartitionRange<T extends Item>(pk: string, from: string, to: string): Promise<T[]> {
    return this.queryAll<T>({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey.name, '#sk': TABLE.sortKey.name },
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
    });
  }

  /** Items of one index partition, optionally only those whose index sort key starts with a prefix. */
  async queryIndex<T extends Item>(indexName: IndexName, pk: string, skPrefix?: string): Promise<T[]> {
    const index = TABLE.globalSecondaryIndexes.find((i) => i.indexName === indexName)!;
    return this.queryAll<T>({
      IndexName: indexName,
      ...keyCondition(index.partitionKey.name, index.sortKey.name, pk, skPrefix),
    });
  }

  /** Up to `limit` items of one index partition whose index sort key lies in [from, to). */
  async queryIndexRange<T extends Item>(
    indexName: IndexName,
    pk: string,
    from: string,
    to: string,
    limit: number,
    options: { newestFirst?: boolean } = {},
  ): Promise<T[]> {
    const index = TABLE.globalSecondaryIndexes.find((i) => i.indexName === indexName)!;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': index.partitionKey.name, '#sk': index.sortKey.name },
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
        Limit: limit,
        ...(options.newestFirst ? { ScanIndexForward: false } : {}),
      }),
    );
    // BETWEEN is inclusive; the upper bound is the next range's start, so leave it to that range.
    return ((result.Items ?? []) as T[]).filter((item) => item[index.sortKey.name] !== to);
  }

  /** Many items by key, 100 per BatchGet, retrying what DynamoDB leaves unprocessed. Order is not kept. */
  async getMany<T extends Item>(itemKeys: Key[]): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < itemKeys.length; i += 100) {
      let pending = itemKeys.slice(i, i + 100) as unknown as Record<string, unknown>[];
      while (pending.length > 0) {
        const result = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }));
        out.push(...((result.Responses?.[this.tableName] ?? []) as T[]));
        pending = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return out;
  }

  /** Writes many items without conditions, for seeding; split into DynamoDB's batches of 25. */
  async putMany(items: (Item & Key)[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
  }

  private async queryAll<T extends Item>(input: Omit<QueryInput, 'TableName'>): Promise<T[]> {
    const items: T[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey }));
      items.push(...((page.Items ?? []) as T[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

function keyCondition(pkName: string, skName: string, pk: string, skPrefix?: string): Omit<QueryInput, 'TableName'> {
  return skPrefix === undefined
    ? {
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pkName },
        ExpressionAttributeValues: { ':pk': pk },
      }
    : {
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': pkName, '#sk': skName },
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      };
}
