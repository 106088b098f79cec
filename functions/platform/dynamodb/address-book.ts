// Where the notifier finds an e-mail's addressee at the moment it sends: the outbox holds ids only, so the
// address (and a resident's language and reference code) are read now, and are gone once erased. A read
// model over several contexts' items, so it lives with the table rather than in any one context.
import type { Locale } from '../../kernel/municipality';
import { keys } from './keys';
import type { Repository } from './repository';

export interface AddressBook {
  volunteer(id: string): Promise<{ email?: string } | undefined>;
  initiative(id: string): Promise<{ email?: string; name?: string } | undefined>;
  staff(id: string): Promise<{ email?: string } | undefined>;
  /** The request's anonymous head: what a team e-mail names (district, priority, why it is with the team). */
  request(requestId: string): Promise<
    | {
        requestId: string;
        topicId: string;
        districtId: string;
        priority: 'crisis' | 'high' | 'normal' | 'low';
        crisis: boolean;
        rule: string;
        escalatedBecause?: string;
        volunteersMaySee?: boolean;
        initiativesMaySee?: boolean;
        wmo?: unknown;
      }
    | undefined
  >;
  /** The resident's contact, language and reference code, while their personal data is kept. */
  resident(requestId: string): Promise<{ contact: { method: string; email?: string }; language: Locale; referenceCode: string } | undefined>;
}

export function addressBookOn(repo: Repository): AddressBook {
  return {
    volunteer: (id) => repo.get(keys.volunteer(id)),
    initiative: (id) => repo.get(keys.initiative(id)),
    staff: (id) => repo.get(keys.staff(id)),
    request: (requestId) => repo.get(keys.requestHead(requestId)),
    resident: (requestId) => repo.get(keys.personal(requestId)),
  };
}

/** Why the table does not answer (the error's name), or undefined when it does: one read of a key that needs no item. */
export async function storeProblem(repo: Repository): Promise<string | undefined> {
  try {
    await repo.get(keys.healthProbe);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}
