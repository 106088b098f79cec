// What the resident sees about their request, in plain words: one model for the status page and the JSON API.
// Pure: it reads the request's head and events, the personal data and the audit trail, and translates.
import { topicLabel } from '../../platform/i18n/topics';
import { FINAL_STATES, type EventType, type RequestState } from '../domain/lifecycle';
import type { Locale } from '../../kernel/municipality';
import { t, type MessageKey } from '../../platform/i18n/messages';
import type { RequestHead } from '../domain/request';
import { MESSAGES_FOR_THE_RESIDENT, type AuditEntry } from '../domain/resident';
import { MINUTE_MS, REPEATED_VIEW_MINUTES } from '../../kernel/durations';
import type { OpenedRequest } from './resident-desk';
import { storedReasonText } from './wording';
import { firstCrisisLine } from '../domain/crisis';
import { residentActions, type ResidentActions } from '../domain/resident-actions';

/** The events a resident reads in their history; internal bookkeeping (reminders, alerts) is left out. */
const HISTORY: Partial<Record<EventType, MessageKey>> = {
  submitted: 'history.submitted',
  offered: 'history.offered',
  'search-widened': 'history.search-widened',
  claimed: 'history.claimed',
  'progress-noted': 'history.progress-noted',
  released: 'history.released',
  'marked-done': 'history.marked-done',
  'referral-accepted': 'history.referral-accepted',
  'referral-declined': 'history.referral-declined',
  'referral-closed': 'history.referral-closed',
  'referral-returned': 'history.referral-returned',
  'confirmed-solved': 'history.confirmed-solved',
  'reported-not-solved': 'history.reported-not-solved',
  'needs-professional': 'history.escalated',
  escalated: 'history.escalated',
  'accepted-by-team': 'history.accepted-by-team',
  'handed-over': 'history.handed-over',
  'contact-recorded': 'history.contact-recorded',
  'message-sent': 'history.message-sent',
  'team-finished': 'history.team-finished',
  'wmo-step-recorded': 'history.wmo-step-recorded',
  'sent-back-to-zeroth-line': 'history.sent-back-to-zeroth-line',
  referred: 'history.referred',
  closed: 'history.closed',
  withdrawn: 'history.withdrawn',
  'information-requested': 'history.information-requested',
  'resident-replied': 'history.resident-replied',
  'feedback-given': 'history.feedback-given',
  'personal-data-erased': 'history.personal-data-erased',
};

const STATE_TEXT: Record<RequestState, MessageKey> = {
  submitted: 'status.state.matching',
  matching: 'status.state.matching',
  offered: 'status.state.matching',
  claimed: 'status.state.claimed',
  'in-progress': 'status.state.claimed',
  done: 'status.state.done',
  'not-solved': 'status.state.matching',
  escalated: 'status.state.escalated',
  'accepted-by-team': 'status.state.accepted-by-team',
  referred: 'status.state.referred',
  closed: 'status.state.closed',
  withdrawn: 'status.state.withdrawn',
};

const AUDIT_ACTOR: Record<string, MessageKey> = {
  volunteer: 'audit.actor.volunteer',
  professional: 'audit.actor.professional',
  initiative: 'audit.actor.initiative',
  system: 'audit.actor.system',
};

const AUDIT_ACTION: Record<string, MessageKey> = {
  'viewed-contact': 'audit.action.viewed-contact',
  'viewed-case': 'audit.action.viewed-case',
  'entered-by-phone': 'audit.action.entered-by-phone',
};

/** The audit trail as the resident reads it: a view repeated by the same person shortly after shows once. */
export function auditOnce(entries: readonly AuditEntry[]): AuditEntry[] {
  const lastShown = new Map<string, number>();
  return entries.filter((entry) => {
    const who = `${entry.actor.kind}#${entry.actor.id ?? entry.actor.label}#${entry.action}`;
    const at = Date.parse(entry.at);
    const previous = lastShown.get(who);
    if (previous !== undefined && at - previous < REPEATED_VIEW_MINUTES * MINUTE_MS) return false;
    lastShown.set(who, at);
    return true;
  });
}

function auditWho(entry: AuditEntry, locale: Locale): string {
  if (entry.actor.kind === 'professional' && entry.actor.label) return t(locale, 'audit.actor.professional-named', { name: entry.actor.label });
  return `${t(locale, AUDIT_ACTOR[entry.actor.kind] ?? 'audit.actor.system')} ${entry.actor.label}`.trim();
}

export interface StatusView {
  referenceCode: string | null;
  state: RequestState;
  stateText: string;
  topic: string;
  createdAt: string;
  /** The next step and by when, in words. */
  nextStep: string;
  deadline: string | null;
  /** Why the request went where it went, as told at intake. */
  routeReasons: string[];
  showEmergencyNumbers: boolean;
  /** The crisis line to show first and large (113 for words about suicide). */
  crisisLineFirst: string | undefined;
  /** The team is closed now: the page says so, and names the out-of-hours service. */
  teamOpen: boolean;
  /** Someone asked for more information since the resident last replied. */
  needsInformation: boolean;
  /** The open question, while one is open. */
  question: string | null;
  /** The conversation: questions to the resident and their replies, oldest first. */
  messages: { at: string; when: string; from: 'us' | 'you'; text: string }[];
  history: { at: string; when: string; text: string }[];
  audit: { at: string; when: string; text: string }[];
  contactMethod: 'email' | 'phone' | 'none' | null;
  retainUntil: string | null;
  personalDataErased: boolean;
  can: ResidentActions;
}

