// Becoming a volunteer (issue #5): what someone fills in to sign up, validated in one place. The sign-up
// stays pending until the municipality's volunteer coordinator approves it; topics that need a certificate
// of conduct (VOG) stay closed until the coordinator records one with its date (matching checks it).
import * as z from 'zod/mini';
import { postcodeSchema } from '../../kernel/municipality';
import { TOPICS } from '../../kernel/topics';

export const VOLUNTEER_STATUSES = ['pending', 'approved', 'paused', 'rejected', 'withdrawn'] as const;
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
