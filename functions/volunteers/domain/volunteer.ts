// Becoming a volunteer (issue #5): what someone fills in to sign up, validated in one place. The sign-up
// stays pending until the municipality's volunteer coordinator approves it; topics that need a certificate
// of conduct (VOG) stay closed until the coordinator records one with its date (matching checks it).
import * as z from 'zod/mini';
import { SIGN_UP_REVIEW_WORKING_DAYS } from '../../kernel/durations';
import { districtForPostcode, postcodeSchema, teamHours, type Municipality } from '../../kernel/municipality';
import { endOfWorkingDays } from '../../kernel/working-time';
import { DomainError } from '../../kernel/errors';
import { TOPICS } from '../../kernel/topics';
import type { VolunteerProfile, VolunteerStatus } from '../../kernel/zeroth-line';

export { VOLUNTEER_STATUSES, type RequestCard, type VolunteerStatus } from '../../kernel/zeroth-line';

/** A volunteer as the platform keeps them: matching's profile, and who they are. */
export interface Volunteer extends VolunteerProfile {
  name: string;
  email: string;
  phone?: string;
  signedUpAt?: string;
}

/** What a volunteer may do to their own or someone else's standing, and where it leads (like the request lifecycle). */
export const VOLUNTEER_TRANSITIONS = {
  // A rejected sign-up, or a volunteer whose approval was withdrawn, can be approved (again) later.
  approve: { from: ['pending', 'rejected', 'withdrawn'], to: 'approved', refusal: 'only a pending, rejected or withdrawn volunteer can be approved' },
  reject: { from: ['pending'], to: 'rejected', refusal: 'only a pending sign-up can be rejected' },
  withdraw: { from: ['approved', 'paused'], to: 'withdrawn', refusal: 'only an approved or paused volunteer can lose approval' },
  pause: { from: ['approved'], to: 'paused', refusal: 'only an approved volunteer can pause' },
  resume: { from: ['paused'], to: 'approved', refusal: 'only a paused volunteer can come back' },
} as const satisfies Record<string, { from: readonly VolunteerStatus[]; to: VolunteerStatus; refusal: string }>;
export type VolunteerAction = keyof typeof VOLUNTEER_TRANSITIONS;

/** The status after `action`, or `illegal-transition` when the volunteer's status does not allow it. */
export function nextVolunteerStatus(current: VolunteerStatus | undefined, action: VolunteerAction): VolunteerStatus {
  const t = VOLUNTEER_TRANSITIONS[action];
  if (!current || !(t.from as readonly VolunteerStatus[]).includes(current)) throw new DomainError('illegal-transition', t.refusal);
  return t.to;
}

/** A request the volunteer took at some point: enough to recognise it, nothing about the resident. */
export interface HelpedRequest {
  requestId: string;
  topicId: string;
  districtId: string;
  at: string;
}
/** Open claims one volunteer may hold at once, unless the coordinator sets otherwise. */
export const DEFAULT_MAX_OPEN_CLAIMS = 3;
export const MAX_DISTANCE_KM = 25;

const topicIds = TOPICS.map((t) => t.id) as [string, ...string[]];

export const volunteerSignUpSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  email: z.email().check(z.maxLength(254)),
  phone: z.string().check(z.trim(), z.maxLength(20), z.regex(/^(\+|00|0)[\d\s()-]{8,18}$/)),
  postcode: postcodeSchema,
  districts: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50)),
  maxDistanceKm: z.number().check(z.minimum(0), z.maximum(MAX_DISTANCE_KM)),
  topics: z.array(z.enum(topicIds)).check(z.minLength(1)),
  languages: z.array(z.string().check(z.regex(/^[a-z]{2}$/))).check(z.minLength(1), z.maxLength(10)),
  availableDays: z.array(z.int().check(z.minimum(1), z.maximum(7))).check(z.minLength(1), z.maxLength(7)),
  codeOfConduct: z.literal(true),
});

export type VolunteerSignUp = z.infer<typeof volunteerSignUpSchema>;

/** Topics of a sign-up that stay closed until a certificate of conduct is recorded. */
export function topicsNeedingVog(topics: readonly string[]): string[] {
  return TOPICS.filter((t) => t.requiresVog && topics.includes(t.id)).map((t) => t.id);
}

/** A demo volunteer from the municipality file, as the matcher stores it. */
export function volunteerFromConfig(m: Municipality, v: Municipality['volunteers'][number]): Volunteer {
  return {
    volunteerId: v.id,
    name: v.name,
    email: v.email,
    status: v.approved ? 'approved' : 'pending',
    homeDistrictId: districtForPostcode(m, v.postcode)?.id ?? v.districts[0]!,
    districts: v.districts,
    maxDistanceKm: v.maxDistanceKm,
    topics: v.topics,
    languages: v.languages,
    availableDays: v.availableDays,
    ...(v.vogValidUntil ? { vogValidUntil: v.vogValidUntil } : {}),
    openClaims: 0,
    maxOpenClaims: v.maxOpenClaims,
  };
}

/**
 * By when the coordinator answers a sign-up (the sign-up page promises it): the end of the municipality's
 * SIGN_UP_REVIEW_WORKING_DAYS-th working day after it; and whether that moment has passed.
 */
export function signUpAnswer(municipality: Municipality, signedUpAt: Date, now: Date): { answerBy: string; late: boolean } {
  const answerBy = endOfWorkingDays(teamHours(municipality), signedUpAt, SIGN_UP_REVIEW_WORKING_DAYS);
  return { answerBy: answerBy.toISOString(), late: answerBy < now };
}
