// The one topic catalogue, used by the engine, the API and the site. Each topic says where a request starts
// on the stepped-care ladder, its risks, whether helpers need a certificate of conduct (VOG), self-help tips
// (their words, with the topic's name and description, are in the catalogues: platform/i18n), and how fast
// someone must respond per urgency.

export const LEVELS = ['own-strength', 'zeroth-line', 'collective', 'district-team'] as const;
export type Level = (typeof LEVELS)[number];

export const URGENCIES = ['today', 'this-week', 'no-rush'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Most urgent first: the order of URGENCIES, as a number for sort keys and ranking. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCIES.indexOf(urgency);
}

/** A known risk that takes a question past the 0th line. */
export type RiskFlag = 'debts' | 'parenting' | 'addiction' | 'safety' | 'mental-health' | 'personal-care' | 'housing-loss' | 'income';

export interface Topic {
  id: string;
  defaultLevel: Level;
  riskFlags: readonly RiskFlag[];
  /** Helpers need a valid certificate of conduct (Verklaring Omtrent het Gedrag). */
  requiresVog: boolean;
  /** How many self-help tips the catalogue has for it (`topic.<id>.tip.1` …); their words are in platform/i18n. */
  tips: number;
  /** Hours within which a human must respond, per urgency, at the 0th line. */
  responseHours: Record<Urgency, number>;
}

const quick = { today: 4, 'this-week': 48, 'no-rush': 120 } as const;
const careful = { today: 4, 'this-week': 24, 'no-rush': 72 } as const;

export const TOPICS = [
  {
    id: 'groceries-errands',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    tips: 1,
    responseHours: quick,
  },
  {
    id: 'transport-accompaniment',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    tips: 1,
    responseHours: quick,
  },
  {
    id: 'odd-jobs',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    tips: 1,
    responseHours: quick,
  },
  {
    id: 'company-loneliness',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    tips: 1,
    responseHours: quick,
  },
  {
    id: 'paperwork-forms',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    tips: 1,
    responseHours: quick,
  },
  {
    id: 'money-debts',
    defaultLevel: 'district-team',
    riskFlags: ['debts'],
    requiresVog: true,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'parenting',
    defaultLevel: 'district-team',
    riskFlags: ['parenting'],
    requiresVog: true,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'care-at-home',
    defaultLevel: 'collective',
    riskFlags: ['personal-care'],
    requiresVog: true,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'housing',
    defaultLevel: 'collective',
    riskFlags: ['housing-loss'],
    requiresVog: false,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'work-income',
    defaultLevel: 'collective',
    riskFlags: ['income'],
    requiresVog: false,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'mental-wellbeing',
    defaultLevel: 'district-team',
    riskFlags: ['mental-health', 'addiction'],
    requiresVog: true,
    tips: 1,
    responseHours: careful,
  },
  {
    id: 'something-else',
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    tips: 0,
    responseHours: quick,
  },
] as const satisfies readonly Topic[];

export type TopicId = (typeof TOPICS)[number]['id'];
export const TOPIC_IDS = TOPICS.map((t) => t.id) as TopicId[];

const byId = new Map<string, Topic>(TOPICS.map((t) => [t.id, t]));

export function findTopic(id: string): Topic | undefined {
  return byId.get(id);
}

/** Risk flags that take a request to the district team; the others go to collective provision. */
export const TEAM_RISKS: ReadonlySet<RiskFlag> = new Set(['debts', 'parenting', 'addiction', 'safety', 'mental-health']);
