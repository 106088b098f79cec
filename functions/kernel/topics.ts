// The one topic catalogue, used by the engine, the API and the site. Each topic says where a request starts
// on the stepped-care ladder, its risks, whether helpers need a certificate of conduct (VOG), self-help tips
// in plain language (B1), and how fast someone must respond per urgency.
import type { Locale } from './municipality';

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

type Text = Record<Locale, string>;

export interface Topic {
  id: string;
  label: Text;
  description: Text;
  defaultLevel: Level;
  riskFlags: readonly RiskFlag[];
  /** Helpers need a valid certificate of conduct (Verklaring Omtrent het Gedrag). */
  requiresVog: boolean;
  selfHelp: readonly Text[];
  /** Hours within which a human must respond, per urgency, at the 0th line. */
  responseHours: Record<Urgency, number>;
}

const quick = { today: 4, 'this-week': 48, 'no-rush': 120 } as const;
const careful = { today: 4, 'this-week': 24, 'no-rush': 72 } as const;

export const TOPICS = [
  {
    id: 'groceries-errands',
    label: { nl: 'Boodschappen en klusjes buiten de deur', en: 'Groceries and errands' },
    description: { nl: 'Hulp bij boodschappen, de apotheek of de post.', en: 'Help with shopping, the pharmacy or the post.' },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    selfHelp: [
      { nl: 'Veel supermarkten bezorgen aan huis. Vraag naar de kosten.', en: 'Many supermarkets deliver to your home. Ask about the costs.' },
    ],
    responseHours: quick,
  },
  {
    id: 'transport-accompaniment',
    label: { nl: 'Vervoer en begeleiding', en: 'Transport and accompaniment' },
    description: {
      nl: 'Iemand die meegaat naar de dokter, het ziekenhuis of een afspraak.',
      en: 'Someone to go with you to the doctor, the hospital or an appointment.',
    },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    selfHelp: [
      { nl: 'Met een Wmo-pas kunt u goedkoper reizen met de regiotaxi.', en: 'With a Wmo pass you can travel more cheaply by regional taxi.' },
    ],
    responseHours: quick,
  },
  {
    id: 'odd-jobs',
    label: { nl: 'Klusjes in huis', en: 'Odd jobs at home' },
    description: {
      nl: 'Een lamp ophangen, een kastje in elkaar zetten, de tuin bijhouden.',
      en: 'Hanging a lamp, putting a cupboard together, keeping the garden tidy.',
    },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: false,
    selfHelp: [{ nl: 'Huurt u? Vraag eerst of de verhuurder de klus doet.', en: 'Do you rent? First ask whether your landlord does the job.' }],
    responseHours: quick,
  },
  {
    id: 'company-loneliness',
    label: { nl: 'Gezelschap en eenzaamheid', en: 'Company and loneliness' },
    description: { nl: 'Iemand om mee te praten, te wandelen of koffie te drinken.', en: 'Someone to talk, walk or have coffee with.' },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    selfHelp: [{ nl: 'In het buurthuis is bijna elke dag een koffieochtend.', en: 'The community centre has a coffee morning almost every day.' }],
    responseHours: quick,
  },
  {
    id: 'paperwork-forms',
    label: { nl: 'Post, formulieren en administratie', en: 'Post, forms and paperwork' },
    description: { nl: 'Hulp bij brieven, formulieren of DigiD.', en: 'Help with letters, forms or DigiD.' },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    selfHelp: [
      {
        nl: 'In de bibliotheek helpt het Informatiepunt Digitale Overheid gratis.',
        en: 'At the library, the Digital Government Information Point helps for free.',
      },
    ],
    responseHours: quick,
  },
  {
    id: 'money-debts',
    label: { nl: 'Geldzorgen en schulden', en: 'Money worries and debts' },
    description: {
      nl: 'Rekeningen die u niet kunt betalen, of brieven van een incassobureau.',
      en: 'Bills you cannot pay, or letters from a debt collector.',
    },
    defaultLevel: 'district-team',
    riskFlags: ['debts'],
    requiresVog: true,
    selfHelp: [
      {
        nl: 'Open alle post, ook als het eng is. Leg de brieven op een stapel op datum.',
        en: 'Open all your post, even when it is scary. Put the letters in a pile by date.',
      },
    ],
    responseHours: careful,
  },
  {
    id: 'parenting',
    label: { nl: 'Opvoeden en opgroeien', en: 'Parenting' },
    description: { nl: 'Zorgen over uw kind, of vragen over opvoeden.', en: 'Worries about your child, or questions about raising children.' },
    defaultLevel: 'district-team',
    riskFlags: ['parenting'],
    requiresVog: true,
    selfHelp: [
      {
        nl: 'Het Centrum voor Jeugd en Gezin beantwoordt vragen over opvoeden.',
        en: 'The Youth and Family Centre answers questions about parenting.',
      },
    ],
    responseHours: careful,
  },
  {
    id: 'care-at-home',
    label: { nl: 'Zorg en hulp thuis', en: 'Care and help at home' },
    description: { nl: 'Hulp bij het huishouden, wassen of aankleden.', en: 'Help with housework, washing or dressing.' },
    defaultLevel: 'collective',
    riskFlags: ['personal-care'],
    requiresVog: true,
    selfHelp: [{ nl: 'Vraag uw huisarts of de wijkverpleging kan helpen.', en: 'Ask your GP whether the district nurse can help.' }],
    responseHours: careful,
  },
  {
    id: 'housing',
    label: { nl: 'Wonen', en: 'Housing' },
    description: { nl: 'Problemen met uw huis, de huur of de buren.', en: 'Problems with your home, the rent or the neighbours.' },
    defaultLevel: 'collective',
    riskFlags: ['housing-loss'],
    requiresVog: false,
    selfHelp: [{ nl: 'Het Juridisch Loket geeft gratis advies over huur.', en: 'The Legal Counter gives free advice about renting.' }],
    responseHours: careful,
  },
  {
    id: 'work-income',
    label: { nl: 'Werk en inkomen', en: 'Work and income' },
    description: { nl: 'Werk zoeken, een uitkering of toeslagen.', en: 'Finding work, benefits or allowances.' },
    defaultLevel: 'collective',
    riskFlags: ['income'],
    requiresVog: false,
    selfHelp: [
      {
        nl: 'Op de website van de Belastingdienst kunt u uitrekenen op welke toeslag u recht hebt.',
        en: 'On the Tax Administration website you can work out which allowance you are entitled to.',
      },
    ],
    responseHours: careful,
  },
  {
    id: 'mental-wellbeing',
    label: { nl: 'Hoe het met u gaat', en: 'Mental wellbeing' },
    description: {
      nl: 'Somber, gespannen of vastgelopen, of zorgen over alcohol of drugs.',
      en: 'Feeling low, tense or stuck, or worried about alcohol or drugs.',
    },
    defaultLevel: 'district-team',
    riskFlags: ['mental-health', 'addiction'],
    requiresVog: true,
    selfHelp: [
      {
        nl: 'Praten helpt. De Luisterlijn is dag en nacht bereikbaar: 088 0767 000.',
        en: 'Talking helps. De Luisterlijn listens day and night: 088 0767 000.',
      },
    ],
    responseHours: careful,
  },
  {
    id: 'something-else',
    label: { nl: 'Iets anders', en: 'Something else' },
    description: { nl: 'Uw vraag past niet in een van de andere onderwerpen.', en: 'Your question does not fit any of the other topics.' },
    defaultLevel: 'zeroth-line',
    riskFlags: [],
    requiresVog: true,
    selfHelp: [],
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
