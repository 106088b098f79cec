// The step-by-step ask form's rules, without a browser: which steps a resident sees for which answers, how
// they are counted, what is dropped when an answer changes, and that a step reports all its errors at once.
import { describe, expect, it } from 'vitest';
import { applicableSteps, ASK_STEPS, checkStep, firstIncomplete, pruned, questionsOf } from '../../site/src/forms/ask-questions';
import type { AskValues } from '../../site/src/forms/intake-form';

const step = (id: string) => ASK_STEPS.find((s) => s.id === id)!;
const ids = (answers: AskValues, unanswered: 'skip' | 'may-apply' = 'skip') => applicableSteps(answers, unanswered).map((s) => s.id);

const plain: AskValues = {
  topicId: 'groceries-errands',
  description: 'Boodschappen',
  dangerNow: 'no',
  urgency: 'this-week',
  forWhom: 'myself',
  postcode: '1502 AB',
  visitNeeded: 'no',
  contactMethod: 'none',
  language: 'nl',
  sharing: 'no',
};

describe('the ask form’s steps', () => {
  it('asks only what applies: no details step without contact, a visit or someone else; no summary without sharing', () => {
    expect(ids(plain)).toEqual(['question', 'urgency', 'where', 'contact', 'sharing']);
    expect(ids({ ...plain, sharing: 'yes' })).toEqual(['question', 'urgency', 'where', 'contact', 'sharing', 'summary']);
    expect(questionsOf(step('details'), { ...plain, contactMethod: 'phone', visitNeeded: 'yes' }).map((q) => q.name)).toEqual([
      'phone',
      'houseNumber',
    ]);
    expect(questionsOf(step('details'), { ...plain, forWhom: 'someone-else' }).map((q) => q.name)).toEqual(['otherPersonAgreed']);
  });

  it('counts a step whose deciding answer is not given yet, so "step n of m" only counts down', () => {
    expect(ids({}, 'may-apply')).toHaveLength(7);
    expect(ids({ ...plain, sharing: undefined }, 'may-apply')).toEqual(['question', 'urgency', 'where', 'contact', 'sharing', 'summary']);
    expect(ids(plain, 'may-apply')).toEqual(['question', 'urgency', 'where', 'contact', 'sharing']);
  });

  it('drops answers that no longer apply when an earlier one changes', () => {
    const changed = pruned({
      ...plain,
      contactMethod: 'phone',
      email: 'anna@example.nl',
      phone: '06 12345678',
      houseNumber: '12',
      helperSummary: 'x',
    });
    expect(changed).toMatchObject({ contactMethod: 'phone', phone: '06 12345678' });
    expect(changed).not.toHaveProperty('email');
    expect(changed).not.toHaveProperty('houseNumber');
    expect(changed).not.toHaveProperty('helperSummary');
  });

  it('reports every error of a step at once, saying what to do, empty and wrong apart', () => {
    expect(checkStep(step('urgency'), {}, 'nl')).toEqual([
      { field: 'dangerNow', message: 'Kies of iemand nu in gevaar is.' },
      { field: 'urgency', message: 'Kies hoe snel u hulp nodig hebt.' },
    ]);
    expect(checkStep(step('question'), { topicId: 'groceries-errands', description: ' ' }, 'en')).toEqual([
      { field: 'description', message: 'Write in a few words what you need help with.' },
    ]);
    expect(checkStep(step('where'), { forWhom: 'myself', visitNeeded: 'no', postcode: '15' }, 'nl')).toEqual([
      { field: 'postcode', message: 'Vul een postcode in zoals 1503 AB.' },
    ]);
    expect(checkStep(step('where'), { forWhom: 'myself', visitNeeded: 'no', postcode: '1011 AB' }, 'en')[0]?.message).toContain('not in Zaanstad');
    expect(checkStep(step('details'), { ...plain, contactMethod: 'email', email: '' }, 'nl')).toEqual([
      { field: 'email', message: 'Vul uw e-mailadres in, zoals naam@voorbeeld.nl.' },
    ]);
    expect(checkStep(step('question'), { topicId: 'no-such-topic', description: 'x' }, 'nl')).toEqual([
      { field: 'topicId', message: 'Kies een onderwerp.' },
    ]);
  });

  it('finds the first step with an answer missing', () => {
    expect(firstIncomplete(plain, 'nl')).toBeUndefined();
    expect(firstIncomplete({ ...plain, visitNeeded: 'yes' }, 'nl')?.id).toBe('details');
    expect(firstIncomplete({ ...plain, urgency: undefined }, 'nl')?.id).toBe('urgency');
  });
});
