// The "ask for help" form without JavaScript: a plain form post is read, validated with the same intake
// schema as the JSON API, shown back as a preview, and only then sent. Entered values are kept on every
// round trip; errors come back per field, in the order of the form, in the resident's language.
import { topicLabel } from '../../../functions/platform/i18n/topics';
import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { isDomainError } from '../../../functions/kernel/errors';
import { intakeSchema, triageInputOf, type ResidentIntake } from '../../../functions/stepped-care/domain/intake';
import { districtForPostcode } from '../../../functions/kernel/municipality';
import { redactIn } from '../../../functions/stepped-care/app/wording';
import { findTopic } from '../../../functions/kernel/topics';
import { triage, type TriageDecision } from '../../../functions/stepped-care/domain/triage';
import { firstCrisisLine } from '../../../functions/stepped-care/domain/crisis';
import type { TextKey as MessageKey } from '../i18n';
import { useTranslations, type Locale } from '../i18n';
import { pathOf } from '../../../functions/platform/routes/pages';
import type { SiteServices } from '../../../functions/apps/site/services';

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
  'consentVolunteers',
  'consentInitiatives',
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
};

export interface FieldError {
  field: AskField;
  message: string;
}

export interface Preview {
  topic: string;
  district: string;
  summary: string;
  description: string;
  firstName: string | null;
  zerothLineMaySee: boolean;
  /** The request goes to the district team: the preview says what the team sees, not what a volunteer would. */
  toTeam: boolean;
  /** The crisis line to show first and large (113 for words about suicide), if any. */
  crisisLineFirst: string | undefined;
  decision: TriageDecision;
}

export type AskState =
  | { step: 'form'; status: 200 | 400 | 422; values: AskValues; formKey: string; errors: FieldError[] }
  | { step: 'preview'; status: 200; values: AskValues; formKey: string; preview: Preview }
  | { step: 'redirect'; location: string };

const HONEYPOT = 'website';
const MAX_VALUE = 4000;

export function newFormKey(): string {
  return randomBytes(32).toString('base64url');
}

export function readValues(form: FormData): AskValues {
  const values: AskValues = {};
  for (const field of ASK_FIELDS) {
    const raw = form.get(field);
    if (typeof raw === 'string') values[field] = raw.slice(0, MAX_VALUE);
  }
  return values;
}

const yesNo = (value: string | undefined) => (value === 'yes' ? true : value === 'no' ? false : undefined);
const ticked = (value: string | undefined) => value === 'on' || value === 'yes';
const blankToUndefined = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

/** The form's values as the intake schema's input; absent answers stay absent so they are reported. */
export function intakeInput(values: AskValues): unknown {
  return {
    topicId: values.topicId ?? '',
    description: values.description ?? '',
    postcode: values.postcode ?? '',
    visitNeeded: yesNo(values.visitNeeded),
    houseNumber: blankToUndefined(values.houseNumber),
    urgency: values.urgency,
    dangerNow: yesNo(values.dangerNow),
    forWhom: values.forWhom,
    otherPersonAgreed: values.forWhom === 'someone-else' ? ticked(values.otherPersonAgreed) : undefined,
    language: values.language,
    contact: {
      method: values.contactMethod,
      email: values.contactMethod === 'email' ? blankToUndefined(values.email) : undefined,
      phone: values.contactMethod === 'phone' ? blankToUndefined(values.phone) : undefined,
    },
    firstName: blankToUndefined(values.firstName),
    consent: { volunteers: ticked(values.consentVolunteers), initiatives: ticked(values.consentInitiatives) },
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

export async function handleAsk(request: Request, locale: Locale, services: SiteServices): Promise<AskState> {
  if (request.method !== 'POST') {
    return { step: 'form', status: 200, values: { language: locale, forWhom: 'myself', visitNeeded: 'no' }, formKey: newFormKey(), errors: [] };
  }
  const { t, municipality } = useTranslations(locale);
  const form = await request.formData().catch(() => new FormData());
  const values = readValues(form);
  const rawKey = form.get('formKey');
  const formKey = typeof rawKey === 'string' && /^[A-Za-z0-9_-]{43}$/.test(rawKey) ? rawKey : newFormKey();
  const again = (status: 400 | 422, errors: FieldError[]): AskState => ({ step: 'form', status, values, formKey, errors });

  const honeypot = form.get(HONEYPOT);
  if (typeof honeypot === 'string' && honeypot !== '') {
    return again(400, [{ field: 'description', message: t('problem.honeypot.detail') }]);
  }
  if (form.get('step') === 'edit') return { step: 'form', status: 200, values, formKey, errors: [] };

  const checked = validate(values, locale);
  if ('errors' in checked) return again(400, checked.errors);
  const { intake } = checked;
  const district = districtForPostcode(municipality, intake.postcode);
  if (!district) return again(422, [{ field: 'postcode', message: t('problem.postcode-outside.detail') }]);

  if (form.get('step') !== 'send') {
    const topic = findTopic(intake.topicId);
    if (!topic) return again(400, [{ field: 'topicId', message: t('ask.error.topicId') }]);
    const decision = triage(triageInputOf(intake));
    return {
      step: 'preview',
      status: 200,
      values,
      formKey,
      preview: {
        topic: topicLabel(topic.id, locale),
        district: district.name,
        summary: redactIn(intake.description, locale).text,
        description: intake.description,
        firstName: intake.firstName ?? null,
        zerothLineMaySee: decision.level === 'zeroth-line' && (intake.consent.volunteers || intake.consent.initiatives),
        toTeam: decision.level === 'district-team' || decision.level === 'collective',
        decision,
        crisisLineFirst: firstCrisisLine(decision.reasons.map((r) => r.code)),
      },
    };
  }

  try {
    const receipt = await services.desk.submit(intake, { idempotencyKey: formKey });
    return { step: 'redirect', location: `${pathOf('status', locale)}?t=${receipt.statusToken}&new=1` };
  } catch (error) {
    if (isDomainError(error, 'unknown-topic')) return again(400, [{ field: 'topicId', message: t('ask.error.topicId') }]);
    if (isDomainError(error, 'postcode-outside')) return again(422, [{ field: 'postcode', message: t('problem.postcode-outside.detail') }]);
    // This form was sent before with other answers (its key replayed): a fresh form, nothing was sent.
    if (isDomainError(error, 'idempotency-key-reused'))
      return { step: 'form', status: 422, values, formKey: newFormKey(), errors: [{ field: 'description', message: t('ask.error.form-reused') }] };
    throw error;
  }
}
