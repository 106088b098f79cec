// The ask form's questions and steps, pure: how each question is shown and checked, which steps a resident
// sees for which answers (the intake's CONDITIONAL_ANSWERS decide), how they are counted, and what is
// dropped when an earlier answer changes. The pages that ask them are in ask-steps.ts.
import * as z from 'zod/mini';
import { districtForPostcode, type Locale } from '../../../functions/kernel/municipality';
import { findTopic, TOPICS, URGENCIES } from '../../../functions/kernel/topics';
import { topicLabel } from '../../../functions/platform/i18n/topics';
import { pathOf, type PageId } from '../../../functions/platform/routes/pages';
import { applies, HELPER_SUMMARY_MAX, intakeAnswer, type ConditionalAnswer } from '../../../functions/stepped-care/domain/intake';
import { DESCRIPTION_MAX } from '../../../functions/stepped-care/domain/triage';
import { useTranslations, type TextKey } from '../i18n';
import { conditionFacts, ticked, yesNo, type AskField, type AskValues, type FieldError } from './intake-form';

type Option = { value: string; label: TextKey } | { value: string; text: string; lang: Locale };

/** One question of the form: how it is shown, whether it must be answered, and what to say when it is wrong. */
export interface Question {
  name: AskField;
  kind: 'text' | 'textarea' | 'radios' | 'checkbox';
  label: TextKey;
  hint?: TextKey;
  options?: (locale: Locale) => Option[];
  input?: { type?: 'text' | 'email' | 'tel'; autocomplete?: string; inputmode?: 'text' | 'email' | 'tel'; maxlength?: number; width?: 'short' };
  required: boolean;
  /** Asked only when the intake's rule for it applies. */
  conditional?: ConditionalAnswer;
  /** The answer's own check (the intake's rule for it), on the answer as the form posts it. */
  check: (raw: string) => boolean;
  errors: { empty?: TextKey; invalid: TextKey };
}

/** Whether a value passes one of the intake's answer rules. */
export const fits = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).success;
const yesNoOptions = (yes: TextKey, no: TextKey) => () => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];

