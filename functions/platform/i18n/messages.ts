// Wording from the catalogues (one per locale: nl/, en/). `t` words what the API and the pages both show
// (problems, a request's history, reasons); the site adds its page texts, the notifier its e-mails.
import type { Locale } from '../../kernel/municipality';
import * as en from './en';
import * as nl from './nl';

export type MessageKey = keyof typeof nl.shared;

export const messages: Record<Locale, Record<MessageKey, string>> = { nl: nl.shared, en: en.shared };

/** A text with its {name} parameters filled in; an unknown parameter stays visible rather than vanishing. */
export function fill(text: string, params: Record<string, string> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return fill(messages[locale][key], params);
}
