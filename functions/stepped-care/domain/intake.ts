// What a resident fills in to ask for help (issue #4), validated in one place for the form and the JSON API.
// Minimum data: no BSN, no date of birth; a house number only when someone must visit; contact only if wanted.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { postcodeSchema } from '../../kernel/municipality';
import { URGENCIES } from '../../kernel/topics';
import { DESCRIPTION_MAX, type TriageInput } from './triage';

export const CONTACT_METHODS = ['email', 'phone', 'none'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_LANGUAGES = ['nl', 'en'] as const;

export { PERSONAL_DATA_RETENTION_DAYS, STATUS_SESSION_HOURS } from '../../kernel/durations';
export const REPLY_MAX = 1000;
export const FEEDBACK_COMMENT_MAX = 1000;

const dutchPhone = z.string().check(z.trim(), z.maxLength(20), z.regex(/^(\+|00|0)[\d\s()-]{8,18}$/));

/** The summary helpers see, as the resident words it (pre-filled with the redacted description). */
export const HELPER_SUMMARY_MAX = 600;

/** Each answer's own rule: the step-by-step form checks a page's answers with these, the whole intake with all. */
export const intakeAnswer = {
  topicId: z.string().check(z.minLength(1), z.maxLength(64)),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(DESCRIPTION_MAX)),
  postcode: postcodeSchema,
  visitNeeded: z.boolean(),
  houseNumber: z.string().check(z.trim(), z.regex(/^\d{1,5}\s?[a-zA-Z]{0,4}(-\d{1,4})?$/)),
  urgency: z.enum(URGENCIES),
  dangerNow: z.boolean(),
  forWhom: z.enum(['myself', 'someone-else']),
  otherPersonAgreed: z.boolean(),
  language: z.enum(CONTACT_LANGUAGES),
  contactMethod: z.enum(CONTACT_METHODS),
  email: z.email().check(z.maxLength(254)),
  phone: dutchPhone,
  firstName: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  helperSummary: z.string().check(z.trim(), z.minLength(1), z.maxLength(HELPER_SUMMARY_MAX)),
} as const;

/** The facts that decide which of the conditional answers an intake needs. */
export interface ConditionFacts {
  visitNeeded?: boolean | undefined;
  forWhom?: 'myself' | 'someone-else' | undefined;
  contactMethod?: ContactMethod | undefined;
  zerothLineMaySee?: boolean | undefined;
}

/**
 * The answers asked only in some cases, and when (a house number only for a visit, the other person's
 * agreement only for someone else, the address or number of the chosen contact, the helpers' summary only
 * when helpers may see the request): `required` then, and with `onlyThen` refused otherwise. The one place
 * these rules live: the intake schema enforces them, the step-by-step form asks by them.
 */
export const CONDITIONAL_ANSWERS = {
  houseNumber: { when: (f: ConditionFacts) => f.visitNeeded === true, required: true, onlyThen: true },
  otherPersonAgreed: { when: (f: ConditionFacts) => f.forWhom === 'someone-else', required: true, onlyThen: false },
  email: { when: (f: ConditionFacts) => f.contactMethod === 'email', required: true, onlyThen: true },
  phone: { when: (f: ConditionFacts) => f.contactMethod === 'phone', required: true, onlyThen: true },
  helperSummary: { when: (f: ConditionFacts) => f.zerothLineMaySee === true, required: false, onlyThen: true },
} as const satisfies Record<string, { when: (f: ConditionFacts) => boolean; required: boolean; onlyThen: boolean }>;
export type ConditionalAnswer = keyof typeof CONDITIONAL_ANSWERS;

/** Whether a conditional answer applies, given the facts known so far. */
export function applies(answer: ConditionalAnswer, facts: ConditionFacts): boolean {
  return CONDITIONAL_ANSWERS[answer].when(facts);
}

