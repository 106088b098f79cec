// Which municipality this deployment serves. Another municipality is another JSON file beside this one
// and MUNICIPALITY=<id> in the environment (the CDK stack sets it for every function).
import { parseMunicipality, type Municipality } from '../domain/municipality';
import zaanstad from './municipalities/zaanstad.json' with { type: 'json' };

const municipalities: Record<string, unknown> = { zaanstad };

export const DEFAULT_MUNICIPALITY = 'zaanstad';

let cached: Municipality | undefined;

export function currentMunicipality(id = process.env.MUNICIPALITY ?? DEFAULT_MUNICIPALITY): Municipality {
  if (cached?.id === id) return cached;
  const data = municipalities[id];
  if (!data) throw new Error(`Unknown municipality "${id}": add functions/config/municipalities/${id}.json`);
  cached = parseMunicipality(data);
  return cached;
}
