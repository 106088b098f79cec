import { describe, expect, it } from 'vitest';
import { messages, t } from '../../functions/i18n/messages';
import { negotiateLocale } from '../../functions/i18n/negotiate';

describe('message catalogue', () => {
  it('Dutch and English have exactly the same keys and no empty text', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
    for (const table of Object.values(messages)) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('every placeholder in Dutch is also in English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.nl) as (keyof typeof messages.nl)[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.nl[key]));
    }
  });

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
