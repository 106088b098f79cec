import { reasonText } from '../../functions/stepped-care/app/wording';
import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../functions/stepped-care/domain/crisis';
import { DomainError } from '../../functions/kernel/errors';
import { TOPICS } from '../../functions/kernel/topics';
import { parseTriageInput, triage, type TriageInput } from '../../functions/stepped-care/domain/triage';

const base: TriageInput = {
  topicId: 'groceries-errands',
  description: 'Ik zoek iemand die boodschappen kan doen.',
  urgency: 'this-week',
  dangerNow: false,
  wantsProfessional: false,
  formalWmoRequest: false,
};

describe('crisis words, as people write them', () => {
  it.each([
    ['Ik zie het echt niet meer zitten, ik wil er een eind aan maken', 'suicide'],
    ['soms denk ik aan zelfmoord', 'suicide'],
    ['Ik wil niet meer leven sinds mijn vrouw is overleden', 'suicide'],
    ['ik ga mezelf iets aandoen', 'suicide'],
    ['I want to end my life', 'suicide'],
    ["I don't want to live anymore", 'suicide'],
    ['I keep thinking about killing myself', 'suicide'],
    ['Mijn vriend slaat me als hij gedronken heeft', 'violence'],
    ['Ik word thuis geslagen', 'violence'],
    ['mijn ex bedreigt mij, ik word bedreigd', 'violence'],
    ['My husband hits me and the kids', 'violence'],
    ['There is domestic violence in our home', 'violence'],
    ['Ik ben bang voor mijn man', 'danger'],
    ['Ik voel me niet veilig thuis', 'danger'],
    ['I am afraid of my partner', 'danger'],
    ['ZELFMOORD', 'suicide'],
    ['Suïcidale gedachten', 'suicide'],
  ])('%j -> %s', (text, kind) => {
    expect(detectCrisis(text)).toContain(kind);
  });

  it.each([
    'Ik ben doodmoe van het traplopen',
    'Mijn kat is dood en ik voel me alleen',
    'Sinds de dood van mijn man zoek ik gezelschap',
    'Ik word er doodziek van dat de lamp kapot is',
    "I'd die for a cup of coffee with someone",
    'My phone battery died, can someone help with DigiD?',
    'Ik wil graag een maatje om mee te wandelen',
    'De verwarming slaat af en toe af',
    'The neighbour kicks the ball against my wall',
  ])('no false alarm for %j', (text) => {
    expect(detectCrisis(text)).toEqual([]);
  });
});

describe('triage rules, in order', () => {
  it('1. the safety answer routes to the team at crisis priority and shows the numbers', () => {
    const d = triage({ ...base, dangerNow: true, wantsProfessional: true, formalWmoRequest: true });
    expect(d).toMatchObject({ level: 'district-team', priority: 'crisis', rule: 'safety', crisis: true, showEmergencyNumbers: true });
  });

  it('1. crisis words do the same, with the matching crisis line in the reasons', () => {
    const d = triage({ ...base, description: 'Ik wil er een einde aan maken' });
    expect(d).toMatchObject({ level: 'district-team', priority: 'crisis', rule: 'safety' });
    expect(d.reasons.map((r) => r.code)).toContain('crisis:suicide');
    expect(
      reasonText(
        d.reasons.find((r) => r.code === 'crisis:suicide')!,
        'nl',
      ),
    ).toContain('0800-0113');
  });

  it('2. the wish to talk to a professional is honoured, also for a light topic', () => {
    expect(triage({ ...base, wantsProfessional: true })).toMatchObject({ level: 'district-team', rule: 'wish-for-professional', crisis: false });
  });

  it('3. a formal Wmo request goes to the team and starts the clock', () => {
    expect(triage({ ...base, formalWmoRequest: true })).toMatchObject({ level: 'district-team', rule: 'formal-wmo-request', startsWmoClock: true });
  });

  it.each([
    ['money-debts', 'district-team'],
    ['parenting', 'district-team'],
    ['mental-wellbeing', 'district-team'],
    ['care-at-home', 'collective'],
    ['housing', 'collective'],
    ['work-income', 'collective'],
  ])('4. risk topic %s goes to %s', (topicId, level) => {
    expect(triage({ ...base, topicId })).toMatchObject({ level, rule: 'topic-risk' });
  });

  it('5. only tips wanted: own strength', () => {
    expect(triage({ ...base, onlySelfHelp: true })).toMatchObject({ level: 'own-strength', rule: 'own-strength' });
  });

  it.each(['groceries-errands', 'transport-accompaniment', 'odd-jobs', 'company-loneliness', 'paperwork-forms', 'something-else'])(
    '6. %s starts at the 0th line',
    (topicId) => {
      expect(triage({ ...base, topicId })).toMatchObject({ level: 'zeroth-line', rule: 'default-zeroth-line' });
    },
  );

  it('urgency sets the priority outside a crisis', () => {
    expect(triage({ ...base, urgency: 'today' }).priority).toBe('high');
    expect(triage({ ...base, urgency: 'this-week' }).priority).toBe('normal');
    expect(triage({ ...base, urgency: 'no-rush' }).priority).toBe('low');
  });

  it('every decision explains itself in Dutch and English', () => {
    for (const topic of TOPICS) {
      for (const flags of [{}, { dangerNow: true }, { wantsProfessional: true }, { formalWmoRequest: true }, { onlySelfHelp: true }]) {
        const d = triage({ ...base, topicId: topic.id, ...flags });
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const r of d.reasons) {
          expect(reasonText(r, 'nl').length).toBeGreaterThan(10);
          expect(reasonText(r, 'en').length).toBeGreaterThan(10);
          expect(reasonText(r, 'en')).not.toBe(reasonText(r, 'nl'));
          expect(reasonText(r, 'nl')).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});

describe('intake validation', () => {
  const codeOf = (input: unknown) => {
    try {
      parseTriageInput(input);
      return 'ok';
    } catch (error) {
      return error instanceof DomainError ? error.code : 'other';
    }
  };
  it('accepts a valid intake', () => expect(codeOf(base)).toBe('ok'));
  it('rejects an unknown topic', () => expect(codeOf({ ...base, topicId: 'astrology' })).toBe('unknown-topic'));
  it('rejects an impossible urgency', () => expect(codeOf({ ...base, urgency: 'yesterday' })).toBe('invalid-request'));
  it('rejects text over the limit', () => expect(codeOf({ ...base, description: 'a'.repeat(2001) })).toBe('invalid-request'));
  it('rejects an empty description', () => expect(codeOf({ ...base, description: '  ' })).toBe('invalid-request'));
  it('rejects unknown fields', () => expect(codeOf({ ...base, bsn: '123456782' })).toBe('invalid-request'));
});
