import { beforeAll, describe, expect, it } from 'vitest';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { findDistrictByPostcodeArea, listDistricts, listInitiativesInDistrict } from '../../functions/initiatives/store/directory-store';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import type { Repository } from '../../functions/platform/dynamodb/repository';
import { freshRepository } from '../support/store';

describe('seeding the demo municipality', () => {
  const zaanstad = currentMunicipality('zaanstad');
  let repo: Repository;
  beforeAll(async () => {
    repo = await freshRepository();
  });

  it('seeds once; a second seed keeps what is there', async () => {
    expect(await seedMunicipality(repo, zaanstad)).toBe('seeded');
    await repo.putMany([
      {
        pk: 'MUNI#zaanstad',
        sk: 'DISTRICT#zaandam-zuid',
        type: 'district',
        municipalityId: 'zaanstad',
        districtId: 'zaandam-zuid',
        name: 'Changed by a user',
        neighbourhoods: [],
      },
    ]);
    expect(await seedMunicipality(repo, zaanstad)).toBe('already-seeded');
    const districts = await listDistricts(repo, 'zaanstad');
    expect(districts.find((d) => d.districtId === 'zaandam-zuid')?.name).toBe('Changed by a user');
  });

  it('two seeds at once both succeed and leave one complete seed', async () => {
    const other = await freshRepository();
    const outcomes = await Promise.all([seedMunicipality(other, zaanstad), seedMunicipality(other, zaanstad)]);
    expect(outcomes.sort()).toEqual(['already-seeded', 'seeded']);
    expect(await listDistricts(other, 'zaanstad')).toHaveLength(zaanstad.districts.length);
  });

  it('finds every configured postcode area, and nothing outside the municipality', async () => {
    for (const district of zaanstad.districts) {
      for (const pc4 of district.postcodes) {
        expect(await findDistrictByPostcodeArea(repo, 'zaanstad', pc4)).toMatchObject({ districtId: district.id });
      }
    }
    expect(await findDistrictByPostcodeArea(repo, 'zaanstad', '1011')).toBeUndefined();
  });

  it('lists the initiatives of a district through the index', async () => {
    const inWormerveer = await listInitiativesInDistrict(repo, 'wormerveer');
    const expected = zaanstad.initiatives
      .filter((i) => i.districts.includes('wormerveer'))
      .map((i) => i.id)
      .sort();
    expect(inWormerveer.map((i) => i.initiativeId).sort()).toEqual(expected);
  });
});
