// A new request as the engine takes it: validated once, at the boundary, and resolved against the
// municipality (its topic and district). The engine trusts this value and parses nothing again.
import * as z from 'zod/mini';
import { DomainError } from '../../kernel/errors';
import { districtForPostcode, postcodeArea, postcodeSchema, type District, type Municipality } from '../../kernel/municipality';
import { findTopic, type Topic } from '../../kernel/topics';
import { triageInputOf, type ResidentIntake } from './intake';
import { triageInputSchema, type TriageInput } from './triage';

export interface NewRequest {
  triage: TriageInput;
  topic: Topic;
  district: District;
  postcodeArea: string;
  /** Language the resident wants to be helped in (two letters). */
  language: string;
}

/**
 * From a resident's intake, which the boundary (the site's form, the API's contract) validated with
 * intakeSchema: only what a schema cannot know is checked here (the topic exists, the postcode is ours).
 */
export function newRequestOf(intake: ResidentIntake, municipality: Municipality): NewRequest {
  return resolve(triageInputOf(intake), intake.postcode, intake.language, municipality);
}

/** Built on first use: the functions that only take a validated intake never pay for it at a cold start. */
let rawRequestSchema: z.ZodMiniType<TriageInput & { postcode: string; language: string }> | undefined;

/** For callers without a form (simulations, benchmarks, imports): everything validated, then resolved. */
export function parseNewRequest(input: unknown, municipality: Municipality): NewRequest {
  rawRequestSchema ??= z.extend(triageInputSchema, { postcode: postcodeSchema, language: z.string().check(z.regex(/^[a-z]{2}$/)) });
  const parsed = z.safeParse(rawRequestSchema, input);
  if (!parsed.success) {
    throw new DomainError('invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), {
      fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(','),
    });
  }
  const { postcode, language, ...triage } = parsed.data;
  return resolve(triage, postcode, language, municipality);
}

function resolve(triage: TriageInput, postcode: string, language: string, municipality: Municipality): NewRequest {
  const topic = findTopic(triage.topicId);
  if (!topic) throw new DomainError('unknown-topic', `unknown topic ${triage.topicId}`, { topicId: triage.topicId });
  const district = districtForPostcode(municipality, postcode);
  if (!district) throw new DomainError('postcode-outside', `postcode is not in ${municipality.name}`);
  return { triage, topic, district, postcodeArea: postcodeArea(postcode), language };
}
