// Triage: a request in, a first level on the stepped-care ladder out, with reasons a resident and a
// professional both understand. The rules apply in order; the first that fires decides.
import * as z from 'zod/mini';
import { detectCrisis, type CrisisKind } from './crisis';
import { DomainError } from '../../kernel/errors';
import { findTopic, TEAM_RISKS, URGENCIES, type Level, type Topic, type Urgency } from '../../kernel/topics';

export const PRIORITIES = ['crisis', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DESCRIPTION_MAX = 2000;

export const triageInputSchema = z.strictObject({
  topicId: z.string().check(z.minLength(1), z.maxLength(64)),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(DESCRIPTION_MAX)),
  urgency: z.enum(URGENCIES),
  /** The safety question: is someone in danger right now? */
  dangerNow: z.boolean(),
  wantsProfessional: z.boolean(),
  /** A formal request for Wmo support (melding): starts the legal clocks. */
  formalWmoRequest: z.boolean(),
  /** "I only want tips, nobody needs to contact me." */
  onlySelfHelp: z.optional(z.boolean()),
  /** False when the resident lets neither volunteers nor initiatives see the request: only the team can help. */
  zerothLineMaySee: z.optional(z.boolean()),
  /**
   * False when a helper could not reach the resident at all: no contact wanted and nobody needs to come by
   * (so no address). A volunteer cannot act on that; the team can, through the resident's status page.
   */
  helpersCanReach: z.optional(z.boolean()),
});

export type TriageInput = z.infer<typeof triageInputSchema>;

export type TriageRule =
  | 'safety'
  | 'wish-for-professional'
  | 'formal-wmo-request'
  | 'topic-risk'
  | 'no-consent-for-zeroth-line'
  | 'unreachable-for-helpers'
  | 'own-strength'
  | 'default-zeroth-line';

/** The catalogue keys of the reasons (functions/platform/i18n): the domain names a reason, the reader words it. */
export const REASON_KEYS = [
  'reason.safety.danger-now',
  'reason.safety.words',
  'reason.crisis.suicide',
  'reason.crisis.violence',
  'reason.crisis.danger',
  'reason.wish-for-professional',
  'reason.no-consent',
  'reason.unreachable-for-helpers',
  'reason.formal-wmo-request',
  'reason.risk.team',
  'reason.risk.collective',
  'reason.own-strength',
  'reason.default-zeroth-line',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

/** Why a request goes where it goes: a code for machines, a catalogue key and parameters for people. */
export interface Reason {
  code: TriageRule | `risk:${string}` | `crisis:${CrisisKind}`;
  key: ReasonKey;
  /** `topicId`: worded as the topic's label in the reader's language. */
  params?: Record<string, string>;
}

export interface TriageDecision {
  level: Level;
  priority: Priority;
  rule: TriageRule;
  crisis: boolean;
  /** Show 112, Veilig Thuis and 113 at once, on the next page and on the receipt. */
  showEmergencyNumbers: boolean;
  startsWmoClock: boolean;
  reasons: Reason[];
}

/** Validates intake input; throws a DomainError the HTTP layer turns into a translated 4xx. */
export function parseTriageInput(input: unknown): TriageInput & { topic: Topic } {
  const parsed = z.safeParse(triageInputSchema, input);
  if (!parsed.success) {
    throw new DomainError('invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), {
      fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(','),
    });
  }
  const topic = findTopic(parsed.data.topicId);
  if (!topic) throw new DomainError('unknown-topic', `unknown topic ${parsed.data.topicId}`, { topicId: parsed.data.topicId });
  return { ...parsed.data, topic };
}

const urgencyPriority: Record<Urgency, Priority> = { today: 'high', 'this-week': 'normal', 'no-rush': 'low' };

/**
 * The safety rule's findings, from whatever is answered so far: danger now (the resident's answer), and the
 * crisis words in their own text; none when neither. Triage's first rule, and what a form shows the crisis
 * lines for before the rest is asked (firstCrisisLine picks the one to show first).
 */
