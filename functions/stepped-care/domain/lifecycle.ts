// The life of a help request as an explicit transition table (after Signalen's workflow). Every change is an
// append-only event with actor, time and reason; the current state is derived from the events by replaying
// this table, and an event the table does not allow is rejected with a clear error.
import { DomainError } from '../../kernel/errors';

export const STATES = [
  'submitted',
  'matching',
  'offered',
  'claimed',
  'in-progress',
  'done',
  'not-solved',
  'escalated',
  'accepted-by-team',
  'referred',
  'closed',
  'withdrawn',
] as const;
export type RequestState = (typeof STATES)[number];

export const FINAL_STATES: ReadonlySet<RequestState> = new Set(['closed', 'withdrawn']);
const OPEN_STATES = STATES.filter((s) => !FINAL_STATES.has(s));
/** States in which the request is with the district team: waiting to be taken, taken, or referred on. */
export const TEAM_STATES = ['escalated', 'accepted-by-team', 'referred'] as const satisfies readonly RequestState[];
/** States in which a helper (a volunteer or an initiative) holds the request. */
export const HELD_STATES: ReadonlySet<RequestState> = new Set(['claimed', 'in-progress']);

export type ActorKind = 'resident' | 'volunteer' | 'initiative' | 'professional' | 'system';

export interface Actor {
  kind: ActorKind;
  /** Volunteer, initiative or professional id; absent for the resident and the system. */
  id?: string;
}

interface Transition {
  from: readonly RequestState[];
  /** null: the event is recorded but the state stays as it is. */
  to: RequestState | null;
  by: readonly ActorKind[];
}

/** Which event may happen in which state, by whom, and where it leads. */
export const TRANSITIONS = {
  'matching-started': { from: ['submitted', 'not-solved'], to: 'matching', by: ['system', 'resident'] },
  offered: { from: ['matching', 'offered'], to: 'offered', by: ['system'] },
  'search-widened': { from: ['matching', 'offered'], to: 'matching', by: ['system'] },
  claimed: { from: ['matching', 'offered'], to: 'claimed', by: ['volunteer'] },
  'progress-noted': { from: ['claimed', 'in-progress'], to: 'in-progress', by: ['volunteer'] },
  'reminder-sent': { from: ['claimed', 'in-progress'], to: null, by: ['system'] },
  released: { from: ['claimed', 'in-progress'], to: 'matching', by: ['volunteer', 'system'] },
  'marked-done': { from: ['claimed', 'in-progress'], to: 'done', by: ['volunteer'] },
  'confirmed-solved': { from: ['done'], to: 'closed', by: ['resident', 'system'] },
  'reported-not-solved': { from: ['done'], to: 'not-solved', by: ['resident'] },
  'needs-professional': { from: ['claimed', 'in-progress'], to: 'escalated', by: ['volunteer'] },
  // A citizen initiative answers its referral through the signed link in its e-mail (no account).
  'referral-accepted': { from: ['matching', 'offered'], to: 'claimed', by: ['initiative'] },
  'referral-declined': { from: ['matching', 'offered'], to: 'matching', by: ['initiative'] },
  'referral-closed': { from: ['claimed', 'in-progress'], to: 'done', by: ['initiative'] },
  // The initiative could not help after all, or never reported back after a reminder: back to matching.
  'referral-returned': { from: ['claimed', 'in-progress'], to: 'matching', by: ['initiative', 'system'] },
  escalated: { from: ['submitted', 'matching', 'offered', 'not-solved'], to: 'escalated', by: ['system', 'resident'] },
  // The team is alerted while a request waits past its response deadline: before or after it was taken.
  'team-alerted': { from: TEAM_STATES, to: null, by: ['system'] },
  // A professional takes it and becomes the household's coordinator.
  'accepted-by-team': { from: ['escalated'], to: 'accepted-by-team', by: ['professional'] },
  // The coordinator (or the team lead) hands the case to a colleague, with a reason.
  'handed-over': { from: ['accepted-by-team', 'referred'], to: null, by: ['professional'] },
  // The first contact with the resident: the response clock stops.
  'contact-recorded': { from: TEAM_STATES, to: null, by: ['professional'] },
  // An attempt to reach the resident that failed (no answer): three of them allow closing as "not reached".
  'contact-attempted': { from: TEAM_STATES, to: null, by: ['professional'] },
  'sent-back-to-zeroth-line': { from: ['accepted-by-team'], to: 'matching', by: ['professional'] },
  referred: { from: ['accepted-by-team'], to: 'referred', by: ['professional'] },
  // The team's help is finished: the resident is asked "was it solved?", as after a volunteer's help.
  'team-finished': { from: ['accepted-by-team', 'referred'], to: 'done', by: ['professional'] },
  closed: { from: ['accepted-by-team', 'referred', 'not-solved', 'submitted'], to: 'closed', by: ['professional', 'system'] },
  withdrawn: { from: OPEN_STATES, to: 'withdrawn', by: ['resident'] },
  // Bookkeeping events: recorded without moving the request.
  'information-requested': { from: OPEN_STATES, to: null, by: ['volunteer', 'professional'] },
  'message-sent': { from: OPEN_STATES, to: null, by: ['professional'] },
  'note-added': { from: STATES, to: null, by: ['professional'] },
  // A step of the Wmo procedure (conversation held, report sent, application received, decision).
  'wmo-step-recorded': { from: STATES, to: null, by: ['professional'] },
  'concern-acknowledged': { from: STATES, to: null, by: ['professional'] },
  'concern-closed': { from: STATES, to: null, by: ['professional'] },
  'resident-replied': { from: OPEN_STATES, to: null, by: ['resident'] },
  'feedback-given': { from: ['closed'], to: null, by: ['resident'] },
  // Erasure may follow a final state: the personal data goes, the anonymous facts stay.
  'personal-data-erased': { from: STATES, to: null, by: ['resident', 'system'] },
  // A volunteer's worry about someone they helped (zorgsignaal): for the district team, also after closing.
  'concern-raised': { from: STATES, to: null, by: ['volunteer'] },
} as const satisfies Record<string, Transition>;

