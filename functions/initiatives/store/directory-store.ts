// Storage of the municipality's reference data: districts, postcode areas, demo volunteers, initiatives
// and staff. Seeded from the municipality's configuration file; read by the API and the site.
import type { District, Locale, Municipality } from '../../kernel/municipality';
import { districtForPostcode, postcodeArea } from '../../kernel/municipality';
import { accountItem } from '../../identity/store/account-store';
import { keys } from '../../platform/dynamodb/keys';
import { volunteerItems, type StoredVolunteer } from '../../volunteers/store/volunteer-store';
import { AlreadyExistsError, type Item, type Key, type Repository } from '../../platform/dynamodb/repository';

export interface DistrictRecord {
  municipalityId: string;
  districtId: string;
  name: string;
  neighbourhoods: string[];
}

export interface InitiativeRecord {
  initiativeId: string;
  name: string;
  description: Record<Locale, string>;
  email: string;
  districts: string[];
  topics: string[];
}

/** An initiative's profile item: what matching and referrals read (the directory reads InitiativeRecord). */
export interface StoredInitiative {
  initiativeId: string;
  name: string;
  email: string;
  districts: string[];
  topics: string[];
  capacityPerWeek: number;
  /** Referrals offered per ISO week (see domain/referral.ts). */
  referralsByWeek?: Record<string, number>;
}

export type SeedOutcome = 'seeded' | 'already-seeded';

/**
 * Writes the municipality into the table. Idempotent: the profile item is written last and only if absent,
 * so it marks a complete seed, and a second start (or two at once) leaves existing data alone.
 */
export async function seedMunicipality(repo: Repository, m: Municipality): Promise<SeedOutcome> {
  if (await repo.get(keys.municipality(m.id))) return 'already-seeded';
  const items: (Item & Key)[] = [
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
    ...m.volunteers.flatMap((v) => volunteerItems(volunteerFromConfig(m, v))),
    ...m.initiatives.flatMap((i) => initiativeItems(i)),
    ...m.professionals.map((p) => ({ ...keys.staff(p.id), type: 'staff', staffId: p.id, ...p, id: undefined })),
    // Demo accounts: volunteers and staff sign in with these people's addresses.
    ...m.volunteers.map((v) => accountItem(v.email, { kind: 'volunteer', id: v.id })),
    ...m.professionals.map((p) => accountItem(p.email, { kind: 'staff', id: p.id, role: p.role })),
  ];
  await repo.putMany(items);
  try {
    await repo.create({
      ...keys.municipality(m.id),
      type: 'municipality',
      municipalityId: m.id,
      name: m.name,
      seededAt: new Date().toISOString(),
    });
    return 'seeded';
  } catch (error) {
    if (error instanceof AlreadyExistsError) return 'already-seeded';
    throw error;
  }
}

export async function findDistrictByPostcodeArea(
  repo: Repository,
  municipalityId: string,
  pc4: string,
): Promise<{ districtId: string; name: string } | undefined> {
  const item = await repo.get<{ districtId: string; name: string }>(keys.postcodeArea(pc4, municipalityId));
  return item ? { districtId: item.districtId, name: item.name } : undefined;
}

export async function listDistricts(repo: Repository, municipalityId: string): Promise<DistrictRecord[]> {
  const items = await repo.queryPartition<DistrictRecord & Item>(
    keys.municipality(municipalityId).pk,
    keys.districtPrefix,
  );
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

/** A demo volunteer from the municipality file, as the matcher stores it. */
export function volunteerFromConfig(m: Municipality, v: Municipality['volunteers'][number]): StoredVolunteer {
  return {
    volunteerId: v.id,
    name: v.name,
    email: v.email,
    status: v.approved ? 'approved' : 'pending',
    homeDistrictId: districtForPostcode(m, v.postcode)?.id ?? v.districts[0]!,
    districts: v.districts,
    maxDistanceKm: v.maxDistanceKm,
    topics: v.topics,
    languages: v.languages,
    availableDays: v.availableDays,
    ...(v.vogValidUntil ? { vogValidUntil: v.vogValidUntil } : {}),
    openClaims: 0,
    maxOpenClaims: v.maxOpenClaims,
  };
}

/** The items that store an initiative: its profile (with its weekly referral counts) and one item per district. */
export function initiativeItems(i: Municipality['initiatives'][number]): (Item & Key)[] {
  return [
    { ...keys.initiative(i.id), type: 'initiative', initiativeId: i.id, ...i, id: undefined, referralsByWeek: {} },
    ...i.districts.map((d) => ({
      pk: keys.initiative(i.id).pk,
      sk: `AREA#${d}`,
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

export interface Neighbourhood {
  postcodeArea: string;
  district: { districtId: string; name: string };
  initiatives: InitiativeRecord[];
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