export const intakeSchema = z
  .strictObject({
    topicId: intakeAnswer.topicId,
    description: intakeAnswer.description,
    postcode: intakeAnswer.postcode,
    visitNeeded: intakeAnswer.visitNeeded,
    houseNumber: z.optional(intakeAnswer.houseNumber),
    urgency: intakeAnswer.urgency,
    dangerNow: intakeAnswer.dangerNow,
    forWhom: intakeAnswer.forWhom,
    /** Asking for someone else: that person agreed. Required then. */
    otherPersonAgreed: z.optional(intakeAnswer.otherPersonAgreed),
    language: intakeAnswer.language,
    contact: z.strictObject({
      method: intakeAnswer.contactMethod,
      email: z.optional(intakeAnswer.email),
      phone: z.optional(intakeAnswer.phone),
    }),
    firstName: z.optional(intakeAnswer.firstName),
    consent: z.strictObject({ volunteers: z.boolean(), initiatives: z.boolean() }),
    /** What helpers see instead of the redacted description (redacted as well); only when helpers may see it. */
    helperSummary: z.optional(intakeAnswer.helperSummary),
    wantsProfessional: z.boolean(),
    formalWmoRequest: z.boolean(),
    onlySelfHelp: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((intake, ctx) => {
      const facts = conditionFactsOf(intake);
      const given: Record<ConditionalAnswer, { value: unknown; path: (string | number)[] }> = {
        houseNumber: { value: intake.houseNumber, path: ['houseNumber'] },
        otherPersonAgreed: { value: intake.otherPersonAgreed === true ? true : undefined, path: ['otherPersonAgreed'] },
        email: { value: intake.contact.email, path: ['contact', 'email'] },
        phone: { value: intake.contact.phone, path: ['contact', 'phone'] },
        helperSummary: { value: intake.helperSummary, path: ['helperSummary'] },
      };
      for (const [answer, rule] of Object.entries(CONDITIONAL_ANSWERS) as [ConditionalAnswer, (typeof CONDITIONAL_ANSWERS)[ConditionalAnswer]][]) {
        const { value, path } = given[answer];
        const needed = rule.when(facts);
        if (needed && rule.required && value === undefined)
          ctx.addIssue({ code: 'custom', path, message: `${answer} is needed here`, input: intake });
        if (!needed && rule.onlyThen && value !== undefined)
          ctx.addIssue({ code: 'custom', path, message: `${answer} only when it applies`, input: intake });
      }
    }),
  );

export type ResidentIntake = z.infer<typeof intakeSchema>;

function conditionFactsOf(intake: Pick<ResidentIntake, 'visitNeeded' | 'forWhom' | 'contact' | 'consent'>): ConditionFacts {
  return {
    visitNeeded: intake.visitNeeded,
    forWhom: intake.forWhom,
    contactMethod: intake.contact.method,
    zerothLineMaySee: intake.consent.volunteers || intake.consent.initiatives,
  };
}

/**
 * What triage needs from an intake. A resident who lets neither volunteers nor initiatives see their question
 * goes to the team (the 0th line cannot help without seeing it), and is told that reason, not another.
 */
export function triageInputOf(intake: ResidentIntake): TriageInput {
  return {
    topicId: intake.topicId,
    description: intake.description,
    urgency: intake.urgency,
    dangerNow: intake.dangerNow,
    wantsProfessional: intake.wantsProfessional,
    zerothLineMaySee: intake.consent.volunteers || intake.consent.initiatives,
    helpersCanReach: intake.contact.method !== 'none' || intake.visitNeeded,
    formalWmoRequest: intake.formalWmoRequest,
    ...(intake.onlySelfHelp === undefined ? {} : { onlySelfHelp: intake.onlySelfHelp }),
  };
}

/** Does what someone typed on the status lookup match the contact given with the request? */
export function sameContact(typed: string, contact: { method: ContactMethod; email?: string; phone?: string }): boolean {
  const value = typed.trim();
  if (contact.method === 'email' && contact.email) return value.toLowerCase() === contact.email.trim().toLowerCase();
  if (contact.method === 'phone' && contact.phone) {
    const digits = normalisePhone(value);
    return digits.length >= 9 && digits === normalisePhone(contact.phone);
  }
  return false;
}

/** "+31 6 1234 5678", "0031612345678" and "06-12345678" are the same number. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.replace(/^(\+31|0031)/, '0').replace(/\+/g, '');
}

/**
 * A fingerprint of an intake, for replays with the same idempotency key: the same answers give the same
 * fingerprint whatever the order of their fields, and a different answer a different one.
 */
export function intakeFingerprint(intake: ResidentIntake): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(intake)), 'utf8')
    .digest('base64url');
}
