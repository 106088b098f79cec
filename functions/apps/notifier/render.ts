// An e-mail's subject and body for a notification, in the recipient's language, from the catalogue's `mail`
// section. No personal data of the resident ever goes into them: a link to the request is enough. Links to
// pages come from the one route table, so a page that moves moves in every e-mail too.
import type { Locale } from '../../kernel/municipality';
import * as en from '../../platform/i18n/en';
import { fill } from '../../platform/i18n/messages';
import * as nl from '../../platform/i18n/nl';
import type { NotificationTemplate } from '../../platform/outbox/notifications';
import { pathOf } from '../../platform/routes/pages';

const MAIL = { nl: nl.mail, en: en.mail };
type MailKey = keyof typeof nl.mail;

export function renderNotification(
  template: NotificationTemplate,
  locale: Locale,
  params: Record<string, string> = {},
): { subject: string; body: string } {
  const site = params.site ?? '';
  const all = {
    statusUrl: `${site}${pathOf('status', locale)}`,
    signInUrl: `${site}${pathOf('signIn', locale)}`,
    volunteerUrl: `${site}${pathOf('volunteer', locale)}`,
    ...params,
  };
  return {
    subject: fill(MAIL[locale][`mail.${template}.subject` as MailKey], all),
    body: fill(MAIL[locale][`mail.${template}.body` as MailKey], all),
  };
}