const QUESTIONS = {
  topicId: {
    name: 'topicId',
    kind: 'radios',
    label: 'ask.topic.label',
    options: (locale) => TOPICS.map((topic) => ({ value: topic.id, text: topicLabel(topic.id, locale), lang: locale })),
    required: true,
    check: (raw) => findTopic(raw) !== undefined,
    errors: { invalid: 'ask.error.topicId' },
  },
  description: {
    name: 'description',
    kind: 'textarea',
    label: 'ask.description.label',
    hint: 'ask.description.hint',
    input: { maxlength: DESCRIPTION_MAX },
    required: true,
    check: (raw) => fits(intakeAnswer.description, raw),
    errors: { empty: 'ask.error.description.empty', invalid: 'ask.error.description' },
  },
  dangerNow: {
    name: 'dangerNow',
    kind: 'radios',
    label: 'ask.danger.legend',
    hint: 'ask.danger.hint',
    options: yesNoOptions('ask.danger.yes', 'ask.danger.no'),
    required: true,
    check: (raw) => yesNo(raw) !== undefined,
    errors: { invalid: 'ask.error.dangerNow' },
  },
  urgency: {
    name: 'urgency',
    kind: 'radios',
    label: 'ask.urgency.legend',
    options: () => URGENCIES.map((u) => ({ value: u, label: `ask.urgency.${u}` as const })),
    required: true,
    check: (raw) => fits(intakeAnswer.urgency, raw),
    errors: { invalid: 'ask.error.urgency' },
  },
  forWhom: {
    name: 'forWhom',
    kind: 'radios',
    label: 'ask.forWhom.legend',
    options: () => [
      { value: 'myself', label: 'ask.forWhom.myself' },
      { value: 'someone-else', label: 'ask.forWhom.someone-else' },
    ],
    required: true,
    check: (raw) => fits(intakeAnswer.forWhom, raw),
    errors: { invalid: 'ask.error.forWhom' },
  },
  postcode: {
    name: 'postcode',
    kind: 'text',
    label: 'ask.postcode.label',
    hint: 'ask.postcode.hint',
    input: { autocomplete: 'postal-code', maxlength: 7, width: 'short' },
    required: true,
    check: (raw) => fits(intakeAnswer.postcode, raw),
    errors: { empty: 'ask.error.postcode.empty', invalid: 'ask.error.postcode' },
  },
  visitNeeded: {
    name: 'visitNeeded',
    kind: 'radios',
    label: 'ask.visit.legend',
    options: yesNoOptions('ask.visit.yes', 'ask.visit.no'),
    required: true,
    check: (raw) => yesNo(raw) !== undefined,
    errors: { invalid: 'ask.error.visitNeeded' },
  },
  contactMethod: {
    name: 'contactMethod',
    kind: 'radios',
    label: 'ask.contact.legend',
    hint: 'ask.contact.none.hint',
    options: () => [
      { value: 'email', label: 'ask.contact.email' },
      { value: 'phone', label: 'ask.contact.phone' },
      { value: 'none', label: 'ask.contact.none' },
    ],
    required: true,
    check: (raw) => fits(intakeAnswer.contactMethod, raw),
    errors: { invalid: 'ask.error.contact.method' },
  },
  language: {
    name: 'language',
    kind: 'radios',
    label: 'ask.language.legend',
    options: () => [
      { value: 'nl', text: 'Nederlands', lang: 'nl' },
      { value: 'en', text: 'English', lang: 'en' },
    ],
    required: true,
    check: (raw) => fits(intakeAnswer.language, raw),
    errors: { invalid: 'ask.error.language' },
  },
  firstName: {
    name: 'firstName',
    kind: 'text',
    label: 'ask.firstName.label',
    hint: 'ask.firstName.hint',
    input: { autocomplete: 'given-name', maxlength: 40 },
    required: false,
    check: (raw) => fits(intakeAnswer.firstName, raw),
    errors: { invalid: 'ask.error.firstName' },
  },
  houseNumber: {
    name: 'houseNumber',
    kind: 'text',
    label: 'ask.houseNumber.label',
    input: { maxlength: 12, width: 'short' },
    required: true,
    conditional: 'houseNumber',
    check: (raw) => fits(intakeAnswer.houseNumber, raw),
    errors: { empty: 'ask.error.houseNumber.empty', invalid: 'ask.error.houseNumber' },
  },
  otherPersonAgreed: {
    name: 'otherPersonAgreed',
    kind: 'checkbox',
    label: 'ask.otherPersonAgreed.label',
    required: true,
    conditional: 'otherPersonAgreed',
    check: (raw) => ticked(raw),
    errors: { invalid: 'ask.error.otherPersonAgreed' },
  },
  email: {
    name: 'email',
    kind: 'text',
    label: 'ask.email.label',
    input: { type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254 },
    required: true,
    conditional: 'email',
    check: (raw) => fits(intakeAnswer.email, raw.trim()),
    errors: { empty: 'ask.error.contact.email.empty', invalid: 'ask.error.contact.email' },
  },
  phone: {
    name: 'phone',
    kind: 'text',
    label: 'ask.phone.label',
    input: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 20 },
    required: true,
    conditional: 'phone',
    check: (raw) => fits(intakeAnswer.phone, raw),
    errors: { empty: 'ask.error.contact.phone.empty', invalid: 'ask.error.contact.phone' },
  },
  sharing: {
    name: 'sharing',
    kind: 'radios',
    label: 'ask.sharing.legend',
    hint: 'ask.sharing.hint',
    options: yesNoOptions('ask.sharing.yes', 'ask.sharing.no'),
    required: true,
    check: (raw) => yesNo(raw) !== undefined,
    errors: { invalid: 'ask.error.sharing' },
  },
  wantsProfessional: {
    name: 'wantsProfessional',
    kind: 'checkbox',
    label: 'ask.wantsProfessional.label',
    required: false,
    check: () => true,
    errors: { invalid: 'ask.error.summary' },
  },
  formalWmoRequest: {
    name: 'formalWmoRequest',
    kind: 'checkbox',
    label: 'ask.formalWmo.label',
    required: false,
    check: () => true,
    errors: { invalid: 'ask.error.summary' },
  },
  helperSummary: {
    name: 'helperSummary',
    kind: 'textarea',
    label: 'ask.helperSummary.label',
    hint: 'ask.helperSummary.hint',
    input: { maxlength: HELPER_SUMMARY_MAX },
    required: true,
    conditional: 'helperSummary',
    check: (raw) => fits(intakeAnswer.helperSummary, raw),
    errors: { empty: 'ask.error.helperSummary', invalid: 'ask.error.helperSummary' },
  },
} as const satisfies Partial<Record<AskField, Question>>;

export type StepId = 'question' | 'urgency' | 'where' | 'contact' | 'details' | 'sharing' | 'summary';

