import { describe, expect, it } from 'vitest';
import { redactIn as redact } from '../../functions/stepped-care/app/wording';

describe('redaction of free text before the 0th line sees it', () => {
  it.each([
    ['Bel me op 06-12345678 als het kan', 'Bel me op [telefoonnummer] als het kan', 'phone'],
    ['mijn nummer is 06 1234 5678.', 'mijn nummer is [telefoonnummer].', 'phone'],
    ['Bel me: 06 12345678.', 'Bel me: [telefoonnummer].', 'phone'],
    ['call +31 6 12345678 please', 'call [telefoonnummer] please', 'phone'],
    ['of 075-1234567 overdag', 'of [telefoonnummer] overdag', 'phone'],
    ['(020) 123 45 67', '[telefoonnummer]', 'phone'],
    ['mail naar jan.de.vries@example.nl graag', 'mail naar [e-mailadres] graag', 'email'],
    ['Ik woon op de Dorpsstraat 12 in Zaandam', 'Ik woon op de [adres] in Zaandam', 'address'],
    ['adres: Westzijde 45a', 'adres: [adres]', 'address'],
    ['Stationsplein 3-5, 2e verdieping', '[adres], 2e verdieping', 'address'],
    ['postcode 1503 AB', 'postcode [postcode]', 'postcode'],
    ['mijn BSN is 123456782', 'mijn BSN is [nummer]', 'bsn'],
    ['burgerservicenummer 1234.56.782', 'burgerservicenummer [nummer]', 'bsn'],
    ['rekening NL91 ABNA 0417 1643 00', 'rekening [rekeningnummer]', 'iban'],
    ['IBAN NL91ABNA0417164300', 'IBAN [rekeningnummer]', 'iban'],
  ])('%j', (input, expected, kind) => {
    const result = redact(input, 'nl');
    expect(result.text).toBe(expected);
    expect(result.found).toContain(kind);
  });

  it('uses English markers for English', () => {
    expect(redact('Call 06-12345678 or mail me@example.com', 'en').text).toBe('Call [phone number] or mail [email address]');
  });

  it.each([
    'Ik heb hulp nodig bij 2 dozen en 3 kastjes',
    'Op 12-05-2026 om 14.30 uur bij de huisarts',
    'Ik ben 84 jaar en woon in Zaandam-Zuid',
    'Het gaat om 1503, de wijk Kogerveld',
    'Ik betaal 250 euro huur per maand te veel',
    'Bus 14 en daarna lijn 394',
    'Ik heb een brief met kenmerk 2026/1234 gekregen',
  ])('leaves ordinary text alone: %j', (text) => {
    expect(redact(text, 'nl')).toEqual({ text, found: [] });
  });

  it('redacts everything in one go and lists what it found', () => {
    const result = redact('Ik ben Els, Kerkstraat 4, 1501 AA Zaandam, tel 06-98765432, els@example.nl, BSN 111222333', 'nl');
    expect(result.text).toBe('Ik ben Els, [adres], [postcode] Zaandam, tel [telefoonnummer], [e-mailadres], BSN [nummer]');
    expect(result.found.sort()).toEqual(['address', 'bsn', 'email', 'phone', 'postcode']);
  });
});
