// The municipality a deployment serves. Municipality data is configuration (a JSON file under
// functions/platform/config/municipalities/); this module only validates it and answers questions about it.
// zod/mini rather than classic zod: it costs ~1 ms to import instead of ~13 ms (docs/decisions/0005).
import * as z from 'zod/mini';
import { STAFF_ROLES } from './access';
import type { TeamHours } from './working-time';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const text = () => z.string().check(z.minLength(1));
const translated = z.strictObject({ nl: text(), en: text() });
const slug = z.string().check(z.regex(/^[a-z0-9-]+$/));
const pc4 = z.string().check(z.regex(/^[1-9][0-9]{3}$/));
const clock = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/));
const opening = z.strictObject({ from: clock, to: clock }).check(z.refine((o) => o.from < o.to, { message: 'an opening ends after it starts' }));

/** A citizen initiative: in the municipality file, and as the coordinator registers or edits one. */
export const initiativeSchema = z.strictObject({
  id: slug.check(z.minLength(3), z.maxLength(64)),
  name: text().check(z.maxLength(120)),
  description: z.strictObject({ nl: text().check(z.maxLength(600)), en: text().check(z.maxLength(600)) }),
  email: z.email(),
  districts: z.array(slug).check(z.minLength(1)),
  topics: z.array(slug).check(z.minLength(1)),
  capacityPerWeek: z.int().check(z.nonnegative(), z.lte(1000)),
});
export type InitiativeInput = z.infer<typeof initiativeSchema>;

/** When a professional uses a standard text: a question to the resident, or a message (contact, closing). */
export const STANDARD_TEXT_SITUATIONS = ['ask-information', 'after-contact', 'referred-on', 'closing'] as const;

const hexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/));

/** WCAG 2.x contrast ratio of two sRGB colours written as #rrggbb. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const readableOnWhite = hexColour.check(z.refine((c) => contrastRatio(c, '#ffffff') >= 4.5, { message: 'white text on it is below 4.5:1' }));

export const municipalitySchema = z
  .strictObject({
    $comment: z.optional(z.string()),
    id: slug,
    name: text(),
    website: z.url(),
    team: z.strictObject({
      name: translated,
      phone: text(),
      email: z.email(),
      /** The hours in words, as the pages show them. */
      hours: translated,
      /** The hours as data: every promise about the team counts working time (kernel/working-time.ts). */
      workingHours: z.strictObject({
        timeZone: text().check(z.refine((zone) => validTimeZone(zone), { message: 'not a time zone' })),
        week: z.strictObject(Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, z.optional(z.array(opening))]))),
        holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
      }),
      /** Who residents can call while the team is closed (a regional crisis service), if the municipality has one. */
      outOfHoursService: z.optional(z.strictObject({ name: translated, phone: text(), when: translated })),
    }),
    /**
     * The municipality's look: its colours as design tokens (the site's theme reads them), an optional logo
     * (a path on the site, with its text alternative) and the service's phase ("pilot" shows a banner). A
     * colour must keep text readable: white on primary and on primaryDark at least 4.5:1 (WCAG 1.4.3).
     */
    identity: z.optional(
      z.strictObject({
        colours: z.strictObject({ primary: readableOnWhite, primaryDark: readableOnWhite, accent: hexColour }),
        logo: z.optional(z.strictObject({ src: z.string().check(z.regex(/^\/[\w./-]+\.svg$/)), alt: translated })),
        phase: z.enum(['pilot', 'live']),
        /** Where residents send a remark about the service while it is a pilot. */
        feedbackEmail: z.optional(z.email()),
      }),
    ),
    /** The privacy statement's facts: who is responsible, and how to reach the data protection officer. */
    privacy: z.strictObject({
      controller: translated,
      officer: z.strictObject({ email: z.email(), phone: z.optional(text()) }),
    }),
    crisisLines: z.array(z.strictObject({ id: slug, name: translated, phone: text(), when: translated })).check(z.minLength(1)),
    districts: z
      .array(
        z.strictObject({
          id: slug,
          name: text(),
          neighbourhoods: z.array(text()),
          postcodes: z.array(pc4).check(z.minLength(1)),
          pilot: z.boolean(),
          neighbours: z.array(slug),
          /** Approximate centre, for distance-based matching. */
          centre: z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) }),
        }),
      )
      .check(z.minLength(1)),
    professionals: z.array(z.strictObject({ id: slug, name: text(), email: z.email(), role: z.enum(STAFF_ROLES), districts: z.array(slug) })),
    volunteers: z.array(
      z.strictObject({
        id: slug,
        name: text(),
        email: z.email(),
        postcode: pc4,
        districts: z.array(slug),
        topics: z.array(slug),
        languages: z.array(z.string().check(z.length(2))),
        approved: z.boolean(),
        /** ISO weekdays (1 = Monday ... 7 = Sunday) on which the volunteer can help. */
        availableDays: z.array(z.int().check(z.gte(1), z.lte(7))),
        maxDistanceKm: z.number().check(z.gte(0), z.lte(50)),
        vogValidUntil: z.optional(z.iso.date()),
        maxOpenClaims: z.int().check(z.gte(1), z.lte(10)),
      }),
    ),
    initiatives: z.array(initiativeSchema),
    /**
     * The team's standard texts in plain language (B1), Dutch and English: for a situation, and for some topics
     * only (none: every topic). Professionals start a message or question from one and make it their own.
     */
    standardTexts: z.optional(
      z.array(
        z.strictObject({
          id: slug,
          situation: z.enum(STANDARD_TEXT_SITUATIONS),
          topics: z.optional(z.array(slug)),
          title: translated,
          text: translated,
        }),
      ),
    ),
  })
  .check(
    z.superRefine((m, ctx) => {
      // Every district reference must resolve, and a postcode area belongs to exactly one district.
      const ids = new Set(m.districts.map((d) => d.id));
      const seen = new Map<string, string>();
      for (const d of m.districts) {
        for (const pc of d.postcodes) {
          const other = seen.get(pc);
          if (other) ctx.addIssue({ code: 'custom', message: `postcode ${pc} is in both ${other} and ${d.id}`, input: pc });
          seen.set(pc, d.id);
        }
      }
      const refs = [
        ...m.districts.flatMap((d) => d.neighbours),
        ...m.professionals.flatMap((p) => p.districts),
        ...m.volunteers.flatMap((v) => v.districts),
        ...m.initiatives.flatMap((i) => i.districts),
      ];
      for (const ref of refs) {
        if (!ids.has(ref)) ctx.addIssue({ code: 'custom', message: `unknown district ${ref}`, input: ref });
      }
    }),
  );

