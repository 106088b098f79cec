// A stepped-care engine on a fresh table of the shared DynamoDB Local, with a clock the test controls.
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { servicesOn } from '../../functions/apps/wiring/services';
import { SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { helperPoolOn } from '../../functions/apps/wiring/helper-pool';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { RequestStore } from '../../functions/stepped-care/store/request-store';
import { VolunteerStore, type StoredVolunteer } from '../../functions/volunteers/store/volunteer-store';
import { freshRepository } from './store';

export class TestClock {
  constructor(public now: Date) {}
  advanceHours(hours: number): void {
    this.now = new Date(this.now.getTime() + hours * 3_600_000);
  }
  read = () => this.now;
}

export async function engineOnFreshTable(start = new Date('2026-11-24T09:00:00Z')) {
  const repo = await freshRepository();
  const municipality = currentMunicipality('zaanstad');
  await seedMunicipality(repo, municipality);
  const client = repo.client;
  const requests = new RequestStore(repo, client);
  const volunteers = new VolunteerStore(repo);
  const clock = new TestClock(start);
  const helpers = helperPoolOn(repo, municipality);
  const engine = new SteppedCareEngine({ requests, helpers, municipality, clock: clock.read });
  return { engine, repo, requests, volunteers, helpers, clock, municipality };
}

export function volunteer(overrides: Partial<StoredVolunteer> & { volunteerId: string }): StoredVolunteer {
  return {
    name: overrides.volunteerId,
    email: `${overrides.volunteerId}@vrijwilliger.example`,
    status: 'approved',
    homeDistrictId: 'zaandam-zuid',
    districts: ['zaandam-zuid'],
    maxDistanceKm: 2,
    topics: ['groceries-errands'],
    languages: ['nl'],
    availableDays: [1, 2, 3, 4, 5, 6, 7],
    openClaims: 0,
    maxOpenClaims: 3,
    ...overrides,
  };
}

export const groceries = {
  topicId: 'groceries-errands',
  description: 'Ik kan door mijn heup niet naar de supermarkt. Wie kan boodschappen doen?',
  urgency: 'this-week',
  dangerNow: false,
  wantsProfessional: false,
  formalWmoRequest: false,
  postcode: '1502 AB',
  language: 'nl',
};

/** The key test services sign referral links with (the local platform makes its own). */
export const TEST_LINK_KEY = 'test-link-key-'.repeat(4);

/** The resident's desk on a fresh table, with the test's clock. */
export async function deskOnFreshTable(start = new Date('2026-11-24T09:00:00Z')) {
  const repo = await freshRepository();
  const clock = new TestClock(start);
  const services = servicesOn(repo, 'zaanstad', { clock: clock.read, linkKey: () => Promise.resolve(TEST_LINK_KEY) });
  await seedMunicipality(repo, services.municipality);
  return { ...services, clock };
}

export { intake } from './fixtures';