export function safetyReasons(input: { description: string; dangerNow?: boolean | undefined }): Reason[] {
  const crisisKinds = detectCrisis(input.description);
  if (!input.dangerNow && crisisKinds.length === 0) return [];
  return [
    { code: 'safety', key: input.dangerNow ? 'reason.safety.danger-now' : 'reason.safety.words' },
    ...crisisKinds.map((kind): Reason => ({ code: `crisis:${kind}`, key: `reason.crisis.${kind}` })),
  ];
}

export function triage(input: TriageInput): TriageDecision {
  const topic = findTopic(input.topicId);
  if (!topic) throw new DomainError('unknown-topic', `unknown topic ${input.topicId}`, { topicId: input.topicId });
  const base = { crisis: false, showEmergencyNumbers: false, startsWmoClock: false };
  const priority = urgencyPriority[input.urgency];

  // 1. Safety first: the answer to the safety question, or crisis words in the resident's own text.
  const safety = safetyReasons(input);
  if (safety.length > 0) {
    return { ...base, level: 'district-team', priority: 'crisis', rule: 'safety', crisis: true, showEmergencyNumbers: true, reasons: safety };
  }

  // 2. The resident's own wish to speak to a professional is honoured.
  if (input.wantsProfessional) {
    return {
      ...base,
      level: 'district-team',
      priority,
      rule: 'wish-for-professional',
      reasons: [
        {
          code: 'wish-for-professional',
          key: 'reason.wish-for-professional',
        },
      ],
    };
  }

  // 3. A formal Wmo request goes to the team and starts the legal clocks; no neighbour match may swallow it.
  if (input.formalWmoRequest) {
    return {
      ...base,
      level: 'district-team',
      priority,
      rule: 'formal-wmo-request',
      startsWmoClock: true,
      reasons: [
        {
          code: 'formal-wmo-request',
          key: 'reason.formal-wmo-request',
        },
      ],
    };
  }

  // 4. Topics with known risks go to the team, or to collective provision.
  if (topic.riskFlags.length > 0) {
    const toTeam = topic.riskFlags.some((flag) => TEAM_RISKS.has(flag));
    return {
      ...base,
      level: toTeam ? 'district-team' : 'collective',
      priority,
      rule: 'topic-risk',
      reasons: [
        {
          code: `risk:${topic.riskFlags[0]}`,
          key: toTeam ? 'reason.risk.team' : 'reason.risk.collective',
          params: { topicId: topic.id },
        },
      ],
    };
  }

  // 4b. Nobody of the 0th line may see it (the resident's choice): the team, and the reason said as it is.
  if (input.zerothLineMaySee === false && !input.onlySelfHelp) {
    return {
      ...base,
      level: 'district-team',
      priority,
      rule: 'no-consent-for-zeroth-line',
      reasons: [{ code: 'no-consent-for-zeroth-line', key: 'reason.no-consent' }],
    };
  }

  // 4c. Nobody of the 0th line could reach the resident (no contact, no visit): not offered as it is. The
  // form asks for a way to reach them first; sent like this, the team picks it up through the status page.
  if (input.helpersCanReach === false && !input.onlySelfHelp) {
    return {
      ...base,
      level: 'district-team',
      priority,
      rule: 'unreachable-for-helpers',
      reasons: [{ code: 'unreachable-for-helpers', key: 'reason.unreachable-for-helpers' }],
    };
  }

  // 5. Only tips wanted: own strength.
  if (input.onlySelfHelp) {
    return {
      ...base,
      level: 'own-strength',
      priority: 'low',
      rule: 'own-strength',
      reasons: [
        {
          code: 'own-strength',
          key: 'reason.own-strength',
        },
      ],
    };
  }

  // 6. Everything else starts close by: neighbours, volunteers and initiatives.
  return {
    ...base,
    level: 'zeroth-line',
    priority,
    rule: 'default-zeroth-line',
    reasons: [
      {
        code: 'default-zeroth-line',
        key: 'reason.default-zeroth-line',
      },
    ],
  };
}
