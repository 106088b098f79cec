// The directory on the table: districts by postcode area, and citizen initiatives with one listing per
// district they cover (found by Query on gsi1, never a Scan). Seeded from the municipality file
// (apps/wiring/seed.ts), edited by the coordinator (app/initiative-desk.ts).
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { District, InitiativeInput, Municipality } from '../../kernel/municipality';
import { postcodeArea } from '../../kernel/municipality';
import { keys } from '../../platform/dynamodb/keys';
import { AlreadyExistsError, type Item, type Key, type Repository } from '../../platform/dynamodb/repository';
import type { InitiativeRegister } from '../app/ports';
import type { InitiativeRecord, Neighbourhood, StoredInitiative } from '../domain/initiative';

export interface DistrictRecord {
  municipalityId: string;
  districtId: string;
  name: string;
  neighbourhoods: string[];
}

export type { InitiativeRecord, Neighbourhood, StoredInitiative } from '../domain/initiative';

export async function findDistrictByPostcodeArea(
  repo: Repository,
  municipalityId: string,
  pc4: string,
): Promise<{ districtId: string; name: string } | undefined> {
  const item = await repo.get<{ districtId: string; name: string }>(keys.postcodeArea(pc4, municipalityId));
  return item ? { districtId: item.districtId, name: item.name } : undefined;
}

export async function listDistricts(repo: Repository, municipalityId: string): Promise<DistrictRecord[]> {
  const items = await repo.queryPartition<DistrictRecord & Item>(keys.municipality(municipalityId).pk, keys.districtPrefix);
  return items.map(({ municipalityId: mId, districtId, name, neighbourhoods }) => ({
    municipalityId: mId,
    districtId,
    name,
    neighbourhoods,
  }));
}

export async function listInitiativesInDistrict(repo: Repository, districtId: District['id']): Promise<InitiativeRecord[]> {
  const items = await repo.queryIndex<InitiativeRecord & Item>('gsi1', keys.initiativesInDistrict(districtId, '').gsi1pk);
  return items.map(({ initiativeId, name, description, email, districts, topics }) => ({
    initiativeId,
    name,
    description,
    email,
    districts,
    topics,
  }));
}

/** The items that store an initiative: its profile (with its weekly referral counts) and one item per district. */
export function initiativeItems(i: Municipality['initiatives'][number]): (Item & Key)[] {
  return [
    { ...keys.initiative(i.id), type: 'initiative', initiativeId: i.id, ...i, id: undefined, referralsByWeek: {} },
    ...i.districts.map((d) => ({
      ...keys.initiativeArea(i.id, d),
      type: 'initiative-area',
      initiativeId: i.id,
      name: i.name,
      description: i.description,
      email: i.email,
      districts: i.districts,
      topics: i.topics,
      ...keys.initiativesInDistrict(d, i.id),
    })),
  ];
}

/**
 * The district of a postcode and the initiatives there; undefined when the postcode lies outside the
 * municipality. The one lookup behind the API's district lookup and the site's "what is near me" page.
 */
export async function lookupNeighbourhood(repo: Repository, municipalityId: string, postcode: string): Promise<Neighbourhood | undefined> {
  const area = postcodeArea(postcode);
  const district = await findDistrictByPostcodeArea(repo, municipalityId, area);
  if (!district) return undefined;
  return { postcodeArea: area, district, initiatives: await listInitiativesInDistrict(repo, district.districtId) };
}

