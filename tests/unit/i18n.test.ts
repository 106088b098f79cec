import { describe, expect, it } from 'vitest';
import * as en from '../../functions/platform/i18n/en';
import { t } from '../../functions/platform/i18n/messages';
import { negotiateLocale } from '../../functions/platform/i18n/negotiate';
import * as nl from '../../functions/platform/i18n/nl';

const SECTIONS = ['shared', 'pages', 'mail', 'redaction', 'topics', 'team'] as const;

describe.each(SECTIONS)('the %s section of the catalogues', (section) => {
  const catalogue = { nl: nl[section] as Record<string, string>, en: en[section] as Record<string, string> };
  it('Dutch and English have exactly the same keys and no empty text', () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
    for (const table of Object.values(catalogue)) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('every placeholder in Dutch is also in English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogue.nl)) {
      expect(placeholders(catalogue.en[key]!), key).toEqual(placeholders(catalogue.nl[key]!));
    }
  });
});

describe('the catalogues', () => {
  it('have one home for every key: no key in two sections', () => {
    const keys = SECTIONS.flatMap((section) => Object.keys(nl[section]));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('word every notification template as an e-mail, subject and body', async () => {
    const { NOTIFICATION_TEMPLATES } = await import('../../functions/platform/outbox/notifications');
    for (const template of NOTIFICATION_TEMPLATES) {
      expect(Object.keys(nl.mail)).toContain(`mail.${template}.subject`);
      expect(Object.keys(nl.mail)).toContain(`mail.${template}.body`);
    }
    expect(Object.keys(nl.mail)).toHaveLength(NOTIFICATION_TEMPLATES.length * 2);
  });

  it('name no page path: e-mails link through the route table', () => {
    for (const text of [...Object.values(nl.mail), ...Object.values(en.mail)]) expect(text).not.toMatch(/\{site\}\//);
  });
});

describe('the topics in words', () => {
  it('gives every topic of the catalogue a name, a description and exactly its tips, and nothing else', async () => {
    const { TOPICS } = await import('../../functions/kernel/topics');
    const expected = TOPICS.flatMap((t) => [
      `topic.${t.id}.label`,
      `topic.${t.id}.description`,
      ...Array.from({ length: t.tips }, (_, i) => `topic.${t.id}.tip.${i + 1}`),
    ]);
    expect(Object.keys(nl.topics).sort()).toEqual(expected.sort());
  });
});

describe('translation', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'problem.postcode-outside.title', { municipality: 'Zaanstad' })).toBe('This postcode is not in Zaanstad');
    expect(t('nl', 'problem.postcode-outside.title')).toContain('{municipality}');
  });
});

describe('language negotiation', () => {
  it.each([
    [null, null, 'nl'],
    ['en', 'nl-NL', 'en'],
    [null, 'en-GB,en;q=0.9', 'en'],
    [null, 'de-DE, en;q=0.5, nl;q=0.8', 'nl'],
    [null, 'fr, de', 'nl'],
    ['xx', 'en', 'en'],
    [null, 'en;q=0, nl', 'nl'],
    [null, ';;;,,q=abc', 'nl'],
  ] as [string | null, string | null, string][])('explicit %j, Accept-Language %j -> %s', (explicit, header, expected) => {
    expect(negotiateLocale(explicit, header)).toBe(expected);
  });
});

describe('staff roles in words', () => {
  it('has a label for every role in both languages', async () => {
    const { STAFF_ROLES } = await import('../../functions/kernel/access');
    for (const role of STAFF_ROLES) {
      expect(t('nl', `role.${role}`)).not.toBe(role);
      expect(t('en', `role.${role}`).length).toBeGreaterThan(3);
    }
  });
});