export type EventType = keyof typeof TRANSITIONS | 'submitted';
export const EVENT_TYPES = ['submitted', ...Object.keys(TRANSITIONS)] as EventType[];

export interface RequestEvent {
  /** 1 for the submission, then 2, 3, ...: also the optimistic lock of the event log. */
  seq: number;
  type: EventType;
  at: string;
  actor: Actor;
  reason: string;
  data?: Record<string, unknown>;
}

/** The state after an event, or a DomainError when the table does not allow it. */
export function nextState(current: RequestState | null, type: EventType, actor: Actor): RequestState {
  if (type === 'submitted') {
    if (current !== null) throw illegal(current, type);
    return 'submitted';
  }
  if (current === null) throw illegal('none', type);
  const transition: Transition = TRANSITIONS[type];
  if (FINAL_STATES.has(current) && !transition.from.includes(current)) {
    throw new DomainError('request-closed', `the request is ${current}; nothing can happen to it any more`, { state: current, event: type });
  }
  if (!transition.from.includes(current)) throw illegal(current, type);
  if (!transition.by.includes(actor.kind)) {
    throw new DomainError('illegal-transition', `a ${actor.kind} cannot record ${type}`, { state: current, event: type, actor: actor.kind });
  }
  return transition.to ?? current;
}

/** Replays events into the current state; throws when the log itself is not a legal history. */
export function deriveState(events: readonly RequestEvent[]): RequestState {
  let state: RequestState | null = null;
  events.forEach((event, index) => {
    if (event.seq !== index + 1) throw new DomainError('illegal-transition', `event ${index + 1} has seq ${event.seq}`);
    state = nextState(state, event.type, event.actor);
  });
  if (state === null) throw new DomainError('request-not-found', 'a request without events does not exist');
  return state;
}

function illegal(from: string, type: EventType): DomainError {
  return new DomainError('illegal-transition', `"${type}" cannot happen to a request that is ${from}`, { state: from, event: type });
}
