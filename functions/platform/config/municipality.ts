// Which municipality this deployment serves. Another municipality is another JSON file beside this one,
// listed below, and MUNICIPALITY=<id> in the environment (the CDK stack sets it for every function).
//
// The files are validated against municipalitySchema by the tests, by `npm start` and by `cdk synth`
// (validateMunicipalities), so a function does not pay for validating static data on every cold start.
import { parseMunicipality, type Municipality } from '../../kernel/municipality';
import zaanstad from './municipalities/zaanstad.json' with { type: 'json' };

export const MUNICIPALITIES: Record<string, unknown> = { zaanstad };

export const DEFAULT_MUNICIPALITY = 'zaanstad';

export function currentMunicipality(id = process.env.MUNICIPALITY ?? DEFAULT_MUNICIPALITY): Municipality {
  const data = MUNICIPALITIES[id];
  if (!data) throw new Error(`Unknown municipality "${id}": add functions/platform/config/municipalities/${id}.json`);
  return data as Municipality;
}

/** Parses every configured municipality; throws on the first invalid file. */
export function validateMunicipalities(): Municipality[] {
  return Object.entries(MUNICIPALITIES).map(([id, data]) => {
    try {
      return parseMunicipality(data);
    } catch (error) {
      throw new Error(`functions/platform/config/municipalities/${id}.json is invalid: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  });
}
