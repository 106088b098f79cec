import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { intakeSchema, triageInputOf, type ResidentIntake } from '../../functions/stepped-care/domain/intake';
import { triage } from '../../functions/stepped-care/domain/triage';

const valid: ResidentIntake = {
  topicId: 'odd-jobs',
  description: 'Mijn lamp in de gang moet opgehangen worden.',
  postcode: '1521 AB',
  visitNeeded: true,
  houseNumber: '12a',
  urgency: 'no-rush',
  dangerNow: false,
  forWhom: 'myself',
  language: 'nl',
  contact: { method: 'email', email: 'els@example.nl' },
  firstName: 'Els',
  consent: { volunteers: true, initiatives: true },
  wantsProfessional: false,
  formalWmoRequest: false,
};

const fieldsOf = (input: unknown) => {
  const result = z.safeParse(intakeSchema, input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('resident intake', () => {
  it('accepts a complete intake, also without contact and without a visit', () => {
    expect(fieldsOf(valid)).toEqual([]);
    const { houseNumber: _h, ...noVisit } = valid;
    expect(fieldsOf({ ...noVisit, visitNeeded: false, contact: { method: 'none' } })).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof ResidentIntake, unknown>> & Record<string, unknown>, string]>([
    ['a visit without a house number', { houseNumber: undefined }, 'houseNumber'],
    ['a house number without a visit', { visitNeeded: false }, 'houseNumber'],
    ['someone else without their agreement', { forWhom: 'someone-else' }, 'otherPersonAgreed'],
    ['e-mail contact without an address', { contact: { method: 'email' } }, 'contact.email'],
    ['phone contact without a number', { contact: { method: 'phone' } }, 'contact.phone'],
    ['an address given with "no contact"', { contact: { method: 'none', email: 'els@example.nl' } }, 'contact.email'],
    ['a malformed e-mail address', { contact: { method: 'email', email: 'els@' } }, 'contact.email'],
    ['a phone number that is not one', { contact: { method: 'phone', phone: 'bel me' } }, 'contact.phone'],
    ['an empty description', { description: '   ' }, 'description'],
    ['a description over the limit', { description: 'a'.repeat(2001) }, 'description'],
    ['an impossible urgency', { urgency: 'yesterday' }, 'urgency'],
    ['a postcode that is not one', { postcode: '15 AB' }, 'postcode'],
    ['a BSN field', { bsn: '123456782' }, ''],
    ['a date of birth', { dateOfBirth: '1940-01-01' }, ''],
    [
      'a summary for helpers when no helper may see the request',
      { consent: { volunteers: false, initiatives: false }, helperSummary: 'Lamp' },
      'helperSummary',
    ],
    ['an empty summary for helpers', { helperSummary: '  ' }, 'helperSummary'],
    ['a summary for helpers over the limit', { helperSummary: 'a'.repeat(601) }, 'helperSummary'],
  ])('rejects %s', (_name, change, field) => {
    expect(fieldsOf({ ...valid, ...change })).toContain(field);
  });

  it('takes the resident’s own summary for helpers when helpers may see the request', () => {
    expect(fieldsOf({ ...valid, helperSummary: 'Een lamp ophangen.' })).toEqual([]);
    expect(fieldsOf({ ...valid, consent: { volunteers: false, initiatives: true }, helperSummary: 'Een lamp ophangen.' })).toEqual([]);
  });

  it('keeps markup as text: validation does not strip or render it', () => {
    const parsed = z.parse(intakeSchema, { ...valid, description: '<script>alert(1)</script> help' });
    expect(parsed.description).toBe('<script>alert(1)</script> help');
  });

  it('a resident who shows the 0th line nothing is routed to a professional, and told that reason (#13)', () => {
    expect(triage(triageInputOf(valid)).level).toBe('zeroth-line');
    const decision = triage(triageInputOf({ ...valid, consent: { volunteers: false, initiatives: false } }));
    expect(decision).toMatchObject({ level: 'district-team', rule: 'no-consent-for-zeroth-line' });
    expect(decision.reasons.map((r) => r.key)).toEqual(['reason.no-consent']);
    // Asking for a professional as well keeps that reason: it is the resident's own wish.
    expect(triage(triageInputOf({ ...valid, wantsProfessional: true, consent: { volunteers: false, initiatives: false } })).rule).toBe(
      'wish-for-professional',
    );
  });
});

describe('a request nobody of the 0th line could act on', () => {
  it('goes to the team with that reason when there is no contact and no visit (no address), and only then', () => {
    const { houseNumber: _h, ...noVisit } = valid;
    const unreachable = { ...noVisit, visitNeeded: false, contact: { method: 'none' as const } };
    const decision = triage(triageInputOf(unreachable));
    expect(decision).toMatchObject({ level: 'district-team', rule: 'unreachable-for-helpers' });
    expect(decision.reasons.map((r) => r.key)).toEqual(['reason.unreachable-for-helpers']);
    // A visit gives an address; a phone number a way to call: then a volunteer can act.
    expect(triage(triageInputOf({ ...valid, contact: { method: 'none' } })).level).toBe('zeroth-line');
    expect(triage(triageInputOf({ ...noVisit, visitNeeded: false, contact: { method: 'phone', phone: '06 12345678' } })).level).toBe('zeroth-line');
    // Tips only: nobody needs to reach them.
    expect(triage(triageInputOf({ ...unreachable, onlySelfHelp: true })).level).toBe('own-strength');
  });
});
