// The site's access to the catalogues (one per locale, functions/platform/i18n/) and the municipality.
import type { Locale } from '../../functions/kernel/municipality';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import * as en from '../../functions/platform/i18n/en';
import { fill, type MessageKey } from '../../functions/platform/i18n/messages';
import * as nl from '../../functions/platform/i18n/nl';

export type { Locale };
export type SiteMessageKey = keyof typeof nl.pages | keyof typeof nl.team;
export type TextKey = MessageKey | SiteMessageKey;

const TEXTS: Record<Locale, Record<TextKey, string>> = {
  nl: { ...nl.shared, ...nl.pages, ...nl.team },
  en: { ...en.shared, ...en.pages, ...en.team },
};

export function translate(locale: Locale, key: TextKey, params: Record<string, string> = {}): string {
  return fill(TEXTS[locale][key], params);
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
