// Triage: a request in, a first level on the stepped-care ladder out, with reasons a resident and a
// professional both understand. The rules apply in order; the first that fires decides.
import * as z from 'zod/mini';
import { detectCrisis, type CrisisKind } from './crisis';
import { DomainError } from '../../kernel/errors';
import type { Locale } from '../../kernel/municipality';
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
});

export type TriageInput = z.infer<typeof triageInputSchema>;

export type TriageRule = 'safety' | 'wish-for-professional' | 'formal-wmo-request' | 'topic-risk' | 'own-strength' | 'default-zeroth-line';

export interface Reason {
  code: TriageRule | `risk:${string}` | `crisis:${CrisisKind}`;
  text: Record<Locale, string>;
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

export function triage(input: TriageInput): TriageDecision {
  const topic = findTopic(input.topicId);
  if (!topic) throw new DomainError('unknown-topic', `unknown topic ${input.topicId}`, { topicId: input.topicId });
  const base = { crisis: false, showEmergencyNumbers: false, startsWmoClock: false };
  const priority = urgencyPriority[input.urgency];

  // 1. Safety first: the answer to the safety question, or crisis words in the resident's own text.
  const crisisKinds = detectCrisis(input.description);
  if (input.dangerNow || crisisKinds.length > 0) {
    return {
      ...base,
      level: 'district-team',
      priority: 'crisis',
      rule: 'safety',
      crisis: true,
      showEmergencyNumbers: true,
      reasons: [
        {
          code: 'safety',
          text: input.dangerNow
            ? {
                nl: 'U gaf aan dat iemand in gevaar kan zijn. Een professional van het wijkteam pakt dit meteen op. Is er nu gevaar? Bel 112.',
                en: 'You told us someone may be in danger. A professional from the district team picks this up straight away. Is there danger now? Call 112.',
              }
            : {
                nl: 'Wat u schreef, klinkt alsof het nu niet veilig of niet goed gaat. Een professional van het wijkteam pakt dit meteen op. Is er nu gevaar? Bel 112.',
                en: 'What you wrote sounds as if things are not safe or not right just now. A professional from the district team picks this up straight away. Is there danger now? Call 112.',
              },
        },
        ...crisisKinds.map((kind): Reason => ({ code: `crisis:${kind}`, text: CRISIS_TEXT[kind] })),
      ],
    };
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
          text: {
            nl: 'U wilt met een professional praten. Daarom gaat uw vraag naar het wijkteam.',
            en: 'You want to talk to a professional. That is why your question goes to the district team.',
          },
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
          text: {
            nl: 'U doet een officiële melding voor de Wmo. Het wijkteam onderzoekt binnen 6 weken wat u nodig hebt.',
            en: 'You are making a formal Wmo request. The district team looks into what you need within 6 weeks.',
          },
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
          text: toTeam
            ? {
                nl: `Bij "${topic.label.nl}" helpt een professional van het wijkteam u het best. Zo krijgt u de juiste hulp.`,
                en: `For "${topic.label.en}" a professional from the district team can help you best. That way you get the right help.`,
              }
            : {
                nl: `Voor "${topic.label.nl}" heeft de gemeente vaste voorzieningen. Het wijkteam zoekt de juiste voor u.`,
                en: `For "${topic.label.en}" the municipality has standard services. The district team finds the right one for you.`,
              },
        },
      ],
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
          text: {
            nl: 'U wilt het eerst zelf proberen. U krijgt tips, en u kunt altijd alsnog hulp vragen.',
            en: 'You want to try yourself first. You get tips, and you can always ask for help later.',
          },
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
        text: {
          nl: 'Wij zoeken eerst iemand in uw buurt: een vrijwilliger of een initiatief. Lukt dat niet op tijd, dan helpt het wijkteam.',
          en: 'We first look for someone near you: a volunteer or an initiative. If that does not work out in time, the district team helps.',
        },
      },
    ],
  };
}

const CRISIS_TEXT: Record<CrisisKind, Record<Locale, string>> = {
  suicide: {
    nl: 'Denkt u aan zelfmoord? Praat erover met 113 Zelfmoordpreventie: bel 0800-0113, gratis en dag en nacht.',
    en: 'Are you thinking about suicide? Talk to 113 Suicide Prevention: call 0800-0113, free, day and night.',
  },
  violence: {
    nl: 'Gaat het om geweld thuis? Bel Veilig Thuis: 0800-2000, gratis en dag en nacht.',
    en: 'Is it about violence at home? Call Veilig Thuis: 0800-2000, free, day and night.',
  },
  danger: {
    nl: 'Is er nu direct gevaar? Bel 112.',
    en: 'Is there danger right now? Call 112.',
  },
};