/** Every initiative listed in the municipality: one Query per district, merged. */
export async function listAllInitiatives(repo: Repository, m: Municipality): Promise<InitiativeRecord[]> {
  const lists = await Promise.all(m.districts.map((d) => listInitiativesInDistrict(repo, d.id)));
  return [...new Map(lists.flat().map((i) => [i.initiativeId, i])).values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Initiatives' profiles (with their weekly referral counts), in one BatchGet per 100. */
export async function initiativeProfiles(repo: Repository, initiativeIds: readonly string[]): Promise<StoredInitiative[]> {
  return (await repo.getMany<StoredInitiative & Item>(initiativeIds.map((id) => keys.initiative(id)))).map((i) => strip(i)!);
}

/** The items that seed the directory from the municipality's file: districts, postcode areas, initiatives. */
export function directorySeedItems(m: Municipality): (Item & Key)[] {
  return [
    ...m.districts.map((d) => ({
      ...keys.district(m.id, d.id),
      type: 'district',
      municipalityId: m.id,
      districtId: d.id,
      name: d.name,
      neighbourhoods: d.neighbourhoods,
      neighbours: d.neighbours,
    })),
    ...m.districts.flatMap((d) =>
      d.postcodes.map((pc4) => ({ ...keys.postcodeArea(pc4, m.id), type: 'postcode-area', districtId: d.id, name: d.name })),
    ),
    ...m.initiatives.flatMap((i) => initiativeItems(i)),
  ];
}

/** Whether the municipality was seeded completely (its profile is written last). */
export async function isSeeded(repo: Repository, municipalityId: string): Promise<boolean> {
  return (await repo.get(keys.municipality(municipalityId))) !== undefined;
}

/** Marks a complete seed; false when another start marked it first. */
export async function markSeeded(repo: Repository, m: Municipality): Promise<boolean> {
  try {
    await repo.create({ ...keys.municipality(m.id), type: 'municipality', municipalityId: m.id, name: m.name, seededAt: new Date().toISOString() });
    return true;
  } catch (error) {
    if (error instanceof AlreadyExistsError) return false;
    throw error;
  }
}

/** The initiatives' register as the initiatives context's ports want it. */
export class InitiativeStore implements InitiativeRegister {
  constructor(
    private readonly repo: Repository,
    private readonly municipality: Municipality,
  ) {}

  listAll(): Promise<InitiativeRecord[]> {
    return listAllInitiatives(this.repo, this.municipality);
  }

  /** The district of a postcode and the initiatives there; undefined outside the municipality. */
  neighbourhood(postcode: string): Promise<Neighbourhood | undefined> {
    return lookupNeighbourhood(this.repo, this.municipality.id, postcode);
  }

  listInDistrict(districtId: string): Promise<InitiativeRecord[]> {
    return listInitiativesInDistrict(this.repo, districtId);
  }

  async profile(initiativeId: string): Promise<StoredInitiative | undefined> {
    return strip(await this.repo.get<StoredInitiative & Item>(keys.initiative(initiativeId)));
  }

  profiles(initiativeIds: readonly string[]): Promise<StoredInitiative[]> {
    return initiativeProfiles(this.repo, initiativeIds);
  }

  /**
   * Saves an initiative: its profile (keeping its weekly referral counts) and one listing per district; a
   * district taken off loses its listing at once. 'exists' when `isNew` and the id is taken.
   */
  async save(i: InitiativeInput, options: { isNew?: boolean } = {}): Promise<'saved' | 'exists'> {
    const existing = await this.repo.queryPartition<Item & Key>(keys.initiative(i.id).pk);
    const profile = existing.find((item) => item.sk === keys.initiative(i.id).sk) as
      (Item & { referralsByWeek?: Record<string, number> }) | undefined;
    if (options.isNew && profile) return 'exists';
    const items = initiativeItems(i).map((item) =>
      item.sk === keys.initiative(i.id).sk ? { ...item, referralsByWeek: profile?.referralsByWeek ?? {} } : item,
    );
    const kept = new Set(items.map((item) => item.sk));
    const stale = existing.filter((item) => !kept.has(String(item.sk)));
    await this.repo.putMany(items);
    if (stale.length) {
      await this.repo.client.send(
        new BatchWriteCommand({
          RequestItems: { [this.repo.tableName]: stale.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })) },
        }),
      );
    }
    return 'saved';
  }
}

function strip<T extends Item>(item: T | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _t, gsi1pk: _a, gsi1sk: _b, ...rest } = item;
  return rest as T;
}
