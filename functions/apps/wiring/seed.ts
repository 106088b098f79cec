// Seeds the table from the municipality's file: each context's store gives its items (the directory, the
// volunteers, staff and accounts); the directory's profile item, written last, marks a complete seed.
import { identitySeedItems } from '../../identity/store/account-store';
import { directorySeedItems, isSeeded, markSeeded } from '../../initiatives/store/directory-store';
import type { Municipality } from '../../kernel/municipality';
import type { Repository } from '../../platform/dynamodb/repository';
import { volunteerFromConfig } from '../../volunteers/index';
import { volunteerItems } from '../../volunteers/store/volunteer-store';

export type SeedOutcome = 'seeded' | 'already-seeded';

/**
 * Writes the municipality into the table. Idempotent: the profile item is written last and only if absent,
 * so it marks a complete seed, and a second start (or two at once) leaves existing data alone.
 */
export async function seedMunicipality(repo: Repository, m: Municipality): Promise<SeedOutcome> {
  if (await isSeeded(repo, m.id)) return 'already-seeded';
  await repo.putMany([...directorySeedItems(m), ...m.volunteers.flatMap((v) => volunteerItems(volunteerFromConfig(m, v))), ...identitySeedItems(m)]);
  return (await markSeeded(repo, m)) ? 'seeded' : 'already-seeded';
}
