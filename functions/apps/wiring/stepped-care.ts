// The engine and the resident's desk on whichever adapters a wiring chose: built the same way in AWS, locally
// and in memory. Imports the two modules directly so the API's bundle stays small.
import { ResidentDesk, type ResidentDeskDeps } from '../../stepped-care/app/resident-desk';
import { SteppedCareEngine, type EngineDeps } from '../../stepped-care/app/engine';

export type SteppedCarePorts = Pick<EngineDeps, 'requests' | 'helpers' | 'municipality' | 'clock' | 'random' | 'matching' | 'onMatchDue'> &
  Pick<ResidentDeskDeps, 'residents' | 'statusTokenKey'>;

export function steppedCareOn(ports: SteppedCarePorts): { engine: SteppedCareEngine; desk: ResidentDesk } {
  const { residents, statusTokenKey, ...engineDeps } = ports;
  const engine = new SteppedCareEngine(engineDeps);
  const { requests, municipality, clock } = ports;
  const desk = new ResidentDesk({ engine, requests, residents, municipality, statusTokenKey, ...(clock ? { clock } : {}) });
  return { engine, desk };
}
