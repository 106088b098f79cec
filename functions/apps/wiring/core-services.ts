// The engine and the resident's desk on a store: what the API and the safety net need, in a module of its
// own so their bundles do not carry the volunteers' and accounts' code (services.ts builds the rest).
import { currentMunicipality } from '../../platform/config/municipality';
import { createDocumentClient, type StoreConfig } from '../../platform/dynamodb/client';
import { Repository } from '../../platform/dynamodb/repository';
import { RequestStore } from '../../stepped-care/store/request-store';
import { ResidentStore } from '../../stepped-care/store/resident-store';
import { VolunteerStore } from '../../volunteers/store/volunteer-store';
import { helperPoolOn } from './helper-pool';
import type { EngineDeps } from '../../stepped-care/app/engine';
import { steppedCareOn } from './stepped-care';
import type { KeySource } from '../../platform/config/link-key';

const NO_STATUS_TOKEN_KEY: KeySource = () => Promise.reject(new Error('no status link key was configured for these services'));

export interface ServiceOptions {
  clock?: () => Date;
  /** The server secret residents' status links are made with (see config/link-key.ts). */
  statusTokenKey?: KeySource;
  matching?: EngineDeps['matching'];
  onMatchDue?: EngineDeps['onMatchDue'];
}

/**
 * The engine and the resident's desk only: for the API and the safety net, whose cold starts should not
 * load the volunteers' and accounts' code they never use.
 */
export function createCoreServices(store: StoreConfig, municipalityId?: string, options: ServiceOptions = {}) {
  return coreServicesOn(new Repository(createDocumentClient(store), store.tableName), municipalityId, options);
}

export function coreServicesOn(repo: Repository, municipalityId?: string, options: ServiceOptions = {}) {
  const { clock } = options;
  const requests = new RequestStore(repo, repo.client);
  const residents = new ResidentStore(repo);
  const volunteers = new VolunteerStore(repo);
  const municipality = currentMunicipality(municipalityId);
  const { engine, desk } = steppedCareOn({
    requests,
    helpers: helperPoolOn(repo),
    residents,
    municipality,
    statusTokenKey: options.statusTokenKey ?? NO_STATUS_TOKEN_KEY,
    ...(clock ? { clock } : {}),
    ...(options.matching ? { matching: options.matching } : {}),
    ...(options.onMatchDue ? { onMatchDue: options.onMatchDue } : {}),
  });
  return { repo, requests, residents, volunteers, engine, desk, municipality };
}
