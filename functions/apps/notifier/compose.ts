// Composes the e-mail for an outbox item at the moment it is sent: the outbox holds only ids, so the address
// (and a resident's reference code) are looked up now, and are gone once the personal data is erased.
import { topicLabel } from '../../platform/i18n/topics';
import type { ReferralLinks } from '../../initiatives/app/referral-links';
import type { Locale, Municipality } from '../../kernel/municipality';
import { REFERRAL_LINK_DAYS } from '../../initiatives/domain/referral-link';
import type { Notification, NotificationTemplate } from '../../platform/outbox/notifications';
import type { AddressBook } from '../../platform/dynamodb/address-book';
import type { Email } from '../../platform/email/ses';
import { renderNotification } from './render';
import { queueReasonOf } from '../../district-team/index';
import { t } from '../../platform/i18n/messages';
import { pathOf } from '../../platform/routes/pages';

export type { Email } from '../../platform/email/ses';

export interface ComposeContext {
  /** The public address of the site, for links in the text. */
  siteUrl: string;
  /** Signs the link an initiative answers its referral with. */
  links: ReferralLinks;
}

/** Mails to an initiative about a referral: they name the request and carry a fresh signed link. */
const REFERRAL_TEMPLATES: ReadonlySet<NotificationTemplate> = new Set(['referral-offered', 'referral-reminder', 'referral-returned']);

/** The e-mail for a notification, or undefined when the recipient has no address (any more). */
export async function composeEmail(
  book: AddressBook,
  municipality: Municipality,
  n: Notification,
  { siteUrl, links }: ComposeContext,
): Promise<Email | undefined> {
  const to = n.to;
  let address: string | undefined;
  let locale: Locale = 'nl';
  const params: Record<string, string> = { site: siteUrl, municipality: municipality.name, team: municipality.team.phone, ...n.params };
  switch (to.kind) {
    case 'volunteer':
      address = (await book.volunteer(to.id))?.email;
      break;
    case 'initiative': {
      const [initiative, head] = await Promise.all([
        book.initiative(to.id),
        n.requestId && REFERRAL_TEMPLATES.has(n.template) ? book.request(n.requestId) : undefined,
      ]);
      address = initiative?.email;
      params.initiative = initiative?.name ?? to.id;
      if (head) {
        params.topic = topicLabel(head.topicId, locale);
        params.district = municipality.districts.find((d) => d.id === head.districtId)?.name ?? head.districtId;
        // Signed when sent, never stored: the outbox holds ids only (see notifications.ts).
        params.link = await links.url(siteUrl, head.requestId, to.id, new Date(n.at), locale);
        params.days = String(REFERRAL_LINK_DAYS);
      }
      break;
    }
    case 'team': {
      // Reference, district, priority and why, and a link into the workspace: no personal data.
      address = municipality.team.email;
      const [head, personal] = n.requestId ? await Promise.all([book.request(n.requestId), book.resident(n.requestId)]) : [undefined, undefined];
      if (head) {
        params.reference = personal?.referenceCode ?? '-';
        params.district = municipality.districts.find((d) => d.id === head.districtId)?.name ?? head.districtId;
        params.priority = t(locale, `priority.${head.priority}`);
        params.reason = t(locale, `queue.reason.${queueReasonOf(head)}`);
        params.caseUrl = `${siteUrl}${pathOf('teamCase', locale)}?id=${head.requestId}`;
      }
      break;
    }
    case 'staff':
      address = (await book.staff(to.id))?.email;
      break;
    case 'resident': {
      const personal = await book.resident(to.id);
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
