// Open data: the initiatives directory as Open Referral HSDS 3 organizations (with their services,
// locations and service areas), at a stable URL, from the same store the engine matches on.
import * as z from 'zod/mini';
import { toHsds } from '../../../initiatives/app/hsds';
import { langQuery, type ContractRouter } from '../../../platform/http/contract';
import { listAllInitiatives } from '../../../initiatives/store/directory-store';
import type { PublicApiDeps } from '../deps';

const organization = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  email: z.string(),
  services: z.array(z.record(z.string(), z.unknown())),
  locations: z.array(z.record(z.string(), z.unknown())),
});

export function registerOpenData(router: ContractRouter, deps: PublicApiDeps): void {
  router.add(
    {
      method: 'get',
      path: '/open-data/hsds/organizations',
      operationId: 'listHsdsOrganizations',
      access: 'public',
      tags: ['open-data'],
      summary: 'The citizen initiatives as Open Referral HSDS 3 organizations, with services, locations and service areas',
      query: langQuery,
      responses: {
        200: { description: 'Every initiative, as an HSDS organization with its service', schema: z.array(organization) },
        400: { description: 'Invalid query', problem: true },
      },
    },
    async (c) => {
      const body = toHsds(await listAllInitiatives(deps.repo, deps.municipality), deps.municipality, c.get('locale'));
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(body);
    },
  );
}