export interface Step {
  id: StepId;
  /** The step's page in the route table; the first step is the ask page itself. */
  page: PageId;
  title: TextKey;
  questions: readonly Question[];
  /** Optional questions grouped under one legend at the end of the page (the sharing step's extras). */
  extras?: { legend: TextKey; names: readonly AskField[] };
}

/** The steps in order. A step with no question that applies is skipped, and not counted. */
export const ASK_STEPS: readonly Step[] = [
  { id: 'question', page: 'ask', title: 'ask.step.question.title', questions: [QUESTIONS.topicId, QUESTIONS.description] },
  { id: 'urgency', page: 'askUrgency', title: 'ask.step.urgency.title', questions: [QUESTIONS.dangerNow, QUESTIONS.urgency] },
  { id: 'where', page: 'askWhere', title: 'ask.step.where.title', questions: [QUESTIONS.forWhom, QUESTIONS.postcode, QUESTIONS.visitNeeded] },
  {
    id: 'contact',
    page: 'askContact',
    title: 'ask.step.contact.title',
    questions: [QUESTIONS.contactMethod, QUESTIONS.language, QUESTIONS.firstName],
  },
  {
    id: 'details',
    page: 'askDetails',
    title: 'ask.step.details.title',
    questions: [QUESTIONS.email, QUESTIONS.phone, QUESTIONS.houseNumber, QUESTIONS.otherPersonAgreed],
  },
  {
    id: 'sharing',
    page: 'askSharing',
    title: 'ask.step.sharing.title',
    questions: [QUESTIONS.sharing, QUESTIONS.wantsProfessional, QUESTIONS.formalWmoRequest],
    extras: { legend: 'ask.sharing.also', names: ['wantsProfessional', 'formalWmoRequest'] },
  },
  { id: 'summary', page: 'askSummary', title: 'ask.step.summary.title', questions: [QUESTIONS.helperSummary] },
];

/**
 * The questions of a step that apply, given the answers so far. `unanswered: 'may-apply'` counts a question
 * whose deciding answer is not given yet, so "step 2 of 7" can only count down as answers come in.
 */
export function questionsOf(step: Step, answers: AskValues, unanswered: 'skip' | 'may-apply' = 'skip'): Question[] {
  const known = conditionFacts(answers);
  const facts =
    unanswered === 'skip'
      ? known
      : {
          visitNeeded: known.visitNeeded ?? true,
          forWhom: known.forWhom ?? 'someone-else',
          contactMethod: known.contactMethod ?? 'email',
          zerothLineMaySee: answers.sharing === undefined ? true : known.zerothLineMaySee,
        };
  return step.questions.filter((q) => !q.conditional || applies(q.conditional, facts));
}

export function applicableSteps(answers: AskValues, unanswered: 'skip' | 'may-apply' = 'skip'): Step[] {
  return ASK_STEPS.filter((step) => questionsOf(step, answers, unanswered).length > 0);
}

export function stepPath(step: Step, locale: Locale): string {
  return pathOf(step.page, locale);
}

/** Answers that no longer apply (the e-mail address after choosing phone) are dropped, never sent. */
export function pruned(answers: AskValues): AskValues {
  const facts = conditionFacts(answers);
  const out: AskValues = {};
  for (const [name, value] of Object.entries(answers) as [AskField, string][]) {
    const question = (QUESTIONS as Partial<Record<AskField, Question>>)[name];
    if (question?.conditional && !applies(question.conditional, facts)) continue;
    out[name] = value;
  }
  return out;
}

/** Each question's error, at once, in the page's order; the postcode must be one of the municipality's. */
export function checkStep(step: Step, answers: AskValues, locale: Locale): FieldError[] {
  const { t, municipality } = useTranslations(locale);
  const errors: FieldError[] = [];
  for (const question of questionsOf(step, answers)) {
    const raw = answers[question.name];
    const empty = raw === undefined || raw.trim() === '';
    if (empty) {
      if (question.required) errors.push({ field: question.name, message: t(question.errors.empty ?? question.errors.invalid) });
      continue;
    }
    if (!question.check(raw)) errors.push({ field: question.name, message: t(question.errors.invalid) });
    else if (question.name === 'postcode' && !districtForPostcode(municipality, raw))
      errors.push({ field: 'postcode', message: t('problem.postcode-outside.detail') });
  }
  return errors;
}

/** The first step with an answer missing or wrong, if any. */
export function firstIncomplete(answers: AskValues, locale: Locale): Step | undefined {
  return applicableSteps(answers).find((step) => checkStep(step, answers, locale).length > 0);
}
