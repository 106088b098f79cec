// A topic in words, in the reader's language: its name, what it covers, and its self-help tips. The topic's
// rules (level, risks, VOG, response times) are kernel/topics.ts; its words are the catalogues' `topics`.
import type { Locale } from '../../kernel/municipality';
import { findTopic } from '../../kernel/topics';
import * as en from './en';
import * as nl from './nl';

const TOPIC_TEXTS: Record<Locale, Record<string, string>> = { nl: nl.topics, en: en.topics };

/** The topic's name; an unknown id is shown as it is. */
export function topicLabel(topicId: string, locale: Locale): string {
  return TOPIC_TEXTS[locale][`topic.${topicId}.label`] ?? topicId;
}

export function topicDescription(topicId: string, locale: Locale): string {
  return TOPIC_TEXTS[locale][`topic.${topicId}.description`] ?? '';
}

export function topicTips(topicId: string, locale: Locale): string[] {
  const count = findTopic(topicId)?.tips ?? 0;
  return Array.from({ length: count }, (_, i) => TOPIC_TEXTS[locale][`topic.${topicId}.tip.${i + 1}`]!);
}
