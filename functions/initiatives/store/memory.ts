// In-memory adapter of the initiatives' register: for unit tests without Java and for simulations. Its
// profiles map is shared with the stepped-care adapter, which counts referrals per week on it.
import { districtForPostcode, postcodeArea, type InitiativeInput, type Municipality } from '../../kernel/municipality';
import type { InitiativeRegister } from '../app/ports';
import type { InitiativeRecord, Neighbourhood, StoredInitiative } from '../domain/initiative';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryInitiativeRegister implements InitiativeRegister {
  constructor(
    private readonly initiatives: Map<string, StoredInitiative & { description: InitiativeRecord['description'] }>,
    private readonly municipality: Municipality,
  ) {}

  async neighbourhood(postcode: string): Promise<Neighbourhood | undefined> {
    const district = districtForPostcode(this.municipality, postcode);
    if (!district) return undefined;
    return {
      postcodeArea: postcodeArea(postcode),
      district: { districtId: district.id, name: district.name },
      initiatives: await this.listInDistrict(district.id),
    };
  }

  async listAll(): Promise<InitiativeRecord[]> {
    return [...this.initiatives.values()].map(record).sort((a, b) => a.name.localeCompare(b.name));
  }

  async listInDistrict(districtId: string): Promise<InitiativeRecord[]> {
    return [...this.initiatives.values()]
      .filter((i) => i.districts.includes(districtId))
      .map(record)
      .sort((a, b) => a.initiativeId.localeCompare(b.initiativeId));
  }

  /** The listings of a district, synchronously: what the in-memory helper pool reads. */
  listed(districtId: string): InitiativeRecord[] {
    return [...this.initiatives.values()].filter((i) => i.districts.includes(districtId)).map(record);
  }

  async profile(initiativeId: string): Promise<StoredInitiative | undefined> {
    const i = this.initiatives.get(initiativeId);
    return i && copy(i);
  }

  async profiles(initiativeIds: readonly string[]): Promise<StoredInitiative[]> {
    return initiativeIds.flatMap((id) => (this.initiatives.has(id) ? [copy(this.initiatives.get(id)!)] : []));
  }

  async save(i: InitiativeInput, options: { isNew?: boolean } = {}): Promise<'saved' | 'exists'> {
    const existing = this.initiatives.get(i.id);
    if (options.isNew && existing) return 'exists';
    const { id, ...rest } = copy(i);
    this.initiatives.set(id, { initiativeId: id, ...rest, referralsByWeek: existing?.referralsByWeek ?? {} });
    return 'saved';
  }
}

function record(i: StoredInitiative & { description: InitiativeRecord['description'] }): InitiativeRecord {
  return copy({ initiativeId: i.initiativeId, name: i.name, description: i.description, email: i.email, districts: i.districts, topics: i.topics });
}
