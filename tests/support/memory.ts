// The engine and every desk on in-memory adapters (no Java), seeded with the demo municipality, with a clock
// the test controls: the same shapes as engineOnFreshTable and deskOnFreshTable on DynamoDB Local.
import { memoryServices } from '../../functions/apps/wiring/memory';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { TestClock, TEST_LINK_KEY } from './fixtures';

export async function engineInMemory(start = new Date('2026-11-24T09:00:00Z')) {
  const clock = new TestClock(start);
  const services = memoryServices(currentMunicipality('zaanstad'), { clock: clock.read });
  const { engine, requests, volunteers, helpers, municipality, outbox } = services;
  return { engine, requests, volunteers, helpers, clock, municipality, outbox };
}

export async function deskInMemory(start = new Date('2026-11-24T09:00:00Z')) {
  const clock = new TestClock(start);
  return { ...memoryServices(currentMunicipality('zaanstad'), { clock: clock.read, linkKey: () => Promise.resolve(TEST_LINK_KEY) }), clock };
}
