// Volunteers and initiatives as the matcher needs them. A volunteer's profile item holds the live counters;
// one small pool item per district x topic makes candidates findable by Query. Reads per match are bounded:
// at most two pool pages per district and one BatchGet, however many volunteers the municipality has.
import { randomBytes } from 'node:crypto';
import type { VolunteerProfile } from '../../stepped-care/domain/matching';
import type { StoredInitiative } from '../../initiatives/store/directory-store';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Key, Repository } from '../../platform/dynamodb/repository';

/** At most this many pool items are read per district for one match. */
export const POOL_READ_LIMIT = 100;

export type StoredVolunteer = VolunteerProfile & { name: string; email: string; phone?: string; signedUpAt?: string };

/** The items that store a volunteer: profile plus one pool item per district x topic. */
export function volunteerItems(v: StoredVolunteer): (Item & Key)[] {
  const slot = rotationSlot();
  return [
    { ...keys.volunteer(v.volunteerId), type: 'volunteer', ...v, ...keys.volunteersByStatus(v.status, v.signedUpAt ?? '2026-01-01T00:00:00.000Z', v.volunteerId) },
    ...v.districts.flatMap((districtId) =>
      v.topics.map((topicId) => ({
        ...keys.volunteerPoolItem(v.volunteerId, districtId, topicId),
        type: 'volunteer-pool',
        volunteerId: v.volunteerId,
        gsi1pk: keys.volunteerPool(districtId, topicId),
        gsi1sk: keys.volunteerPoolSort(v.status, slot, v.volunteerId),
      })),
    ),
  ];
}

/** A random, fixed position in every pool, so that reading from a random start rotates fairly. */
function rotationSlot(): string {
  return randomBytes(2).toString('hex');
}

export class VolunteerStore {
  constructor(private readonly repo: Repository) {}

  async put(volunteers: StoredVolunteer[]): Promise<void> {
    await this.repo.putMany(volunteers.flatMap(volunteerItems));
  }

  async get(volunteerId: string): Promise<StoredVolunteer | undefined> {
    return this.repo.get<StoredVolunteer & Item>(keys.volunteer(volunteerId));
  }

  /**
   * Ids of approved volunteers in the pool of each district for a topic. A small pool is read whole in one
   * Query. A large one is read from a random slot onwards (wrapping around), so every approved volunteer
   * gets a turn while a match never reads more than POOL_READ_LIMIT items per district: the number of reads
   * does not grow with the number of volunteers.
   */
  async candidateIds(districtIds: string[], topicId: string, random = Math.random): Promise<string[]> {
    const ids = new Set<string>();
    for (const districtId of districtIds) {
      const pool = keys.volunteerPool(districtId, topicId);
      let items = await this.repo.queryIndexRange('gsi1', pool, 'approved#', 'approved#~', POOL_READ_LIMIT);
      if (items.length === POOL_READ_LIMIT) {
        const start = `approved#${Math.floor(random() * 0x10000).toString(16).padStart(4, '0')}`;
        items = await this.repo.queryIndexRange('gsi1', pool, start, 'approved#~', POOL_READ_LIMIT);
        if (items.length < POOL_READ_LIMIT) {
          items = [...items, ...(await this.repo.queryIndexRange('gsi1', pool, 'approved#', start, POOL_READ_LIMIT - items.length))];
        }
      }
      for (const item of items) ids.add(item.volunteerId as string);
    }
    return [...ids];
  }

  /** Live profiles (with their open-claim counters) of the given volunteers, in one BatchGet per 100. */
  async profiles(ids: string[]): Promise<StoredVolunteer[]> {
    return this.repo.getMany<StoredVolunteer & Item>(ids.map((id) => keys.volunteer(id)));
  }

  /** Volunteers with a status, oldest sign-up first (one Query on the status partition). */
  async byStatus(status: VolunteerProfile['status']): Promise<StoredVolunteer[]> {
    return this.repo.queryIndex<StoredVolunteer & Item>('gsi1', keys.volunteersByStatusPartition(status));
  }

  /** Moves a volunteer to a status: the profile and every pool item (their sort key starts with it). */
  async setStatus(volunteerId: string, status: VolunteerProfile['status']): Promise<StoredVolunteer | undefined> {
    const current = await this.get(volunteerId);
    if (!current) return undefined;
    const next = { ...current, status };
    await this.repo.putMany(volunteerItems(next));
    return next;
  }

  /** Records a certificate of conduct (VOG) valid until a date: topics that need one open up in matching. */
  async recordVog(volunteerId: string, validUntil: string): Promise<void> {
    await this.repo.client.send(
      new UpdateCommand({
        TableName: this.repo.tableName,
        Key: keys.volunteer(volunteerId),
        UpdateExpression: 'SET vogValidUntil = :until',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':until': validUntil },
      }),
    );
  }

  async initiativeProfiles(ids: string[]): Promise<StoredInitiative[]> {
    return this.repo.getMany<StoredInitiative & Item>(ids.map((id) => keys.initiative(id)));
  }
}
