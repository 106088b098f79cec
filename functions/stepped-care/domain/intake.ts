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

export const intakeSchema = z
  .strictObject({
    topicId: z.string().check(z.minLength(1), z.maxLength(64)),
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(DESCRIPTION_MAX)),
    postcode: postcodeSchema,
    visitNeeded: z.boolean(),
    houseNumber: z.optional(z.string().check(z.trim(), z.regex(/^\d{1,5}\s?[a-zA-Z]{0,4}(-\d{1,4})?$/))),
    urgency: z.enum(URGENCIES),
    dangerNow: z.boolean(),
    forWhom: z.enum(['myself', 'someone-else']),
    /** Asking for someone else: that person agreed. Required then. */
    otherPersonAgreed: z.optional(z.boolean()),
    language: z.enum(CONTACT_LANGUAGES),
    contact: z.strictObject({
      method: z.enum(CONTACT_METHODS),
      email: z.optional(z.email().check(z.maxLength(254))),
      phone: z.optional(dutchPhone),
    }),
    firstName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))),
    consent: z.strictObject({ volunteers: z.boolean(), initiatives: z.boolean() }),
    wantsProfessional: z.boolean(),
    formalWmoRequest: z.boolean(),
    onlySelfHelp: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((intake, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: intake });
      if (intake.visitNeeded && !intake.houseNumber) issue(['houseNumber'], 'a house number is needed for a visit');
      if (!intake.visitNeeded && intake.houseNumber) issue(['houseNumber'], 'no house number without a visit');
      if (intake.forWhom === 'someone-else' && intake.otherPersonAgreed !== true) issue(['otherPersonAgreed'], 'the other person must agree');
      if (intake.contact.method === 'email' && !intake.contact.email) issue(['contact', 'email'], 'an e-mail address is needed');
      if (intake.contact.method === 'phone' && !intake.contact.phone) issue(['contact', 'phone'], 'a phone number is needed');
      if (intake.contact.method !== 'email' && intake.contact.email) issue(['contact', 'email'], 'only with contact by e-mail');
      if (intake.contact.method !== 'phone' && intake.contact.phone) issue(['contact', 'phone'], 'only with contact by phone');
    }),
  );

export type ResidentIntake = z.infer<typeof intakeSchema>;

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
