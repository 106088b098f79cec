import * as z from 'zod/mini';
import { postcodeSchema } from '../../../kernel/municipality';
import { langQuery, type ContractRouter } from '../../../platform/http/contract';
import { problem } from '../../../platform/http/problem';
import { lookupNeighbourhood } from '../../../initiatives/store/directory-store';
import type { PublicApiDeps } from '../deps';

const municipalitySchema = z.object({
  id: z.string(),
  name: z.string(),
  team: z.object({ name: z.string(), phone: z.string(), email: z.string(), hours: z.string() }),
  crisisLines: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string(), when: z.string() })),
  districts: z.array(z.object({ id: z.string(), name: z.string(), neighbourhoods: z.array(z.string()), postcodeAreas: z.array(z.string()) })),
});

const lookupBody = z.strictObject({ postcode: postcodeSchema });

const lookupResult = z.object({
  postcodeArea: z.string(),
  district: z.object({ id: z.string(), name: z.string() }),
  initiatives: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), email: z.string(), topics: z.array(z.string()) })),
});

export function registerMunicipality(router: ContractRouter, deps: PublicApiDeps): void {
  const m = deps.municipality;

  router.add(
    {
      method: 'get',
      path: '/municipality',
      operationId: 'getMunicipality',
      access: 'public',
      tags: ['municipality'],
      summary: 'The municipality this Wijkloket serves: district team contact, crisis lines and districts',
      query: langQuery,
      responses: {
        200: { description: 'The municipality', schema: municipalitySchema },
        400: { description: 'A query parameter is invalid', problem: true },
      },
    },
    (c) => {
      const locale = c.get('locale');
      const body: z.infer<typeof municipalitySchema> = {
        id: m.id,
        name: m.name,
        team: { name: m.team.name[locale], phone: m.team.phone, email: m.team.email, hours: m.team.hours[locale] },
        crisisLines: m.crisisLines.map((l) => ({ id: l.id, name: l.name[locale], phone: l.phone, when: l.when[locale] })),
        districts: m.districts.map((d) => ({ id: d.id, name: d.name, neighbourhoods: d.neighbourhoods, postcodeAreas: d.postcodes })),
      };
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(body);
    },
  );

  // A POST, so that a postcode never lands in URLs and access logs.
  router.add(
    {
      method: 'post',
      path: '/district-lookups',
      operationId: 'lookupDistrict',
      access: 'public',
      tags: ['municipality'],
      summary: 'Which district does a postcode belong to, and which citizen initiatives are there?',
      query: langQuery,
      body: lookupBody,
      responses: {
        200: { description: 'The district and its initiatives', schema: lookupResult },
        400: { description: 'The body is not valid JSON or a field is invalid', problem: true },
        413: { description: 'The body is too large', problem: true },
        415: { description: 'The body is not JSON', problem: true },
        422: { description: 'The postcode is not in this municipality', problem: true },
      },
    },
    async (c, { body: { postcode } }) => {
      const locale = c.get('locale');
      const found = await lookupNeighbourhood(deps.repo, m.id, postcode);
      if (!found) return problem(c, 'postcode-outside', { params: { municipality: m.name } });
      const result: z.infer<typeof lookupResult> = {
        postcodeArea: found.postcodeArea,
        district: { id: found.district.districtId, name: found.district.name },
        initiatives: found.initiatives.map((i) => ({
          id: i.initiativeId,
          name: i.name,
          description: i.description[locale],
          email: i.email,
          topics: i.topics,
        })),
      };
      return c.json(result);
    },
  );
}
