// Builds the engine from a store configuration: the one place that wires stores to the engine.
import { currentMunicipality } from '../config/municipality';
import { createDocumentClient, type StoreConfig } from '../store/client';
import { Repository } from '../store/repository';
import { RequestStore } from '../store/request-store';
import { VolunteerStore } from '../store/volunteer-store';
import { SteppedCareEngine } from './stepped-care';

export function createEngine(store: StoreConfig, municipalityId?: string): SteppedCareEngine {
  const client = createDocumentClient(store);
  const repo = new Repository(client, store.tableName);
  return new SteppedCareEngine({
    repo,
    requests: new RequestStore(repo, client),
    volunteers: new VolunteerStore(repo),
    municipality: currentMunicipality(municipalityId),
  });
}
