// The site's access to the message catalogues (the shared one and the site's own) and the municipality.
import { currentMunicipality } from '../../functions/platform/config/municipality';
import type { Locale } from '../../functions/kernel/municipality';
import { messages, type MessageKey } from '../../functions/platform/i18n/messages';
import { siteMessages, type SiteMessageKey } from './messages';

export type { Locale };
export type TextKey = MessageKey | SiteMessageKey;

export function translate(locale: Locale, key: TextKey, params: Record<string, string> = {}): string {
  const text = key in siteMessages[locale] ? siteMessages[locale][key as SiteMessageKey] : messages[locale][key as MessageKey];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function useTranslations(locale: Locale) {
  const municipality = currentMunicipality();
  return {
    locale,
    municipality,
    t: (key: TextKey, params: Record<string, string> = {}) => translate(locale, key, { municipality: municipality.name, ...params }),
  };
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'nl' ? 'en' : 'nl';
}
