// The table as the access patterns need it, written out by hand: the CreateTable request (DynamoDB Local)
// and, through the same definition, the CDK table.
import { describe, expect, it } from 'vitest';
import { createTableInput } from '../../functions/platform/dynamodb/table-definition';

describe('table definition', () => {
  const input = createTableInput('t');

  it('keys every item by pk and sk, on demand', () => {
    expect(input.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('has the three sparse indexes the access patterns read, projecting whole items', () => {
    expect(input.GlobalSecondaryIndexes?.map((i) => ({ name: i.IndexName, keys: i.KeySchema, projection: i.Projection?.ProjectionType }))).toEqual([
      {
        name: 'gsi1',
        keys: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        projection: 'ALL',
      },
      {
        name: 'gsi2',
        keys: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
        ],
        projection: 'ALL',
      },
      {
        name: 'gsi3',
        keys: [
          { AttributeName: 'gsi3pk', KeyType: 'HASH' },
          { AttributeName: 'gsi3sk', KeyType: 'RANGE' },
        ],
        projection: 'ALL',
      },
    ]);
  });

  it('declares every key attribute once, as a string', () => {
    expect(input.AttributeDefinitions).toEqual(
      ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'].map((name) =>
        expect.objectContaining({ AttributeName: name, AttributeType: 'S' }),
      ),
    );
    expect(input.AttributeDefinitions).toHaveLength(8);
  });
});
