// Volunteers and initiatives as the matcher needs them. A volunteer's profile item holds the live counters;
// one small pool item per district x topic makes candidates findable by Query. Reads per match are bounded:
// at most two pool pages per district and one BatchGet, however many volunteers the municipality has.
import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../kernel/errors';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Key, Repository } from '../../platform/dynamodb/repository';
import type { VolunteerRegister } from '../app/ports';
import type { HelpedRequest, RequestCard, Volunteer, VolunteerStatus } from '../domain/volunteer';

/** At most this many pool items are read per district for one match. */
export const POOL_READ_LIMIT = 100;

/** The volunteer as stored (the domain's Volunteer). */
export type StoredVolunteer = Volunteer;

/** The items that store a volunteer: profile plus one pool item per district x topic. */
export function volunteerItems(v: StoredVolunteer): (Item & Key)[] {
  const slot = rotationSlot();
  return [
    {
      ...keys.volunteer(v.volunteerId),
      type: 'volunteer',
      ...v,
      ...keys.volunteersByStatus(v.status, v.signedUpAt ?? '2026-01-01T00:00:00.000Z', v.volunteerId),
    },
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

export class VolunteerStore implements VolunteerRegister {
  constructor(private readonly repo: Repository) {}

  async put(volunteers: StoredVolunteer[]): Promise<void> {
    await this.repo.putMany(volunteers.flatMap(volunteerItems));
  }

  async get(volunteerId: string): Promise<StoredVolunteer | undefined> {
    const item = await this.repo.get<StoredVolunteer & Item>(keys.volunteer(volunteerId));
    return item && normalise(item);
  }

  /**
   * Ids of approved volunteers in the pool of each district for a topic. A small pool is read whole in one
   * Query. A large one is read from a random slot onwards (wrapping around), so every approved volunteer
   * gets a turn while a match never reads more than POOL_READ_LIMIT items per district: the number of reads
   * does not grow with the number of volunteers.
   */
  async candidateIds(districtIds: readonly string[], topicId: string, random = Math.random): Promise<string[]> {
    const ids = new Set<string>();
    for (const districtId of districtIds) {
      const pool = keys.volunteerPool(districtId, topicId);
      let items = await this.repo.queryIndexRange('gsi1', pool, 'approved#', 'approved#~', POOL_READ_LIMIT);
      if (items.length === POOL_READ_LIMIT) {
        const start = `approved#${Math.floor(random() * 0x10000)
          .toString(16)
          .padStart(4, '0')}`;
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
  async profiles(ids: readonly string[]): Promise<StoredVolunteer[]> {
    return (await this.repo.getMany<StoredVolunteer & Item>(ids.map((id) => keys.volunteer(id)))).map(normalise);
  }

  /** Volunteers with a status, oldest sign-up first (one Query on the status partition). */
  async byStatus(status: VolunteerStatus): Promise<StoredVolunteer[]> {
    return this.repo.queryIndex<StoredVolunteer & Item>('gsi1', keys.volunteersByStatusPartition(status));
  }

  /** Moves a volunteer to a status: the profile and every pool item (their sort key starts with it). */
  async setStatus(volunteerId: string, from: VolunteerStatus, to: VolunteerStatus): Promise<StoredVolunteer | undefined> {
    const current = await this.get(volunteerId);
    if (!current) return undefined;
    const next = { ...current, status: to };
    const [profile, ...pool] = volunteerItems(next);
    // The profile decides the race: only a write from the status the caller saw succeeds.
    try {
      await this.repo.client.send(
        new PutCommand({
          TableName: this.repo.tableName,
          Item: profile,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':from': from },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new DomainError('illegal-transition', `volunteer ${volunteerId} is no longer ${from}`, { state: from });
      throw error;
    }
    await this.repo.putMany(pool);
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

  async held(volunteerId: string): Promise<RequestCard[]> {
    return this.repo.queryIndex<RequestCard & Item>('gsi2', keys.claimedPartition(volunteerId));
  }

  async helpedSince(volunteerId: string, since: string): Promise<HelpedRequest[]> {
    const items = await this.repo.queryPartitionRange<HelpedRequest & Item>(
      keys.volunteer(volunteerId).pk,
      `${keys.helpedPrefix}${since}`,
      `${keys.helpedPrefix}~`,
    );
    return items.map(({ requestId, topicId, districtId, at }) => ({ requestId, topicId, districtId, at }));
  }

  async feedPage(districtId: string, limit: number): Promise<RequestCard[]> {
    return this.repo.queryIndexRange<RequestCard & Item>('gsi2', keys.feedPartition(districtId), '0', '9', limit);
  }
}

/** DynamoDB returns string sets as Set; the domain works with arrays. */
function normalise(v: StoredVolunteer): StoredVolunteer {
  const helped = v.helpedHouseholds as unknown;
  return helped instanceof Set ? { ...v, helpedHouseholds: [...(helped as Set<string>)] } : v;
}
