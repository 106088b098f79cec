import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToken, newReferenceCode, newStatusToken, parseReferenceCode, REFERENCE_ALPHABET, tokenMatches } from '../../functions/kernel/reference';

describe('reference codes', () => {
  it('look like K7QM-4TZP-R and use no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = newReferenceCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
      expect(code).not.toMatch(/[01OILUV]/);
      expect(parseReferenceCode(code)).toBe(code);
    }
  });

  it('accepts what people type: lower case, spaces, no dashes', () => {
    const code = newReferenceCode();
    expect(parseReferenceCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(parseReferenceCode(` ${code.replace(/-/g, '')} `)).toBe(code);
  });

  it('catches every single typo and every swap of neighbours (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.nat(8), fc.nat(REFERENCE_ALPHABET.length - 1), (bytes, position, symbol) => {
        let offset = 0;
        const code = newReferenceCode((n) => {
          const slice = bytes.slice(offset, offset + n);
          offset += n;
          return slice.length === n ? slice : new Uint8Array(n).fill(7);
        });
        const chars = code.replace(/-/g, '').split('');
        const typo = [...chars];
        if (typo[position] === REFERENCE_ALPHABET[symbol]) return;
        typo[position] = REFERENCE_ALPHABET[symbol]!;
        expect(parseReferenceCode(typo.join(''))).toBeNull();
        if (position < 8 && chars[position] !== chars[position + 1]) {
          const swapped = [...chars];
          [swapped[position], swapped[position + 1]] = [swapped[position + 1]!, swapped[position]!];
          expect(parseReferenceCode(swapped.join(''))).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects garbage', () => {
    for (const input of ['', 'ABCD', 'ABCD-EFGH-JK', '0000-0000-0', '<script>', 'K7QM-4TZP-R'.replace('R', 'O')]) {
      expect(parseReferenceCode(input)).toBeNull();
    }
  });
});

describe('status tokens', () => {
  it('are long, random and stored only as a hash', () => {
    const token = newStatusToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newStatusToken()).not.toBe(token);
    const stored = hashToken(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
    expect(tokenMatches(token, stored)).toBe(true);
    expect(tokenMatches(newStatusToken(), stored)).toBe(false);
    expect(tokenMatches(token, 'not-a-hash')).toBe(false);
  });
});
