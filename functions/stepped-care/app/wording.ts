// The stepped-care domain names things (a reason's key, a redaction's kind); this module words them from the
// catalogue in the reader's language. Events store the names, so a text can improve without touching them
// (decision 15).
import type { Locale } from '../../kernel/municipality';
import { findTopic } from '../../kernel/topics';
import { t, type MessageKey } from '../../platform/i18n/messages';
import { redact, type Redacted, type RedactionKind } from '../domain/redaction';
import { REASON_KEYS, type Reason } from '../domain/triage';

// Compile-time check: every key the domain names is in the catalogue.
const CATALOGUED: readonly MessageKey[] = [
  ...REASON_KEYS,
  ...(['email', 'phone', 'bsn', 'iban', 'address', 'postcode'] satisfies RedactionKind[]).map((k) => `redaction.${k}` as const),
];
void CATALOGUED;

/** A reason in words; a `topicId` parameter becomes the topic's label. */
export function reasonText(reason: Pick<Reason, 'key' | 'params'>, locale: Locale): string {
  const { topicId, ...params } = reason.params ?? {};
  return t(locale, reason.key, { ...params, ...(topicId ? { topic: findTopic(topicId)?.label[locale] ?? topicId } : {}) });
}

/**
 * A reason as an event stores it: a key with parameters, or (events written before the catalogue held the
 * reasons) the texts themselves per language.
 */
export function storedReasonText(stored: unknown, locale: Locale): string | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  if ('key' in stored && typeof stored.key === 'string' && (REASON_KEYS as readonly string[]).includes(stored.key)) {
    return reasonText(stored as Pick<Reason, 'key' | 'params'>, locale);
  }
  const texts = stored as Partial<Record<Locale, unknown>>;
  return typeof texts[locale] === 'string' ? texts[locale] : undefined;
}

/** The resident's text as the 0th line sees it, with markers in the given language. */
export function redactIn(text: string, locale: Locale): Redacted {
  return redact(text, (kind) => t(locale, `redaction.${kind}`));
}
