import { describe, expect, it } from 'vitest';
import { createTableInput, TABLE } from '../../functions/platform/dynamodb/table-definition';

describe('table definition', () => {
  it('the CreateTable request carries the same keys and indexes as the definition', () => {
    const input = createTableInput('t');
    expect(input.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(input.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(TABLE.globalSecondaryIndexes.map((i) => i.indexName));
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('declares every key attribute exactly once', () => {
    const names = createTableInput('t').AttributeDefinitions!.map((a) => a.AttributeName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'pk', 'sk']);
  });
});
