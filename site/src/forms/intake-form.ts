// An intake's answers as a form posts them, read and validated with the same intake schema as the JSON API:
// the team's phone intake asks them on one page, the resident's step-by-step form (ask-steps.ts) a few at a
// time. Errors come back per field, in the order of the questions, in the reader's language.
import * as z from 'zod/mini';
import {
  applies,
  CONTACT_METHODS,
  intakeSchema,
  type ConditionalAnswer,
  type ConditionFacts,
  type ResidentIntake,
} from '../../../functions/stepped-care/domain/intake';
import type { TextKey as MessageKey } from '../i18n';
import { useTranslations, type Locale } from '../i18n';

/** Form field names, in the order they appear on the page (the error summary follows it). */
export const ASK_FIELDS = [
  'topicId',
  'description',
  'postcode',
  'visitNeeded',
  'houseNumber',
  'urgency',
  'dangerNow',
  'forWhom',
  'otherPersonAgreed',
  'language',
  'contactMethod',
  'email',
  'phone',
  'firstName',
  'sharing',
  'helperSummary',
  'wantsProfessional',
  'formalWmoRequest',
] as const;
export type AskField = (typeof ASK_FIELDS)[number];
export type AskValues = Partial<Record<AskField, string>>;

/** Where an intake schema path shows up on the form, and which message explains it. */
const FIELD_OF_PATH: Record<string, { field: AskField; message: MessageKey }> = {
  topicId: { field: 'topicId', message: 'ask.error.topicId' },
  description: { field: 'description', message: 'ask.error.description' },
  postcode: { field: 'postcode', message: 'ask.error.postcode' },
  visitNeeded: { field: 'visitNeeded', message: 'ask.error.visitNeeded' },
  houseNumber: { field: 'houseNumber', message: 'ask.error.houseNumber' },
  urgency: { field: 'urgency', message: 'ask.error.urgency' },
  dangerNow: { field: 'dangerNow', message: 'ask.error.dangerNow' },
  forWhom: { field: 'forWhom', message: 'ask.error.forWhom' },
  otherPersonAgreed: { field: 'otherPersonAgreed', message: 'ask.error.otherPersonAgreed' },
  language: { field: 'language', message: 'ask.error.language' },
  'contact.method': { field: 'contactMethod', message: 'ask.error.contact.method' },
  'contact.email': { field: 'email', message: 'ask.error.contact.email' },
  'contact.phone': { field: 'phone', message: 'ask.error.contact.phone' },
  firstName: { field: 'firstName', message: 'ask.error.firstName' },
  helperSummary: { field: 'helperSummary', message: 'ask.error.helperSummary' },
  consent: { field: 'sharing', message: 'ask.error.sharing' },
};

export interface FieldError {
  field: AskField;
  message: string;
}

/** A field people do not see and bots fill in. */
export const HONEYPOT = 'website';
const MAX_VALUE = 4000;

export function readValues(form: FormData): AskValues {
  const values: AskValues = {};
  for (const field of ASK_FIELDS) {
    const raw = form.get(field);
    if (typeof raw === 'string') values[field] = raw.slice(0, MAX_VALUE);
  }
  return values;
}

export const yesNo = (value: string | undefined) => (value === 'yes' ? true : value === 'no' ? false : undefined);
export const ticked = (value: string | undefined) => value === 'on' || value === 'yes';
const blankToUndefined = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

/**
 * The consent the answers give: one question ("may volunteers and initiatives in your neighbourhood see your
 * request?"), asked the same on the resident's form and the team's phone intake; unanswered, none.
 */
function consentOf(values: AskValues): { volunteers: boolean; initiatives: boolean } | undefined {
  const sharing = yesNo(values.sharing);
  return sharing === undefined ? undefined : { volunteers: sharing, initiatives: sharing };
}

/** What decides which conditional questions apply (CONDITIONAL_ANSWERS in the intake's domain). */
export function conditionFacts(values: AskValues): ConditionFacts {
  const consent = consentOf(values);
  return {
    visitNeeded: yesNo(values.visitNeeded),
    forWhom: values.forWhom === 'myself' || values.forWhom === 'someone-else' ? values.forWhom : undefined,
    contactMethod: CONTACT_METHODS.find((m) => m === values.contactMethod),
    zerothLineMaySee: consent ? consent.volunteers || consent.initiatives : undefined,
  };
}

/** The form's values as the intake schema's input; absent answers stay absent so they are reported, answers that do not apply are left out. */
export function intakeInput(values: AskValues): unknown {
  const facts = conditionFacts(values);
  const only = <T>(answer: ConditionalAnswer, value: T): T | undefined => (applies(answer, facts) ? value : undefined);
  return {
    topicId: values.topicId ?? '',
    description: values.description ?? '',
    postcode: values.postcode ?? '',
    visitNeeded: yesNo(values.visitNeeded),
    houseNumber: only('houseNumber', blankToUndefined(values.houseNumber)),
    urgency: values.urgency,
    dangerNow: yesNo(values.dangerNow),
    forWhom: values.forWhom,
    otherPersonAgreed: only('otherPersonAgreed', ticked(values.otherPersonAgreed)),
    language: values.language,
    contact: {
      method: values.contactMethod,
      email: only('email', blankToUndefined(values.email)),
      phone: only('phone', blankToUndefined(values.phone)),
    },
    firstName: blankToUndefined(values.firstName),
    consent: consentOf(values),
    helperSummary: only('helperSummary', blankToUndefined(values.helperSummary)),
    wantsProfessional: ticked(values.wantsProfessional),
    formalWmoRequest: ticked(values.formalWmoRequest),
  };
}

export function validate(values: AskValues, locale: Locale): { intake: ResidentIntake } | { errors: FieldError[] } {
  const { t } = useTranslations(locale);
  const parsed = z.safeParse(intakeSchema, intakeInput(values));
  if (parsed.success) return { intake: parsed.data };
  const fields = new Map<AskField, string>();
  for (const issue of parsed.error.issues) {
    const target = FIELD_OF_PATH[issue.path.join('.')] ?? FIELD_OF_PATH[String(issue.path[0])];
    if (target && !fields.has(target.field)) fields.set(target.field, t(target.message));
  }
  return { errors: ASK_FIELDS.filter((f) => fields.has(f)).map((field) => ({ field, message: fields.get(field)! })) };
}