export function formatMoment(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** When someone must respond next: the response deadline until a human did, then the pending deadline. */
export function nextDeadline(head: RequestHead): string | null {
  if (FINAL_STATES.has(head.state)) return null;
  return (head.responseDeadline && !head.firstHumanResponseAt ? head.responseDeadline : head.due?.at) ?? null;
}

export function statusView(opened: OpenedRequest, locale: Locale): StatusView {
  const { head, events, personal, audit } = opened;
  const open = !FINAL_STATES.has(head.state);
  const deadline = nextDeadline(head);
  const submitted = events.find((e) => e.type === 'submitted');
  const reasons = ((submitted?.data?.reasons as unknown[] | undefined) ?? []).flatMap((r) => storedReasonText(r, locale) ?? []);
  const lastAsk = events.findLast((e) => e.type === 'information-requested')?.seq ?? 0;
  const lastReply = events.findLast((e) => e.type === 'resident-replied')?.seq ?? 0;
  return {
    referenceCode: personal?.referenceCode ?? null,
    state: head.state,
    stateText: t(locale, STATE_TEXT[head.state]),
    topic: topicLabel(head.topicId, locale),
    createdAt: head.createdAt,
    nextStep: nextStep(head, locale, opened.teamOpen, finishedBy(events)),
    deadline,
    // Why it went where it went, while that is still where it is: after an escalation or closing it no longer holds.
    routeReasons: (open || head.level === 'own-strength') && submitted?.data?.level === head.level ? reasons : [],
    showEmergencyNumbers: head.crisis && open,
    crisisLineFirst: firstCrisisLine(((submitted?.data?.reasons as { code?: string }[] | undefined) ?? []).map((r) => r.code ?? '')),
    teamOpen: opened.teamOpen,
    needsInformation: open && lastAsk > lastReply,
    question: open && lastAsk > lastReply ? (opened.messages.findLast((m) => m.kind === 'question')?.text ?? null) : null,
    messages: opened.messages.flatMap((m) => {
      const from = MESSAGES_FOR_THE_RESIDENT[m.kind];
      return from ? [{ at: m.at, when: formatMoment(m.at, locale), from, text: m.text }] : [];
    }),
    history: events.flatMap((event) => {
      const key = HISTORY[event.type];
      return key ? [{ at: event.at, when: formatMoment(event.at, locale), text: t(locale, key) }] : [];
    }),
    audit: auditOnce(audit).map((entry) => ({
      at: entry.at,
      when: formatMoment(entry.at, locale),
      text: t(locale, 'audit.entry', {
        who: auditWho(entry, locale),
        // A known action is told in the reader's language; any other in the words it was recorded with.
        what: AUDIT_ACTION[entry.action] ? t(locale, AUDIT_ACTION[entry.action]!) : entry.reason,
      }),
    })),
    contactMethod: personal?.contact.method ?? null,
    retainUntil: personal?.retainUntil ?? null,
    personalDataErased: head.personalDataErased === true || !personal,
    can: residentActions(head, personal !== undefined),
  };
}

/** Who said the help is finished, the last time someone did: a volunteer, an initiative (by name), the team. */
export type FinishedBy = { kind: 'volunteer' } | { kind: 'initiative'; name?: string } | { kind: 'team' };

function finishedBy(events: readonly { type: EventType; data?: Record<string, unknown> }[]): FinishedBy | undefined {
  const last = events.findLast((e) => e.type === 'marked-done' || e.type === 'referral-closed' || e.type === 'team-finished');
  if (!last) return undefined;
  if (last.type === 'referral-closed') {
    const name = last.data?.initiativeName;
    return { kind: 'initiative', ...(typeof name === 'string' ? { name } : {}) };
  }
  return { kind: last.type === 'team-finished' ? 'team' : 'volunteer' };
}

/**
 * What happens next and by when, in words: a promise the team can keep. While the team is closed the page
 * says so and when they will call, never "straight away".
 */
export function nextStep(head: RequestHead, locale: Locale, teamOpen: boolean, finished?: FinishedBy): string {
  const deadline = nextDeadline(head);
  const by = deadline ? formatMoment(deadline, locale) : '';
  switch (head.state) {
    case 'submitted':
    case 'matching':
    case 'offered':
    case 'not-solved':
      return t(locale, 'status.next.matching', { by });
    case 'escalated':
      if (head.teamContactedAt) return t(locale, 'status.next.contacted');
      if (head.crisis) return t(locale, teamOpen ? 'status.next.crisis' : 'status.next.crisis.closed', { by });
      return t(locale, teamOpen ? 'status.next.escalated' : 'status.next.escalated.closed', { by });
    case 'claimed':
    case 'in-progress':
      return t(locale, 'status.next.claimed');
    case 'done':
      if (finished?.kind === 'initiative')
        return finished.name ? t(locale, 'status.next.done.initiative', { name: finished.name }) : t(locale, 'status.next.done.initiative-unnamed');
      return t(locale, finished?.kind === 'team' || (!finished && head.level !== 'zeroth-line') ? 'status.next.done.team' : 'status.next.done');
    case 'accepted-by-team':
      if (head.teamContactedAt) return t(locale, 'status.next.contacted');
      if (by) return t(locale, teamOpen ? 'status.next.accepted-by-team.by' : 'status.next.escalated.closed', { by });
      return t(locale, 'status.next.accepted-by-team');
    case 'referred':
      return t(locale, 'status.next.referred');
    case 'closed':
      return head.level === 'own-strength' ? t(locale, 'status.next.self-help') : t(locale, 'status.next.closed');
    case 'withdrawn':
      return t(locale, 'status.next.withdrawn');
  }
}
