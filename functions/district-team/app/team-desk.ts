// The district team's desk: the queue with its filters and counts, the warm handover page of a case (every
// view of personal data is an audit event the resident sees), the actions on a case (each one engine command),
// concerns, the team lead's caseload, and a request taken by phone. Access is decided per call by the one
// policy, with the staff member's districts read live from the staff list.
import { randomUUID } from 'node:crypto';
import { decide, subjectOf, type Account, type StaffMember } from '../../identity/index';
import { DomainError } from '../../kernel/errors';
import { districtForPostcode, standardTextsFor, teamHours, type Municipality, type StandardText } from '../../kernel/municipality';
import { isOpen, workingMinutesBetween } from '../../kernel/working-time';
import {
  accessFacts,
  contactKey,
  FINAL_STATES,
  TEAM_STATES,
  runningWmoDeadlines,
  teamResponseDeadline,
  type Concern,
  type Effect,
  type PersonalRecord,
  type Receipt,
  type RequestEvent,
  type RequestHead,
  type RequestLog,
  type ResidentData,
  type ResidentDesk,
  type ResidentIntake,
  type ResidentMessage,
  type SteppedCareEngine,
  type WmoClock,
  type WmoStep,
} from '../../stepped-care/index';
import {
  caseRights,
  CONTACT_ATTEMPTS_BEFORE_NOT_REACHED,
  mayCoordinate,
  type CaseRights,
  OUTCOMES_ASKING_THE_RESIDENT,
  queueReasonOf,
  TEAM_TEXT_MAX,
  type CaseOutcome,
  type ConcernOutcome,
  type QueueFilter,
} from '../domain/case';
import { compareQueueEntries, lateness, nearestDeadline, type Lateness, type QueueEntry, type QueueReason } from '../domain/queue';
import type { StaffDirectory } from './ports';

/** How many requests of one district the queue reads at once (one Query page). */
export const QUEUE_PAGE = 200;

export interface QueueRow extends QueueEntry {
  referenceCode?: string;
  priority: RequestHead['priority'];
  topicId: string;
  districtId: string;
  postcodeArea: string;
  state: RequestHead['state'];
  lateness: Lateness;
  deadline?: string;
  /** Working minutes it has waited for the team. */
  waitedMinutes: number;
  coordinator?: StaffMember;
  concern?: Concern;
}

export interface QueueView {
  me: StaffMember;
  rows: QueueRow[];
  /** How many rows each filter would show, on the same page. */
  counts: { all: number; late: number; notTaken: number; mine: number; reasons: Partial<Record<QueueReason, number>> };
  districts: string[];
  teamOpen: boolean;
  /** For the team lead, the caseload of their districts, from the same reads; otherwise null. */
  caseload: Caseload | null;
}

export interface CaseView {
  me: StaffMember;
  head: RequestHead;
  reason: QueueReason;
  lateness: Lateness;
  personal: PersonalRecord | undefined;
  events: RequestEvent[];
  messages: ResidentMessage[];
  concerns: Concern[];
  earlier: { total: number; open: number; notSolved: number };
  wmo?: WmoClock & { daysLeft?: number };
  coordinator?: StaffMember;
  colleagues: StaffMember[];
  /** The municipality's standard texts for this case's topic. */
  standardTexts: StandardText[];
  /** What this person may do with the case now. */
  can: CaseRights;
}

export interface Caseload {
  waiting: { requestId: string; districtId: string; waitedMinutes: number; crisis: boolean }[];
  perProfessional: { member: StaffMember; open: number }[];
  late: number;
  veryLate: number;
  wmoNearOrPast: { requestId: string; deadline: string; daysLeft: number }[];
}

export interface TeamDeskDeps {
  engine: SteppedCareEngine;
  requests: RequestLog;
  residents: ResidentData;
  residentDesk: ResidentDesk;
  staff: StaffDirectory;
  municipality: Municipality;
  clock?: () => Date;
}

const DAY = 86_400_000;

export class TeamDesk {
  private readonly clock: () => Date;

