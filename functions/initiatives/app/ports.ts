// The ports of the initiatives context: the register of initiatives (adapter: ../store/directory-store.ts).
import type { InitiativeInput } from '../../kernel/municipality';
import type { InitiativeRecord, Neighbourhood, StoredInitiative } from '../domain/initiative';

export interface InitiativeRegister {
  /** Every initiative listed in the municipality, by name. */
  listAll(): Promise<InitiativeRecord[]>;
  listInDistrict(districtId: string): Promise<InitiativeRecord[]>;
  /** The district of a postcode and the initiatives there; undefined outside the municipality. */
  neighbourhood(postcode: string): Promise<Neighbourhood | undefined>;
  profile(initiativeId: string): Promise<StoredInitiative | undefined>;
  profiles(initiativeIds: readonly string[]): Promise<StoredInitiative[]>;
  /** 'exists' when `isNew` and the id is taken; nothing is written then. */
  save(initiative: InitiativeInput, options?: { isNew?: boolean }): Promise<'saved' | 'exists'>;
}
