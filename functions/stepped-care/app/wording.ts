// The stepped-care domain names things (a reason's key, a redaction's kind); this module words them from the
// catalogue in the reader's language. Events store the names, so a text can improve without touching them
// (decision 15).
import { topicLabel } from '../../platform/i18n/topics';
import type { Locale } from '../../kernel/municipality';
import * as en from '../../platform/i18n/en';
import { t, type MessageKey } from '../../platform/i18n/messages';
import * as nl from '../../platform/i18n/nl';
import { redact, type Redacted, type RedactionKind } from '../domain/redaction';
import { REASON_KEYS, type Reason } from '../domain/triage';

// Compile-time check: every reason the domain names is in the catalogue.
const CATALOGUED: readonly MessageKey[] = REASON_KEYS;
void CATALOGUED;

/** The redaction markers alone (their own small section: the safety net's bundle carries no other texts). */
const MARKERS: Record<Locale, Record<`redaction.${RedactionKind}`, string>> = { nl: nl.redaction, en: en.redaction };

/** A reason in words; a `topicId` parameter becomes the topic's label. */
export function reasonText(reason: Pick<Reason, 'key' | 'params'>, locale: Locale): string {
  const { topicId, ...params } = reason.params ?? {};
  return t(locale, reason.key, { ...params, ...(topicId ? { topic: topicLabel(topicId, locale) } : {}) });
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
  return redact(text, (kind) => MARKERS[locale][`redaction.${kind}`]);
}
