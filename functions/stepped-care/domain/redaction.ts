// Automatic redaction of a resident's free text before anything reaches the 0th line (volunteers, initiatives):
// contact details, street addresses, full postcodes, BSN-shaped numbers and bank account numbers are replaced
// by a neutral marker the caller words (in the reader's language, from the catalogue). What the resident wrote stays theirs; volunteers see only what they need.
export type RedactionKind = 'email' | 'phone' | 'bsn' | 'iban' | 'address' | 'postcode';

const STREET_SUFFIXES = [
  'straat',
  'laan',
  'weg',
  'plein',
  'gracht',
  'kade',
  'dijk',
  'singel',
  'pad',
  'hof',
  'park',
  'steeg',
  'zijde',
  'dreef',
  'ring',
  'markt',
  'baan',
  'wal',
  'erf',
  'veld',
  'hoek',
  'plantsoen',
  'boulevard',
  'street',
  'road',
  'lane',
  'avenue',
];

// Order matters: e-mail and IBAN before numbers; addresses before postcodes and phones.
const PATTERNS: [RedactionKind, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu],
  ['iban', /\b[A-Z]{2}\d{2}\s?(?:[A-Z0-9]{4}\s?){2,7}[A-Z0-9]{1,4}\b/gi],
  ['address', new RegExp(`\\b[\\p{Lu}][\\p{L}'-]*(?:${STREET_SUFFIXES.join('|')})\\s+\\d{1,5}(?:\\s?[a-zA-Z]\\b|\\s?-\\s?\\d{1,4})?`, 'gu')],
  ['postcode', /(?<![\d/-])\b[1-9]\d{3}\s?[A-Za-z]{2}\b/g],
  // Phone numbers: starting with +, 00 or 0, at least 9 digits in all, with spaces, dots, dashes or brackets.
  ['phone', /(?<![\w(])(?:\(\s*)?(?:\+|00|0)(?:[\s.()-]*\d){8,13}(?![\w])/g],
  // BSN-shaped: nine digits, possibly grouped (123456782, 1234.56.782, 123 456 782).
  ['bsn', /(?<![\w.])\d{3,4}[\s.]?\d{2,3}[\s.]?\d{3}(?![\w.])/g],
];

/** Two-letter words that follow a year or an amount in ordinary text ("2026 om", "1200 en"): not a postcode. */
const NOT_POSTCODE_LETTERS = new Set([
  'om',
  'en',
  'in',
  'op',
  'te',
  'de',
  'al',
  'na',
  'of',
  'is',
  'er',
  'ik',
  'je',
  'we',
  'ze',
  'nu',
  'zo',
  'ja',
  'at',
  'on',
  'to',
  'or',
  'an',
  'as',
  'by',
  'so',
  'if',
  'it',
  'me',
  'my',
  'he',
  'no',
  'up',
  'us',
]);

export interface Redacted {
  text: string;
  found: RedactionKind[];
}

export function redact(text: string, marker: (kind: RedactionKind) => string): Redacted {
  const found = new Set<RedactionKind>();
  let out = text;
  for (const [kind, pattern] of PATTERNS) {
    out = out.replace(pattern, (match) => {
      if (kind === 'bsn' && match.replace(/\D/g, '').length !== 9) return match;
      const letters = match.slice(-2);
      if (kind === 'postcode' && letters !== letters.toUpperCase() && NOT_POSTCODE_LETTERS.has(letters.toLowerCase())) return match;
      found.add(kind);
      return marker(kind);
    });
  }
  return { text: out, found: [...found] };
}
