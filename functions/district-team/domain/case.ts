// A case as the district team works it, pure: why a request is in the queue (from the reason it was
// escalated for), the outcomes a case closes with, the Wmo steps the team records, and the queue's filters.
import type { QueueReason } from './queue';

/** The reason a request went to the team (the triage rule or the ladder's step), as the queue names it. */
export function queueReasonOf(head: {
  crisis: boolean;
  escalatedBecause?: string;
  rule: string;
  volunteersMaySee?: boolean;
  initiativesMaySee?: boolean;
  wmo?: unknown;
}): QueueReason {
  if (head.crisis) return 'crisis';
  switch (head.escalatedBecause ?? head.rule) {
    case 'wish-for-professional':
      return 'asked-for-professional';
    case 'formal-wmo-request':
      return 'formal-wmo-request';
    case 'topic-risk':
      return 'risk-topic';
    case 'no-consent-for-zeroth-line':
      return 'no-consent-for-zeroth-line';
    case 'unreachable-for-helpers':
      return 'unreachable-for-helpers';
    case 'needs-professional':
      return 'needs-professional';
    case 'not-solved-after-help':
      return 'not-solved-after-help';
    case 'no-match-at-zeroth-line':
      return head.volunteersMaySee === false && head.initiativesMaySee === false ? 'no-consent-for-zeroth-line' : 'not-picked-up';
    default:
      return head.wmo ? 'formal-wmo-request' : 'not-picked-up';
  }
}

/** How a case ends. The first three ask the resident "was it solved?"; the others close it at once. */
export const CASE_OUTCOMES = ['solved-by-team', 'referred-on', 'provision-granted', 'no-help-needed', 'not-reached'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const OUTCOMES_ASKING_THE_RESIDENT: ReadonlySet<CaseOutcome> = new Set(['solved-by-team', 'referred-on', 'provision-granted']);

export function isCaseOutcome(value: unknown): value is CaseOutcome {
  return (CASE_OUTCOMES as readonly unknown[]).includes(value);
}

/** How the team closes a volunteer's concern. */
export const CONCERN_OUTCOMES = ['contact-made', 'already-known', 'referred-on', 'no-action-needed'] as const;
export type ConcernOutcome = (typeof CONCERN_OUTCOMES)[number];

export function isConcernOutcome(value: unknown): value is ConcernOutcome {
  return (CONCERN_OUTCOMES as readonly unknown[]).includes(value);
}

/** "Could not reach" is only an outcome after three attempts to make contact (recorded as such). */
export const CONTACT_ATTEMPTS_BEFORE_NOT_REACHED = 3;

/** The longest internal note, message or reason a professional can write. */
export const TEAM_TEXT_MAX = 3000;

/** The queue's filters, as query parameters (so a filtered view can be bookmarked and works without JavaScript). */
export interface QueueFilter {
  district?: string;
  reason?: QueueReason;
  topic?: string;
  late?: boolean;
  notTaken?: boolean;
  mine?: boolean;
}

/** What a member of the team may do with a case now, from its state and who coordinates it. */
export interface CaseRights {
  take: boolean;
  handOver: boolean;
  contact: boolean;
  message: boolean;
  sendBack: boolean;
  finish: boolean;
  wmo: boolean;
}

/** The coordinator of a case, or the team lead: who may hand it over and finish or close it. */
export function mayCoordinate(head: { coordinator?: string }, member: { id: string; role: string }): boolean {
  return head.coordinator === member.id || member.role === 'team-lead';
}

/**
 * The rights of one member on one case. Handing over and finishing are for the coordinator or the team lead;
 * sending back only for the coordinator, and never while a Wmo clock runs (no 0th-line match may swallow a
 * melding); messages only while open and the resident's data is kept.
 */
export function caseRights(
  /** `withTeam`: the team has it (waiting, taken or referred on: the stepped-care context says which states). */
  head: { state: string; withTeam: boolean; coordinator?: string; runningWmoDeadlines: number; final: boolean },
  member: { id: string; role: string },
  hasPersonalData: boolean,
): CaseRights {
  const coordinates = head.coordinator === member.id;
  const taken = head.withTeam && head.state !== 'escalated';
  return {
    take: head.state === 'escalated',
    handOver: taken && mayCoordinate(head, member),
    contact: head.withTeam,
    message: !head.final && hasPersonalData,
    sendBack: head.state === 'accepted-by-team' && coordinates && head.runningWmoDeadlines === 0,
    finish: taken && mayCoordinate(head, member),
    wmo: !head.final,
  };
}
