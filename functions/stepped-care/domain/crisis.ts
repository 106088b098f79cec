// Crisis signals in a resident's own words, in Dutch and English. A match shows the emergency numbers at
// once and routes the request to the district team at top priority. Erring towards a match is deliberate:
// a false alarm costs a professional's minute, a miss can cost a life.

export type CrisisKind = 'suicide' | 'violence' | 'danger';

interface Signal {
  kind: CrisisKind;
  pattern: RegExp;
}

const SIGNALS: Signal[] = [
  // Suicide and self-harm
  { kind: 'suicide', pattern: /\b(zelfmoord|suicid\w*|zelfdoding)\b/ },
  { kind: 'suicide', pattern: /\b(een )?(eind|einde) (aan|maken aan) (mijn|m'n|mn|het|ons) leven\b/ },
  { kind: 'suicide', pattern: /\ber (een )?(eind|einde) aan (maken|te maken|willen maken)\b/ },
  {
    kind: 'suicide',
    pattern: /\b(uit het leven (stappen|te stappen)|niet meer (willen |wil |kan )?(leven|verder leven)|wil (echt )?niet meer leven)\b/,
  },
  { kind: 'suicide', pattern: /\b(ik wil|wil ik|wou ik|ik wou) (het liefst )?(dood|sterven)\b/ },
  { kind: 'suicide', pattern: /\b(ik )?zie het (echt |helemaal |gewoon )?niet meer zitten\b/ },
  { kind: 'suicide', pattern: /\b(mezelf|mijzelf|me) iets (aan( te)? doen|aandoen)\b/ },
  {
    kind: 'suicide',
    pattern: /\b(kill(ing)? myself|end(ing)? (my|it) (life|all)|take my (own )?life|self[- ]?harm\w*|(hurt|harm|cut)(ing)? myself)\b/,
  },
  { kind: 'suicide', pattern: /\b(do ?n[o']?t|no longer|don't) want to (live|be alive|go on)\b/ },
  { kind: 'suicide', pattern: /\b(i )?(want|wanna|wish) (to die|i (was|were) dead)\b/ },
  { kind: 'suicide', pattern: /\b(overdosis|overdose)\b/ },
  // Violence at home, child abuse
  { kind: 'violence', pattern: /\b(huiselijk geweld|kindermishandeling|mishandel\w*|domestic (violence|abuse)|child abuse)\b/ },
  { kind: 'violence', pattern: /\b(slaat|schopt|wurgt|sloeg|schopte) (mij|me|ons|de kinderen|mijn kind\w*)\b/ },
  { kind: 'violence', pattern: /\b(word|werd|worden)( [a-z']+){0,2} (geslagen|geschopt|mishandeld|bedreigd)\b/ },
  { kind: 'violence', pattern: /\b(hits|hit|beats|beat|kicks|chokes|choked|strangled) (me|us|my (child|children|kids?|son|daughter))\b/ },
  { kind: 'violence', pattern: /\b(abus(ed|es|ing)|threaten(s|ed)? (me|to kill))\b/ },
  // Danger now
  { kind: 'danger', pattern: /\b(ik ben|we zijn|is) (nu )?in (levens)?gevaar\b/ },
  { kind: 'danger', pattern: /\b(niet veilig|onveilig) (thuis|in (mijn|ons) huis)\b/ },
  { kind: 'danger', pattern: /\bbang (voor|van) (mijn|m'n|mn) (man|vrouw|partner|vriend|vriendin|ex|vader|moeder|zoon|dochter)\b/ },
  {
    kind: 'danger',
    pattern: /\b(in danger|not safe at home|unsafe at home|afraid of my (husband|wife|partner|boyfriend|girlfriend|ex|father|mother|son))\b/,
  },
];

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ');
}

/** The crisis signals found in a text, at most one per kind. */
export function detectCrisis(text: string): CrisisKind[] {
  const normalised = normalise(text);
  const kinds = new Set<CrisisKind>();
  for (const signal of SIGNALS) if (signal.pattern.test(normalised)) kinds.add(signal.kind);
  return [...kinds];
}

/**
 * The crisis line to show first, and large, for what a request's triage found (its reason codes): 113 for
 * words about suicide, Veilig Thuis for violence at home, 112 for danger now. Ids of the municipality's
 * `crisisLines`.
 */
export function firstCrisisLine(reasonCodes: readonly string[]): string | undefined {
  if (reasonCodes.includes('crisis:suicide')) return '113';
  if (reasonCodes.includes('crisis:violence')) return 'veilig-thuis';
  if (reasonCodes.includes('crisis:danger') || reasonCodes.includes('safety')) return 'emergency';
  return undefined;
}
