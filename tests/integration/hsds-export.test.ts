// The initiatives directory as Open Referral HSDS 3, validated with ajv against the specification's own
// compiled organization schema (vendored in tests/standards/hsds), through the public API.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPublicApi } from '../../functions/apps/public-api/app';
import { stableUuid } from '../../functions/initiatives/app/hsds';
import { TEST_KEYS } from '../support/fixtures';
import { servicesOn } from '../../functions/apps/wiring/services';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { freshRepository, silentLogger } from '../support/store';

let api: ReturnType<typeof createPublicApi>;

beforeAll(async () => {
  const repo = await freshRepository();
  const services = servicesOn(repo, 'zaanstad', TEST_KEYS);
  await seedMunicipality(repo, services.municipality);
  api = createPublicApi({ ...services, logger: silentLogger(), version: 'test' });
});

function validator() {
  // The HSDS schemas carry their own annotations (constraints, core, example) and a "csv" format.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('csv', true);
  return ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '../standards/hsds/organization.json'), 'utf8')) as object);
}

describe('HSDS export', () => {
  it('lists every initiative as a valid HSDS organization with a service, locations and service areas', async () => {
    const res = await api.request('/api/v1/open-data/hsds/organizations?lang=en');
    expect(res.status).toBe(200);
    const organizations = (await res.json()) as { id: string; name: string; services: { service_areas: unknown[] }[]; locations: unknown[] }[];
    expect(organizations.map((o) => o.name)).toContain('Taalcafé Rosmolen');
    const validate = validator();
    for (const organization of organizations) {
      const ok = validate(organization);
      expect(ok, `${organization.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(organization.services).toHaveLength(1);
      expect(organization.services[0]!.service_areas.length).toBeGreaterThan(0);
      expect(organization.locations.length).toBeGreaterThan(0);
    }
  });

  it('is stable: the same ids in every export, and an invalid organization is caught by the check', async () => {
    const a = await (await api.request('/api/v1/open-data/hsds/organizations')).json();
    const b = await (await api.request('/api/v1/open-data/hsds/organizations')).json();
    expect(a).toEqual(b);
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const validate = validator();
    expect(validate({ ...(a as object[])[0]!, id: 'not-a-uuid' })).toBe(false);
  });
});
