import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, type Repository } from '../../functions/platform/dynamodb/repository';
import { freshRepository } from '../support/store';

describe('repository on DynamoDB Local', () => {
  let repo: Repository;
  beforeAll(async () => {
    repo = await freshRepository();
  });

  it('creates an item once and refuses to overwrite it', async () => {
    await repo.create({ pk: 'A#1', sk: 'PROFILE', name: 'first' });
    await expect(repo.create({ pk: 'A#1', sk: 'PROFILE', name: 'second' })).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await repo.get({ pk: 'A#1', sk: 'PROFILE' })).toMatchObject({ name: 'first' });
  });

  it('exactly one of many concurrent creates of the same key wins', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => repo.create({ pk: 'RACE#1', sk: 'CLAIM', winner: i })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof AlreadyExistsError)).toHaveLength(19);
  });

  it('returns undefined for a missing item', async () => {
    expect(await repo.get({ pk: 'NOPE', sk: 'NOPE' })).toBeUndefined();
  });

  it('writes more than one batch and queries a partition by sort key prefix, across pages', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      pk: 'P#1',
      sk: `${i % 2 ? 'ODD' : 'EVEN'}#${String(i).padStart(3, '0')}`,
      blob: 'x'.repeat(30_000), // large items force DynamoDB to page the query results
    }));
    await repo.putMany(items);
    expect(await repo.queryPartition('P#1')).toHaveLength(60);
    const odd = await repo.queryPartition('P#1', 'ODD#');
    expect(odd).toHaveLength(30);
    expect(odd.every((item) => String(item.sk).startsWith('ODD#'))).toBe(true);
  });

  it('queries a secondary index', async () => {
    await repo.putMany([
      { pk: 'X#1', sk: 'A', gsi1pk: 'G#1', gsi1sk: 'b' },
      { pk: 'X#2', sk: 'A', gsi1pk: 'G#1', gsi1sk: 'a' },
      { pk: 'X#3', sk: 'A', gsi1pk: 'G#2', gsi1sk: 'a' },
    ]);
    const found = await repo.queryIndex('gsi1', 'G#1');
    expect(found.map((item) => item.pk)).toEqual(['X#2', 'X#1']);
    expect(await repo.queryIndex('gsi1', 'G#1', 'b')).toHaveLength(1);
  });
});
