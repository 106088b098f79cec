import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LOCALES, postcodeArea, postcodeSchema } from '../../../domain/municipality';
import { problem } from '../../../http/problem';
import { problemResponses } from '../../../http/openapi';
import type { AppEnv } from '../../../http/types';
import { findDistrictByPostcodeArea, listInitiativesInDistrict } from '../../../store/municipality-store';
import type { PublicApiDeps } from '../deps';

const langQuery = z.object({ lang: z.enum(LOCALES).optional().openapi({ description: 'Response language; default from Accept-Language, else nl' }) });

const crisisLineSchema = z.object({ id: z.string(), name: z.string(), phone: z.string(), when: z.string() }).openapi('CrisisLine');
const districtSchema = z
  .object({ id: z.string(), name: z.string(), neighbourhoods: z.array(z.string()), postcodeAreas: z.array(z.string()) })
  .openapi('District');
const municipalitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    team: z.object({ name: z.string(), phone: z.string(), email: z.string(), hours: z.string() }),
    crisisLines: z.array(crisisLineSchema),
    districts: z.array(districtSchema),
  })
  .openapi('Municipality');

const getMunicipality = createRoute({
  method: 'get',
  path: '/municipality',
  operationId: 'getMunicipality',
  tags: ['municipality'],
  summary: 'The municipality this Wijkloket serves: district team contact, crisis lines and districts',
  request: { query: langQuery },
  responses: {
    200: { description: 'The municipality', content: { 'application/json': { schema: municipalitySchema } } },
    ...problemResponses(400),
  },
});

const lookupBody = z
  .object({ postcode: postcodeSchema })
  .strict()
  .openapi('DistrictLookupRequest', {
    description: 'A Dutch postcode; only its four digits are used',
    example: { postcode: '1503 AB' },
  });

const initiativeSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), email: z.string(), topics: z.array(z.string()) })
  .openapi('InitiativeSummary');

const lookupResult = z
  .object({ postcodeArea: z.string(), district: z.object({ id: z.string(), name: z.string() }), initiatives: z.array(initiativeSchema) })
  .openapi('DistrictLookupResult');

// A POST, so that a postcode never lands in URLs and access logs.
const lookupDistrict = createRoute({
  method: 'post',
  path: '/district-lookups',
  operationId: 'lookupDistrict',
  tags: ['municipality'],
  summary: 'Which district does a postcode belong to, and which citizen initiatives are there?',
  request: {
    query: langQuery,
    body: { required: true, content: { 'application/json': { schema: lookupBody } } },
  },
  responses: {
    200: { description: 'The district and its initiatives', content: { 'application/json': { schema: lookupResult } } },
    ...problemResponses(400, 413, 415, 422),
  },
});

export function registerMunicipality(app: OpenAPIHono<AppEnv>, deps: PublicApiDeps): void {
  const m = deps.municipality;

  app.openapi(getMunicipality, (c) => {
    const locale = c.get('locale');
    return c.json(
      {
        id: m.id,
        name: m.name,
        team: { name: m.team.name[locale], phone: m.team.phone, email: m.team.email, hours: m.team.hours[locale] },
        crisisLines: m.crisisLines.map((l) => ({ id: l.id, name: l.name[locale], phone: l.phone, when: l.when[locale] })),
        districts: m.districts.map((d) => ({ id: d.id, name: d.name, neighbourhoods: d.neighbourhoods, postcodeAreas: d.postcodes })),
      },
      200,
    );
  });

  app.openapi(lookupDistrict, async (c) => {
    const locale = c.get('locale');
    const area = postcodeArea(c.req.valid('json').postcode);
    const district = await findDistrictByPostcodeArea(deps.repo, m.id, area);
    if (!district) return problem(c, 'postcode-outside', { params: { municipality: m.name } }) as never;
    const initiatives = await listInitiativesInDistrict(deps.repo, district.districtId);
    return c.json(
      {
        postcodeArea: area,
        district: { id: district.districtId, name: district.name },
        initiatives: initiatives.map((i) => ({
          id: i.initiativeId,
          name: i.name,
          description: i.description[locale],
          email: i.email,
          topics: i.topics,
        })),
      },
      200,
    );
  });
}