export type Municipality = z.infer<typeof municipalitySchema>;
export type StandardText = NonNullable<Municipality['standardTexts']>[number];

/** The standard texts for a case's topic: those for every topic and those for this one. */
export function standardTextsFor(m: Municipality, topicId: string): StandardText[] {
  return (m.standardTexts ?? []).filter((s) => !s.topics || s.topics.includes(topicId));
}
export type District = Municipality['districts'][number];

export function parseMunicipality(data: unknown): Municipality {
  return z.parse(municipalitySchema, data);
}

/** Dutch postcode: "1503 AB", "1503ab" or just the four digits. */
export const postcodeSchema = z.string().check(z.trim(), z.maxLength(16), z.regex(/^[1-9][0-9]{3}\s?([a-zA-Z]{2})?$/));

/** The four-digit part of a postcode, the only part Wijkloket needs to find a district. */
export function postcodeArea(postcode: string): string {
  return postcode.trim().slice(0, 4);
}

export function districtForPostcode(municipality: Municipality, postcode: string): District | undefined {
  const area = postcodeArea(postcode);
  return municipality.districts.find((d) => d.postcodes.includes(area));
}

/** The team's working hours as the working-time functions take them (one object per municipality). */
const hoursOf = new WeakMap<Municipality, TeamHours>();
export function teamHours(m: Municipality): TeamHours {
  let hours = hoursOf.get(m);
  if (!hours) {
    const { timeZone, week, holidays } = m.team.workingHours;
    hours = {
      timeZone,
      week: Object.fromEntries(Object.entries(week).flatMap(([day, openings]) => (openings ? [[Number(day), openings]] : []))) as TeamHours['week'],
      holidays,
    };
    hoursOf.set(m, hours);
  }
  return hours;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
