// Seeds the table from the municipality's file: districts, postcode areas, demo volunteers, initiatives,
// staff and their sign-in accounts. It touches every context's items, so it lives with the wiring.
import { accountItem } from '../../identity/store/account-store';
import { initiativeItems } from '../../initiatives/store/directory-store';
import type { Municipality } from '../../kernel/municipality';
import { keys } from '../../platform/dynamodb/keys';
import { AlreadyExistsError, type Item, type Key, type Repository } from '../../platform/dynamodb/repository';
import { volunteerFromConfig } from '../../volunteers/index';
import { volunteerItems } from '../../volunteers/store/volunteer-store';

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
