// The municipality a deployment serves. Municipality data is configuration (a JSON file under
// functions/config/municipalities/); this module only validates it and answers questions about it.
import { z } from 'zod';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const translated = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
const slug = z.string().regex(/^[a-z0-9-]+$/);
const pc4 = z.string().regex(/^[1-9][0-9]{3}$/);

export const ROLES = ['professional', 'team-lead', 'volunteer-coordinator'] as const;

export const municipalitySchema = z
  .object({
    $comment: z.string().optional(),
    id: slug,
    name: z.string().min(1),
    website: z.url(),
    team: z.object({ name: translated, phone: z.string(), email: z.email(), hours: translated }).strict(),
    crisisLines: z
      .array(z.object({ id: slug, name: translated, phone: z.string(), when: translated }).strict())
      .min(1),
    districts: z
      .array(
        z
          .object({
            id: slug,
            name: z.string().min(1),
            neighbourhoods: z.array(z.string().min(1)),
            postcodes: z.array(pc4).min(1),
            pilot: z.boolean(),
            neighbours: z.array(slug),
          })
          .strict(),
      )
      .min(1),
    professionals: z.array(
      z
        .object({ id: slug, name: z.string(), email: z.email(), role: z.enum(ROLES), districts: z.array(slug) })
        .strict(),
    ),
    volunteers: z.array(
      z
        .object({
          id: slug,
          name: z.string(),
          email: z.email(),
          postcode: pc4,
          districts: z.array(slug),
          topics: z.array(slug),
          languages: z.array(z.string().length(2)),
          approved: z.boolean(),
        })
        .strict(),
    ),
    initiatives: z.array(
      z
        .object({
          id: slug,
          name: z.string(),
          description: translated,
          email: z.email(),
          districts: z.array(slug),
          topics: z.array(slug),
          capacityPerWeek: z.number().int().nonnegative(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((m, ctx) => {
    // Every district reference must resolve, and a postcode belongs to exactly one district.
    const ids = new Set(m.districts.map((d) => d.id));
    const seen = new Map<string, string>();
    for (const d of m.districts) {
      for (const pc of d.postcodes) {
        const other = seen.get(pc);
        if (other) ctx.addIssue({ code: 'custom', message: `postcode ${pc} is in both ${other} and ${d.id}` });
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
      if (!ids.has(ref)) ctx.addIssue({ code: 'custom', message: `unknown district ${ref}` });
    }
  });

export type Municipality = z.infer<typeof municipalitySchema>;
export type District = Municipality['districts'][number];

export function parseMunicipality(data: unknown): Municipality {
  return municipalitySchema.parse(data);
}

/** Dutch postcode, "1503 AB", "1503ab" or just the four digits. */
export const postcodeSchema = z
  .string()
  .trim()
  .max(16)
  .regex(/^[1-9][0-9]{3}\s?([a-zA-Z]{2})?$/);

/** The four-digit part of a postcode, the only part Wijkloket needs to find a district. */
export function postcodeArea(postcode: string): string {
  return postcode.trim().slice(0, 4);
}

export function districtForPostcode(municipality: Municipality, postcode: string): District | undefined {
  const area = postcodeArea(postcode);
  return municipality.districts.find((d) => d.postcodes.includes(area));
}
