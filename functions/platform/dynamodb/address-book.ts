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

/** How long the health check waits for the store before it says the store is unreachable. */
export const HEALTH_PROBE_DEADLINE_MS = 1500;

/**
 * Why the table does not answer (the error's name), or undefined when it does: one read of a key that needs
 * no item, within HEALTH_PROBE_DEADLINE_MS (a stalled store is unreachable too; the read ends on its own timeout).
 */
export async function storeProblem(repo: Repository, deadlineMs = HEALTH_PROBE_DEADLINE_MS): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((done) => (timer = setTimeout(() => done('TimeoutError'), deadlineMs)));
  try {
    return await Promise.race([repo.get(keys.healthProbe).then(() => undefined), late]);
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  } finally {
    clearTimeout(timer);
  }
}