  constructor(private readonly deps: TeamDeskDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The staff member behind an account, when the policy lets them into the team's workspace. */
  async member(account: Account): Promise<StaffMember> {
    const me = account.kind === 'staff' ? await this.deps.staff.staffMember(account.id) : undefined;
    if (!me || !decide(subjectOf(account, 'pending', me.districts), 'team').allow)
      throw new DomainError('forbidden', 'not a member of the district team');
    return me;
  }

  async queue(account: Account, filter: QueueFilter = {}): Promise<QueueView> {
    const me = await this.member(account);
    if (filter.district && !me.districts.includes(filter.district)) throw new DomainError('forbidden', 'not your district');
    const districts = filter.district ? [filter.district] : me.districts;
    // The team lead's caseload covers all their districts: read them once, for the rows and the caseload alike.
    const lead = this.isLead(account, me);
    const now = this.clock();
    const [pages, concernPages, staff] = await Promise.all([
      Promise.all((lead ? me.districts : districts).map((d) => this.deps.requests.teamQueue(d, QUEUE_PAGE))),
      Promise.all(districts.map((d) => this.deps.requests.concerns(d, QUEUE_PAGE))),
      this.deps.staff.staffMembers(),
    ]);
    const heads = pages.flat();
    const byId = new Map(staff.map((s) => [s.id, s]));
    const rows: QueueRow[] = heads.filter((head) => districts.includes(head.districtId)).map((head) => this.row(head, now, byId));
    // A concern stands in the queue until the team closed it; it carries the request's context.
    const open = concernPages.flat().filter((c) => !c.closedAt);
    if (open.length > 0) {
      const heads = await this.deps.requests.heads([...new Set(open.map((c) => c.requestId))]);
      const headOf = new Map(heads.map((h) => [h.requestId, h]));
      for (const concern of open) {
        const head = headOf.get(concern.requestId);
        if (head) rows.push({ ...this.row(head, now, byId), reason: 'concern', concern, crisis: false, waitingSince: concern.at });
      }
    }
    rows.sort(compareQueueEntries);
    const matches = (row: QueueRow, f: QueueFilter) =>
      (!f.reason || row.reason === f.reason) &&
      (!f.topic || row.topicId === f.topic) &&
      (!f.late || row.lateness !== 'on-time') &&
      (!f.notTaken || !row.coordinator) &&
      (!f.mine || row.coordinator?.id === me.id);
    const reasons: Partial<Record<QueueReason, number>> = {};
    for (const row of rows) reasons[row.reason] = (reasons[row.reason] ?? 0) + 1;
    return {
      me,
      rows: rows.filter((row) => matches(row, filter)),
      counts: {
        all: rows.length,
        late: rows.filter((r) => matches(r, { late: true })).length,
        notTaken: rows.filter((r) => matches(r, { notTaken: true })).length,
        mine: rows.filter((r) => matches(r, { mine: true })).length,
        reasons,
      },
      districts: me.districts,
      teamOpen: isOpen(teamHours(this.deps.municipality), now),
      caseload: lead ? this.caseloadOf(me, heads, staff, now) : null,
    };
  }

  /** The warm handover: everything about a case on one page. Opening it is a view of personal data: audited. */
  async open(account: Account, requestId: string): Promise<CaseView> {
    const { me, head } = await this.caseFor(account, requestId);
    const now = this.clock();
    const [personal, events, messages, concerns, staff] = await Promise.all([
      this.deps.residents.personal(requestId, now),
      this.deps.requests.events(requestId),
      this.deps.residents.messages(requestId),
      this.deps.requests.concernsOf(requestId),
      this.deps.staff.staffMembers(),
    ]);
    if (personal) await this.audit(requestId, me, 'viewed-case');
    const earlier = await this.earlierRequests(personal, requestId);
    const byId = new Map(staff.map((s) => [s.id, s]));
    return {
      me,
      head,
      reason: queueReasonOf(head),
      lateness: lateness(this.entry(head), now),
      personal,
      events,
      messages,
      concerns,
      earlier,
      ...(head.wmo ? { wmo: { ...head.wmo, ...wmoDaysLeft(head.wmo, now) } } : {}),
      ...(head.coordinator && byId.get(head.coordinator) ? { coordinator: byId.get(head.coordinator)! } : {}),
      standardTexts: standardTextsFor(this.deps.municipality, head.topicId),
      colleagues: staff.filter(
        (s) => s.id !== head.coordinator && s.districts.includes(head.districtId) && (s.role === 'professional' || s.role === 'team-lead'),
      ),
      can: this.rights(head, me, personal !== undefined),
    };
  }

  take(account: Account, requestId: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.acceptByTeam(requestId, me.id));
  }

