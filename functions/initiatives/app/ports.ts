// The ports of the initiatives context: the register of initiatives (adapter: ../store/directory-store.ts).
import type { InitiativeInput } from '../../kernel/municipality';
import type { InitiativeRecord, StoredInitiative } from '../domain/initiative';

export interface InitiativeRegister {
  /** Every initiative listed in the municipality, by name. */
  listAll(): Promise<InitiativeRecord[]>;
  listInDistrict(districtId: string): Promise<InitiativeRecord[]>;
  profile(initiativeId: string): Promise<StoredInitiative | undefined>;
  profiles(initiativeIds: readonly string[]): Promise<StoredInitiative[]>;
  /** 'exists' when `isNew` and the id is taken; nothing is written then. */
  save(initiative: InitiativeInput, options?: { isNew?: boolean }): Promise<'saved' | 'exists'>;
}
