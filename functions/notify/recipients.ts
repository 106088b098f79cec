// Looks up where a notification goes, at the moment it is sent: the outbox itself holds only ids.
import type { Municipality } from '../domain/municipality';
import type { Recipient } from '../engine/notifications';
import { keys } from '../store/keys';
import type { Repository } from '../store/repository';

export async function recipientAddress(repo: Repository, municipality: Municipality, to: Recipient): Promise<string | undefined> {
  switch (to.kind) {
    case 'volunteer':
      return (await repo.get<{ email?: string }>(keys.volunteer(to.id)))?.email;
    case 'initiative':
      return (await repo.get<{ email?: string }>(keys.initiative(to.id)))?.email;
    case 'team':
      return municipality.team.email;
    case 'resident':
      // Residents' contact details arrive with the resident front door (issue #4); until then nobody is mailed.
      return undefined;
  }
}
