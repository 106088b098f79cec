// A stepped-care engine on a fresh table of the shared DynamoDB Local, with a clock the test controls.
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { servicesOn } from '../../functions/apps/wiring/services';
import { SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { helperPoolOn } from '../../functions/apps/wiring/helper-pool';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { RequestStore } from '../../functions/stepped-care/store/request-store';
import { VolunteerStore } from '../../functions/volunteers/store/volunteer-store';
import { OutboxStore } from '../../functions/platform/dynamodb/outbox';
import { TestClock, TEST_LINK_KEY } from './fixtures';

export { groceries, TestClock, TEST_LINK_KEY, volunteer } from './fixtures';
import { freshRepository } from './store';

export async function engineOnFreshTable(start = new Date('2026-11-24T09:00:00Z')) {
  const repo = await freshRepository();
  const municipality = currentMunicipality('zaanstad');
  await seedMunicipality(repo, municipality);
  const client = repo.client;
  const requests = new RequestStore(repo, client);
  const volunteers = new VolunteerStore(repo);
  const clock = new TestClock(start);
  const helpers = helperPoolOn(repo);
  const engine = new SteppedCareEngine({ requests, helpers, municipality, clock: clock.read });
  return { engine, repo, requests, volunteers, helpers, clock, municipality, outbox: new OutboxStore(repo) };
}

/** The resident's desk on a fresh table, with the test's clock. */
export async function deskOnFreshTable(start = new Date('2026-11-24T09:00:00Z')) {
  const repo = await freshRepository();
  const clock = new TestClock(start);
  const services = servicesOn(repo, 'zaanstad', {
    clock: clock.read,
    linkKey: () => Promise.resolve(TEST_LINK_KEY),
    statusTokenKey: () => Promise.resolve('test-status-token-key'),
    relyingParty: () => ({ id: 'localhost', name: 'Wijkloket', origins: ['http://localhost'] }),
  });
  await seedMunicipality(repo, services.municipality);
  return { ...services, clock };
}

export { intake } from './fixtures';
