// Builds the engine and the services on top of it from a store configuration: the one place that wires
// stores to the engine, for Lambda handlers, the local platform and the benchmarks.
import { SignInDesk } from '../accounts/sign-in-desk';
import { currentMunicipality } from '../config/municipality';
import { AccountStore } from '../store/account-store';
import { ResidentDesk } from '../resident/desk';
import { ClaimDesk } from '../volunteering/claims';
import { VolunteerFeed } from '../volunteering/feed';
import { VolunteerDesk } from '../volunteering/volunteer-desk';
import { createDocumentClient, type StoreConfig } from '../store/client';
import { Repository } from '../store/repository';
import { RequestStore } from '../store/request-store';
import { ResidentStore } from '../store/resident-store';
import { VolunteerStore } from '../store/volunteer-store';
import { SteppedCareEngine, type EngineDeps } from './stepped-care';

export interface ServiceOptions {
  clock?: () => Date;
  matching?: EngineDeps['matching'];
  onMatchDue?: EngineDeps['onMatchDue'];
}

export function createServices(store: StoreConfig, municipalityId?: string, options: ServiceOptions = {}) {
  const client = createDocumentClient(store);
  const repo = new Repository(client, store.tableName);
  return servicesOn(repo, municipalityId, options);
}

export function servicesOn(repo: Repository, municipalityId?: string, options: ServiceOptions = {}) {
  const { clock } = options;
  const requests = new RequestStore(repo, repo.client);
  const residents = new ResidentStore(repo);
  const volunteers = new VolunteerStore(repo);
  const municipality = currentMunicipality(municipalityId);
  const engine = new SteppedCareEngine({
    repo,
    requests,
    volunteers,
    municipality,
    ...(clock ? { clock } : {}),
    ...(options.matching ? { matching: options.matching } : {}),
    ...(options.onMatchDue ? { onMatchDue: options.onMatchDue } : {}),
  });
  const desk = new ResidentDesk({ engine, requests, residents, ...(clock ? { clock } : {}) });
  const accounts = new AccountStore(repo, clock);
  const signIn = new SignInDesk(accounts, clock);
  const volunteering = new VolunteerDesk({ repo, volunteers, accounts, engine, municipality, ...(clock ? { clock } : {}) });
  const feed = new VolunteerFeed({ repo, volunteers, municipality, ...(clock ? { clock } : {}) });
  const claims = new ClaimDesk({ repo, engine, requests, residents, ...(clock ? { clock } : {}) });
  return { repo, requests, residents, volunteers, engine, desk, signIn, volunteering, feed, claims, municipality };
}

export type Services = ReturnType<typeof servicesOn>;

export function createEngine(store: StoreConfig, municipalityId?: string): SteppedCareEngine {
  return createServices(store, municipalityId).engine;
}
