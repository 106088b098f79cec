// The site's access to the shared message catalogue and the municipality configuration.
import { currentMunicipality } from '../../functions/config/municipality';
import type { Locale } from '../../functions/domain/municipality';
import { t as translate, type MessageKey } from '../../functions/i18n/messages';

export type { Locale };

export function useTranslations(locale: Locale) {
  const municipality = currentMunicipality();
  return {
    locale,
    municipality,
    t: (key: MessageKey, params: Record<string, string> = {}) =>
      translate(locale, key, { municipality: municipality.name, ...params }),
  };
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'nl' ? 'en' : 'nl';
}