  /** To a colleague of the same district, with a reason; the coordinator or the team lead may do it. */
  handOver(account: Account, requestId: string, toId: string, reason: string): Promise<RequestHead> {
    return this.act(account, requestId, async (me, head) => {
      if (!mayCoordinate(head, me)) throw new DomainError('forbidden', 'only the coordinator or the team lead hands a case over');
      const to = await this.deps.staff.staffMember(toId);
      if (!to || !decide(subjectOf({ kind: 'staff', id: to.id, role: to.role }, 'pending', to.districts), 'team', accessFacts(head)).allow)
        throw new DomainError('invalid-request', 'this colleague does not work in the district of the case');
      return this.deps.engine.handOver(requestId, me.id, to.id, text(reason, 'reason'));
    });
  }

  recordContact(account: Account, requestId: string, how: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.recordContact(requestId, me.id, text(how, 'how')));
  }

  /** A failed attempt to reach the resident (no answer, wrong number): on record for "not reached". */
  recordContactAttempt(account: Account, requestId: string, how: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.recordContactAttempt(requestId, me.id, text(how, 'how')));
  }

  /** A question the resident answers on their status page (and is told of by e-mail). */
  ask(account: Account, requestId: string, question: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) =>
      this.deps.residentDesk.askResident(requestId, { kind: 'professional', id: me.id }, text(question, 'question')),
    );
  }

  message(account: Account, requestId: string, body: string): Promise<RequestHead> {
    return this.act(account, requestId, async (me) => {
      const personal = await this.personalOrGone(requestId);
      const message: ResidentMessage = { at: this.clock().toISOString(), kind: 'team-message', text: text(body, 'message'), by: me.name };
      return this.deps.engine.sendMessage(requestId, me.id, [messageEffect(requestId, message, personal.retainUntil)]);
    });
  }

  note(account: Account, requestId: string, body: string): Promise<RequestHead> {
    return this.act(account, requestId, async (me) => {
      const personal = await this.personalOrGone(requestId);
      const message: ResidentMessage = { at: this.clock().toISOString(), kind: 'team-note', text: text(body, 'note'), by: me.name };
      return this.deps.engine.addNote(requestId, me.id, [messageEffect(requestId, message, personal.retainUntil)]);
    });
  }

  sendBack(account: Account, requestId: string, advice: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.sendBackToZerothLine(requestId, me.id, text(advice, 'advice')));
  }

  /** Ends the team's part with an outcome: the resident is asked "was it solved?" where that makes sense. */
  close(account: Account, requestId: string, outcome: CaseOutcome): Promise<RequestHead> {
    return this.act(account, requestId, (me, head) => {
      if (!mayCoordinate(head, me)) throw new DomainError('forbidden', 'only the coordinator or the team lead closes a case');
      if (OUTCOMES_ASKING_THE_RESIDENT.has(outcome)) return this.deps.engine.finish(requestId, me.id, outcome);
      return this.deps.engine.close(requestId, me.id, outcome, outcome === 'not-reached' ? CONTACT_ATTEMPTS_BEFORE_NOT_REACHED : 0);
    });
  }

  recordWmoStep(account: Account, requestId: string, step: WmoStep): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.recordWmoStep(requestId, me.id, step));
  }

  acknowledgeConcern(account: Account, requestId: string, volunteerId: string): Promise<RequestHead> {
    return this.act(account, requestId, (me) => this.deps.engine.acknowledgeConcern(requestId, me.id, volunteerId));
  }

  /** A concern ends with an outcome (it leaves the queue); read first, so the volunteer was told. */
  closeConcern(account: Account, requestId: string, volunteerId: string, outcome: ConcernOutcome): Promise<RequestHead> {
    return this.act(account, requestId, async (me) => {
      const concern = (await this.deps.requests.concernsOf(requestId)).find((c) => c.volunteerId === volunteerId);
      if (concern && !concern.acknowledgedAt) await this.deps.engine.acknowledgeConcern(requestId, me.id, volunteerId);
      return this.deps.engine.closeConcern(requestId, me.id, volunteerId, outcome);
    });
  }

  /**
   * A request taken by phone or at the desk: the same intake as the form, with the resident's consent as
   * they gave it on the phone; the resident gets the same reference, and the staff member's name is audited.
   */
  async phoneIntake(account: Account, intake: ResidentIntake, idempotencyKey: string): Promise<Receipt> {
    const me = await this.member(account);
    const district = districtForPostcode(this.deps.municipality, intake.postcode);
    if (district && !me.districts.includes(district.id)) throw new DomainError('forbidden', 'this address is not in your districts');
    const receipt = await this.deps.residentDesk.submit(intake, { idempotencyKey, takenBy: me.id });
    if (receipt.created) await this.audit(receipt.requestId, me, 'entered-by-phone');
    return receipt;
  }

  /** The team lead's overview: waiting list, open cases per professional, lateness, Wmo clocks near their end. */
  async caseload(account: Account): Promise<Caseload> {
    const me = await this.member(account);
    if (!this.isLead(account, me)) throw new DomainError('forbidden', 'for the team lead');
    const [pages, staff] = await Promise.all([
      Promise.all(me.districts.map((d) => this.deps.requests.teamQueue(d, QUEUE_PAGE))),
      this.deps.staff.staffMembers(),
    ]);
    return this.caseloadOf(me, pages.flat(), staff, this.clock());
  }

  private isLead(account: Account, me: StaffMember): boolean {
    return decide(subjectOf(account, 'pending', me.districts), 'team-lead').allow;
  }

  private caseloadOf(me: StaffMember, heads: RequestHead[], members: readonly StaffMember[], now: Date): Caseload {
    const staff = members.filter((s) => s.role === 'professional' && s.districts.some((d) => me.districts.includes(d)));
    const hours = teamHours(this.deps.municipality);
    const late = heads.map((h) => lateness(this.entry(h), now));
    return {
      waiting: heads
        .filter((h) => h.state === 'escalated')
        .map((h) => ({
          requestId: h.requestId,
          districtId: h.districtId,
          crisis: h.crisis,
          waitedMinutes: workingMinutesBetween(hours, new Date(h.escalatedAt ?? h.createdAt), now),
        })),
      perProfessional: staff.map((member) => ({ member, open: heads.filter((h) => h.coordinator === member.id).length })),
      late: late.filter((l) => l === 'late').length,
      veryLate: late.filter((l) => l === 'very-late').length,
      wmoNearOrPast: heads.flatMap((h) =>
        runningWmoDeadlines(h.wmo)
          .map((deadline) => ({ requestId: h.requestId, deadline, daysLeft: Math.floor((Date.parse(deadline) - now.getTime()) / DAY) }))
          .filter((w) => w.daysLeft <= 7),
      ),
    };
  }

  private row(head: RequestHead, now: Date, staff: Map<string, StaffMember>): QueueRow {
    const entry = this.entry(head);
    const coordinator = head.coordinator ? staff.get(head.coordinator) : undefined;
    const deadline = nearestDeadline(entry);
    return {
      ...entry,
      ...(head.referenceCode ? { referenceCode: head.referenceCode } : {}),
      priority: head.priority,
      topicId: head.topicId,
      districtId: head.districtId,
      postcodeArea: head.postcodeArea,
      state: head.state,
      lateness: lateness(entry, now),
      ...(deadline ? { deadline } : {}),
      waitedMinutes: workingMinutesBetween(teamHours(this.deps.municipality), new Date(entry.waitingSince), now),
      ...(coordinator ? { coordinator } : {}),
    };
  }

  private entry(head: RequestHead): QueueEntry {
    const responseDeadline = teamResponseDeadline(head);
    return {
      requestId: head.requestId,
      crisis: head.crisis,
      reason: queueReasonOf(head),
      waitingSince: head.escalatedAt ?? head.createdAt,
      ...(responseDeadline ? { responseDeadline } : {}),
      wmoDeadlines: runningWmoDeadlines(head.wmo),
    };
  }

  private rights(head: RequestHead, me: StaffMember, hasPersonalData: boolean): CaseRights {
    return caseRights(
      {
        state: head.state,
        withTeam: (TEAM_STATES as readonly string[]).includes(head.state),
        runningWmoDeadlines: runningWmoDeadlines(head.wmo).length,
        final: FINAL_STATES.has(head.state),
        ...(head.coordinator ? { coordinator: head.coordinator } : {}),
      },
      me,
      hasPersonalData,
    );
  }

  /** The member and the case, when the policy lets this member at this case (its district). */
  private async caseFor(account: Account, requestId: string): Promise<{ me: StaffMember; head: RequestHead }> {
    const [me, head] = await Promise.all([this.member(account), this.deps.requests.head(requestId)]);
    if (!head) throw new DomainError('request-not-found', `no request ${requestId}`);
    const decision = decide(subjectOf(account, 'pending', me.districts), 'team', accessFacts(head));
    if (!decision.allow) throw new DomainError('forbidden', 'this case is not in your districts');
    return { me, head };
  }

  private async act(account: Account, requestId: string, run: (me: StaffMember, head: RequestHead) => Promise<RequestHead>): Promise<RequestHead> {
    const { me, head } = await this.caseFor(account, requestId);
    return run(me, head);
  }

  private async personalOrGone(requestId: string): Promise<PersonalRecord> {
    const personal = await this.deps.residents.personal(requestId, this.clock());
    if (!personal) throw new DomainError('status-link-invalid', 'the personal data of this request is gone');
    return personal;
  }

  private async earlierRequests(personal: PersonalRecord | undefined, requestId: string): Promise<CaseView['earlier']> {
    const key = personal && contactKey(personal.contact);
    if (!key) return { total: 0, open: 0, notSolved: 0 };
    const ids = (await this.deps.residents.requestsOfContact(key, 50)).filter((id) => id !== requestId);
    const heads = await this.deps.requests.heads(ids);
    const events = await Promise.all(heads.map((h) => this.deps.requests.events(h.requestId)));
    return {
      total: heads.length,
      open: heads.filter((h) => !FINAL_STATES.has(h.state)).length,
      notSolved: events.filter((log) => log.some((e) => e.type === 'reported-not-solved')).length,
    };
  }

  /** One audit entry per view; the resident's list shows repeated views within a short time once. */
  private audit(requestId: string, me: StaffMember, action: 'viewed-case' | 'entered-by-phone'): Promise<void> {
    return this.deps.residents.recordAccess(
      requestId,
      { at: this.clock().toISOString(), actor: { kind: 'professional', id: me.id, label: firstName(me.name) }, action, reason: action },
      randomUUID(),
    );
  }
}

function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

function wmoDaysLeft(clock: WmoClock, now: Date): { daysLeft?: number } {
  const next = runningWmoDeadlines(clock)[0];
  return next ? { daysLeft: Math.floor((Date.parse(next) - now.getTime()) / DAY) } : {};
}

function text(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > TEAM_TEXT_MAX)
    throw new DomainError('invalid-request', `${field}: 1 to ${TEAM_TEXT_MAX} characters`, { fields: field });
  return trimmed;
}

function messageEffect(requestId: string, message: ResidentMessage, retainUntil: string): Effect {
  return { kind: 'resident-message-written', requestId, message, retainUntil };
}
