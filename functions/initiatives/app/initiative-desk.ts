// The coordinator registers and edits citizen initiatives (issue #5). The same items the seed writes and
// the engine matches on: a profile (with its weekly referral counts, kept on edit) and one listing per
// district; a district taken off an initiative loses its listing at once.
import * as z from 'zod/mini';
import { decide, subjectOf } from '../../identity/domain/access-policy';
import { DomainError } from '../../kernel/errors';
import { initiativeSchema, type InitiativeInput, type Municipality } from '../../kernel/municipality';
import type { Account } from '../../identity/domain/sign-in';
import { findTopic } from '../../kernel/topics';
import { keys } from '../../platform/dynamodb/keys';
import { initiativeItems, listAllInitiatives, type InitiativeRecord } from '../store/directory-store';
import type { Item, Key, Repository } from '../../platform/dynamodb/repository';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';

export class InitiativeDesk {
  constructor(private readonly deps: { repo: Repository; municipality: Municipality }) {}

  async list(by: Account): Promise<(InitiativeRecord & { capacityPerWeek: number })[]> {
    this.assertCoordinator(by);
    const all = await listAllInitiatives(this.deps.repo, this.deps.municipality);
    const profiles = await this.deps.repo.getMany<Item & { initiativeId: string; capacityPerWeek: number }>(all.map((i) => keys.initiative(i.initiativeId)));
    const capacity = new Map(profiles.map((p) => [p.initiativeId, p.capacityPerWeek]));
    return all.map((i) => ({ ...i, capacityPerWeek: capacity.get(i.initiativeId) ?? 0 }));
  }

  /** Registers a new initiative (`isNew`: its id must be free) or saves an edited one. */
  async save(by: Account, input: InitiativeInput, options: { isNew?: boolean } = {}): Promise<void> {
    this.assertCoordinator(by);
    const parsed = z.safeParse(initiativeSchema, input);
    if (!parsed.success) {
      throw new DomainError('invalid-request', 'invalid initiative', { fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(',') });
    }
    const i = parsed.data;
    const districts = new Set(this.deps.municipality.districts.map((d) => d.id));
    if (i.districts.some((d) => !districts.has(d))) throw new DomainError('invalid-request', 'unknown district', { fields: 'districts' });
    if (i.topics.some((t) => !findTopic(t))) throw new DomainError('unknown-topic', 'unknown topic', { fields: 'topics' });

    const existing = await this.deps.repo.queryPartition<Item & Key>(keys.initiative(i.id).pk);
    const profile = existing.find((item) => item.sk === keys.initiative(i.id).sk) as (Item & { referralsByWeek?: Record<string, number> }) | undefined;
    if (options.isNew && profile) throw new DomainError('illegal-transition', `an initiative ${i.id} exists already`, { fields: 'id' });
    const items = initiativeItems(i).map((item) =>
      item.sk === keys.initiative(i.id).sk ? { ...item, referralsByWeek: profile?.referralsByWeek ?? {} } : item,
    );
    const kept = new Set(items.map((item) => item.sk));
    const stale = existing.filter((item) => !kept.has(String(item.sk)));
    await this.deps.repo.putMany(items);
    if (stale.length) {
      await this.deps.repo.client.send(
        new BatchWriteCommand({ RequestItems: { [this.deps.repo.tableName]: stale.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })) } }),
      );
    }
  }

  private assertCoordinator(by: Account): void {
    if (!decide(subjectOf(by), 'coordinator').allow) throw new DomainError('forbidden', 'only the volunteer coordinator may do this');
  }
}
