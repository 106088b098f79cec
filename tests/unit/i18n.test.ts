import { describe, expect, it } from 'vitest';
import { messages, t } from '../../functions/platform/i18n/messages';
import { siteMessages } from '../../site/src/messages';
import { negotiateLocale } from '../../functions/platform/i18n/negotiate';

describe.each([
  ['shared', messages as Record<'nl' | 'en', Record<string, string>>],
  ['site', siteMessages as Record<'nl' | 'en', Record<string, string>>],
])('%s message catalogue', (_name, catalogue) => {
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

describe('the two catalogues', () => {
  it('share no key, so every text has one home', () => {
    expect(Object.keys(siteMessages.nl).filter((key) => key in messages.nl)).toEqual([]);
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
