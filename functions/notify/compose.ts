// Composes the e-mail for an outbox item at the moment it is sent: the outbox holds only ids, so the address
// (and a resident's reference code) are looked up now, and are gone once the personal data is erased.
import type { Locale, Municipality } from '../domain/municipality';
import type { Notification } from '../engine/notifications';
import { keys } from '../store/keys';
import type { Repository } from '../store/repository';
import type { PersonalRecord } from '../store/resident-store';
import { renderNotification } from './render';

export interface Email {
  to: string;
  subject: string;
  body: string;
}

/** The e-mail for a notification, or undefined when the recipient has no address (any more). */
export async function composeEmail(repo: Repository, municipality: Municipality, n: Notification, siteUrl: string): Promise<Email | undefined> {
  const to = n.to;
  let address: string | undefined;
  let locale: Locale = 'nl';
  const params: Record<string, string> = { site: siteUrl, municipality: municipality.name, team: municipality.team.phone, ...n.params };
  switch (to.kind) {
    case 'volunteer':
      address = (await repo.get<{ email?: string }>(keys.volunteer(to.id)))?.email;
      break;
    case 'initiative':
      address = (await repo.get<{ email?: string }>(keys.initiative(to.id)))?.email;
      break;
    case 'team':
      address = municipality.team.email;
      break;
    case 'staff':
      address = (await repo.get<{ email?: string }>(keys.staff(to.id)))?.email;
      break;
    case 'resident': {
      const personal = await repo.get<PersonalRecord & Record<string, unknown>>(keys.personal(to.id));
      if (personal?.contact.method === 'email') address = personal.contact.email;
      if (personal) {
        locale = personal.language;
        params.reference = personal.referenceCode;
      }
      break;
    }
  }
  if (!address) return undefined;
  return { to: address, ...renderNotification(n.template, locale, params) };
}
