// The stepped-care engine: the application service that applies the pure domain (triage, lifecycle,
// matching, deadlines) to stored requests. Every command reads the head, lets the domain decide, and commits
// the new events with the head and any side effects in one conditional transaction.
import { randomUUID } from 'node:crypto';
import {
  claimProgressDeadline,
  confirmationDeadline,
  HELPED_LIST_DAYS,
  referralProgressDeadline,
  startWmoClock,
  teamDeadline,
  widenedDeadline,
  zerothLineDeadline,
} from '../domain/deadlines';
import { DomainError } from '../../kernel/errors';
import { FINAL_STATES, nextState, type Actor, type EventType, type RequestEvent } from '../domain/lifecycle';
import {
  geography,
  ineligibility,
  rankInitiatives,
  rankVolunteers,
  searchDistricts,
  type Geography,
  type MatchRequest,
  type RankedCandidate,
  type VolunteerProfile,
} from '../domain/matching';
import { districtForPostcode, postcodeArea, postcodeSchema, type Municipality } from '../../kernel/municipality';
import { isoWeek, referralsInWeek, referralStage, type ReferralOutcome } from '../domain/referral';
import { findTopic, urgencyRank, type Topic } from '../../kernel/topics';
import { parseTriageInput, triage, type TriageDecision } from '../domain/triage';
import { keys } from '../../platform/dynamodb/keys';
import { listInitiativesInDistrict, type InitiativeRecord } from '../../initiatives/store/directory-store';
import type { Repository } from '../../platform/dynamodb/repository';
import { type DueKind, type ExtraWrite, type RequestHead, type RequestStore } from '../store/request-store';
import type { VolunteerStore } from '../../volunteers/store/volunteer-store';
import { outboxWrite, type Notification, type NotificationTemplate, type Recipient } from '../../platform/outbox/notifications';

export interface EngineDeps {
  repo: Repository;
  requests: RequestStore;
  volunteers: VolunteerStore;
  municipality: Municipality;
  clock?: () => Date;
  newId?: () => string;
  random?: () => number;
  /** The initiatives listed in a district; by default read from the store and kept for a minute. */
  directory?: (districtId: string) => Promise<InitiativeRecord[]>;
  /** Heads this process wrote last; by default a bounded in-memory map (see `command`). */
  heads?: HeadCache;
  /**
   * 'inline' (default): submit finds and offers helpers before it returns. 'deferred': submit only records
   * the request with a 'match' deadline of now, in one write, and `matchNow` makes the offer: called by
   * `onMatchDue` right after the commit, by the table stream in AWS, and by the safety net's sweep if
   * both miss it. So an intake never waits for, or fails because of, matching.
   */
  matching?: 'inline' | 'deferred';
  onMatchDue?: (requestId: string) => void;
}

/**
 * The heads this process committed last. Commands start from a remembered head and let the commit's version
 * condition catch a stale one; then, or when the domain refuses on a remembered head, they read the stored
 * head and try once more. So a stale entry costs a retry, never a wrong answer.
 */
export class HeadCache {
  private readonly entries = new Map<string, RequestHead>();
  constructor(private readonly capacity = 5000) {}
  get(requestId: string): RequestHead | undefined {
    return this.entries.get(requestId);
  }
  set(head: RequestHead): void {
    this.entries.delete(head.requestId);
    this.entries.set(head.requestId, head);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Initiatives change rarely: a warm function reads a district's list at most once a minute. */
export const DIRECTORY_CACHE_MS = 60_000;

function cachedDirectory(repo: Repository): (districtId: string) => Promise<InitiativeRecord[]> {
  const cache = new Map<string, { until: number; list: Promise<InitiativeRecord[]> }>();
  return (districtId) => {
    const hit = cache.get(districtId);
    if (hit && hit.until > Date.now()) return hit.list;
    const list = listInitiativesInDistrict(repo, districtId);
    cache.set(districtId, { until: Date.now() + DIRECTORY_CACHE_MS, list });
    list.catch(() => cache.delete(districtId));
    return list;
  };
}

export interface Intake {
  topicId: string;
  description: string;
  urgency: string;
  dangerNow: boolean;
  wantsProfessional: boolean;
  formalWmoRequest: boolean;
  onlySelfHelp?: boolean;
  postcode: string;
  /** Language the resident wants to be helped in (two letters). */
  language: string;
  /** Pseudonymous household key, for continuity with a volunteer who helped before. */
  householdKey?: string;
  /** Same key, same request: a double click or a retry creates nothing new. */
  idempotencyKey?: string;
  /** Writes that belong to the new request (the resident's personal data, lookups), in the same transaction. */
  extra?: (requestId: string) => ExtraWrite[];
  /** The resident lets volunteers see the request: its card (the redacted text) for their feed. */
  feedCard?: { summary: string; expiresAt: number };
  /** False when the resident does not let volunteers see it: then only initiatives are asked. */
  volunteersMaySee?: boolean;
  /** False when the resident does not let initiatives see it: then no initiative is referred to. */
  initiativesMaySee?: boolean;
}

export interface SubmitResult {
  requestId: string;
  head: RequestHead;
  decision: TriageDecision;
  created: boolean;
}

/** How many volunteers are notified of a new request at once. */
export const OFFER_COUNT = 3;
const SYSTEM: Actor = { kind: 'system' };
const TEAM_ALERT_REPEAT_HOURS = 1;

export interface SweepCounts {
  /** What happened to which request, for callers that react (and for the logs). */
  actions: { requestId: string; outcome: SweepOutcome; head?: RequestHead }[];
  matched: number;
  widened: number;
  escalated: number;
  reminded: number;
  released: number;
  'closed-unanswered': number;
  'team-alerted': number;
  skipped: number;
}

export type SweepOutcome = 'matched' | 'widened' | 'escalated' | 'reminded' | 'released' | 'closed-unanswered' | 'team-alerted' | 'skipped';

interface Step {
  events: RequestEvent[];
  head: RequestHead;
  extra: ExtraWrite[];
}

export class SteppedCareEngine {
  private readonly geo: Geography;
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private readonly random: () => number;
  private readonly directory: (districtId: string) => Promise<InitiativeRecord[]>;
  private readonly heads: HeadCache;

  constructor(private readonly deps: EngineDeps) {
    this.geo = geography(deps.municipality.districts);
    this.directory = deps.directory ?? cachedDirectory(deps.repo);
    this.heads = deps.heads ?? new HeadCache();
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomUUID());
    this.random = deps.random ?? Math.random;
  }

  /** The same engine with a fixed clock: for simulations and replays that run many moments at once. */
  at(moment: Date): SteppedCareEngine {
    return new SteppedCareEngine({ ...this.deps, directory: this.directory, heads: this.heads, clock: () => moment });
  }

  // ---------------------------------------------------------------- resident

  async submit(intake: Intake): Promise<SubmitResult> {
    const input = parseTriageInput({
      topicId: intake.topicId,
      description: intake.description,
      urgency: intake.urgency,
      dangerNow: intake.dangerNow,
      wantsProfessional: intake.wantsProfessional,
      formalWmoRequest: intake.formalWmoRequest,
      ...(intake.onlySelfHelp === undefined ? {} : { onlySelfHelp: intake.onlySelfHelp }),
    });
    if (!postcodeSchema.safeParse(intake.postcode).success) {
      throw new DomainError('invalid-request', 'postcode is not a Dutch postcode', { fields: 'postcode' });
    }
    if (!/^[a-z]{2}$/.test(intake.language)) throw new DomainError('invalid-request', 'language must be two letters', { fields: 'language' });
    const district = districtForPostcode(this.deps.municipality, intake.postcode);
    if (!district) throw new DomainError('postcode-outside', `postcode is not in ${this.deps.municipality.name}`);

    const decision = triage(input);
    // Idempotency is optimistic: the key is written in the same transaction as the request, and a second
    // submission with the same key fails that condition and is answered with the first request.
    const now = this.clock();
    const at = now.toISOString();
    const requestId = this.newId();
    let head: RequestHead = {
      requestId,
      municipalityId: this.deps.municipality.id,
      districtId: district.id,
      postcodeArea: postcodeArea(intake.postcode),
      topicId: input.topic.id,
      urgency: input.urgency,
      priority: decision.priority,
      level: decision.level,
      rule: decision.rule,
      crisis: decision.crisis,
      language: intake.language,
      ...(intake.householdKey ? { householdKey: intake.householdKey } : {}),
      ...(intake.feedCard ? { feedCard: true } : {}),
      ...(intake.volunteersMaySee === false ? { volunteersMaySee: false } : {}),
      ...(intake.initiativesMaySee === false ? { initiativesMaySee: false } : {}),
      state: 'submitted',
      version: 0,
      createdAt: at,
      updatedAt: at,
      widened: false,
      reminded: false,
      ...(decision.startsWmoClock ? { wmo: startWmoClock(now) } : {}),
    };
    // The reasons are kept with the event so the resident reads the same "why this route" later.
    const submitted = this.event(head, 'submitted', { kind: 'resident' }, 'submitted', {
      rule: decision.rule,
      level: decision.level,
      reasons: decision.reasons.map((r) => r.text),
    });
    head = { ...head, state: 'submitted', version: 1 };
    let step: Step = { events: [submitted], head, extra: [] };

    if (decision.level === 'own-strength') {
      step = this.then(step, 'closed', SYSTEM, 'self-help: the resident only wanted tips', {}, { due: undefined });
    } else if (decision.level === 'district-team' || decision.level === 'collective') {
      step = this.escalate(step, decision.rule, now);
    } else if (this.deps.matching === 'deferred') {
      step = this.then(step, 'matching-started', SYSTEM, 'starts at the 0th line', {}, {
        responseDeadline: zerothLineDeadline(input.topic, input.urgency, now).toISOString(),
        due: { kind: 'match', at },
      });
    } else {
      step = this.then(step, 'matching-started', SYSTEM, 'starts at the 0th line', {}, {});
      step = await this.offer(step, input.topic, now);
    }
    if (intake.extra) step.extra.push(...intake.extra(requestId));
    if (intake.feedCard) {
      const { head: h } = step;
      step.extra.push({
        kind: 'put',
        item: {
          ...keys.feedCard(requestId),
          type: 'feed-card',
          requestId,
          districtId: h.districtId,
          postcodeArea: h.postcodeArea,
          topicId: h.topicId,
          urgency: h.urgency,
          language: h.language,
          createdAt: h.createdAt,
          summary: intake.feedCard.summary,
          expiresAt: intake.feedCard.expiresAt,
          ...(feedListing(h) ?? {}),
        },
      });
    }
    if (intake.idempotencyKey) {
      step.extra.push({ kind: 'put', item: { ...keys.idempotency(intake.idempotencyKey), type: 'idempotency', requestId }, ifAbsent: true });
    }
    try {
      await this.deps.requests.commit(step.head, 0, step.events, step.extra);
    } catch (error) {
      // The same key again (a retry, a double click, or two at once): answer with the request it made.
      if (intake.idempotencyKey && error instanceof DomainError && error.code === 'concurrent-change') {
        const existing = await this.deps.requests.requestForIdempotencyKey(intake.idempotencyKey);
        if (existing) return { requestId: existing, head: (await this.deps.requests.head(existing))!, decision, created: false };
      }
      throw error;
    }
    this.heads.set(step.head);
    if (step.head.due?.kind === 'match') this.deps.onMatchDue?.(requestId);
    return { requestId, head: step.head, decision, created: true };
  }

  /**
   * The first offer of a request submitted with deferred matching. Idempotent: a request that is no longer
   * waiting for it (matched already, claimed, withdrawn) is left alone and answered with its head.
   */
  async matchNow(requestId: string): Promise<RequestHead> {
    try {
      return await this.command(
        requestId,
        (step) => {
          if (step.head.due?.kind !== 'match') throw new DomainError('concurrent-change', 'already matched');
          return this.offer(step, this.topicOf(step.head), this.clock());
        },
        { fresh: true },
      );
    } catch (error) {
      if (error instanceof DomainError && ['concurrent-change', 'request-closed'].includes(error.code)) {
        return (await this.deps.requests.head(requestId))!;
      }
      throw error;
    }
  }

  async confirmSolved(requestId: string): Promise<RequestHead> {
    return this.command(requestId, (step) => this.then(step, 'confirmed-solved', { kind: 'resident' }, 'the resident says it was solved', {}, { due: undefined }));
  }

  async reportNotSolved(requestId: string, reason: string): Promise<RequestHead> {
    return this.command(requestId, async (step) => {
      let next = this.then(step, 'reported-not-solved', { kind: 'resident' }, reason, {}, {});
      next = this.then(next, 'matching-started', SYSTEM, 'reopened after "not solved"', {}, { widened: false });
      return this.offer(next, this.topicOf(next.head), this.clock());
    });
  }

  async withdraw(requestId: string, reason: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      const claimedBy = step.head.claimedBy;
      const next = this.then(step, 'withdrawn', { kind: 'resident' }, reason, {}, { due: undefined, claimedBy: undefined, heldByInitiative: undefined });
      if (claimedBy) next.extra.push(this.releaseCounter(claimedBy));
      return next;
    });
  }

  /** The resident answered a question; the answer itself is personal data and travels in `extra`. */
  async residentReplied(requestId: string, extra: ExtraWrite[]): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      const next = this.then(step, 'resident-replied', { kind: 'resident' }, 'the resident sent more information', {}, {});
      next.extra.push(...extra);
      return next;
    });
  }

  /** Satisfaction after closing, once; the score stays with the anonymous facts. */
  async giveFeedback(requestId: string, score: number, extra: ExtraWrite[]): Promise<RequestHead> {
    return this.command(
      requestId,
      (step) => {
        if (step.head.feedbackScore !== undefined) throw new DomainError('illegal-transition', 'feedback was already given', { event: 'feedback-given' });
        const next = this.then(step, 'feedback-given', { kind: 'resident' }, 'feedback', { score }, { feedbackScore: score });
        next.extra.push(...extra);
        return next;
      },
      { allowFinal: true },
    );
  }

  /**
   * Removes the resident's personal data (`deletes`) and records that it happened. An open request is
   * withdrawn first: nobody can help without the data. The anonymous head and events stay for the counts.
   */
  async erasePersonalData(requestId: string, actor: 'resident' | 'system', reason: string, deletes: ExtraWrite[]): Promise<RequestHead> {
    return this.command(
      requestId,
      (step) => {
        let next = step;
        if (!FINAL_STATES.has(step.head.state)) {
          const claimedBy = step.head.claimedBy;
          next = this.then(next, 'withdrawn', { kind: 'resident' }, 'withdrawn because the personal data was deleted', {}, {
            due: undefined,
            claimedBy: undefined,
            heldByInitiative: undefined,
          });
          if (claimedBy) next.extra.push(this.releaseCounter(claimedBy));
        }
        next = this.then(next, 'personal-data-erased', { kind: actor }, reason, {}, { householdKey: undefined, personalDataErased: true, feedCard: undefined });
        next.extra.push(...deletes);
        return next;
      },
      { allowFinal: true },
    );
  }

  /**
   * A volunteer or professional asks the resident for more information; the question itself is a message
   * to the resident (personal data) and travels in `extra`. The resident is told through the outbox.
   */
  async requestInformation(requestId: string, actor: Actor, extra: ExtraWrite[]): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      if (actor.kind === 'volunteer') this.assertClaimer(step.head, actor.id!);
      const next = this.then(step, 'information-requested', actor, 'more information needed', {}, {});
      next.extra.push(...extra, this.notify(next.head, 'information-requested', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  // ---------------------------------------------------------------- volunteer

  async claim(requestId: string, volunteerId: string): Promise<RequestHead> {
    try {
      return await this.command(requestId, async (step) => {
        const { head } = step;
        // Checked before reading the volunteer: most losing claims end here, at the price of one read.
        if (head.claimedBy || ['claimed', 'in-progress', 'done'].includes(head.state)) {
          throw new DomainError('already-claimed', 'someone else already took this request');
        }
        if (head.volunteersMaySee === false) throw new DomainError('volunteer-not-eligible', 'the resident did not let volunteers see this request', { reason: 'consent' });
        const volunteer = await this.deps.volunteers.get(volunteerId);
        if (!volunteer) throw new DomainError('volunteer-not-found', `no volunteer ${volunteerId}`);
        const why = ineligibility(normaliseProfile(volunteer), this.matchRequest(head), this.geo, this.clock());
        if (why) throw new DomainError('volunteer-not-eligible', `volunteer cannot take this request: ${why}`, { reason: why });
        const now = this.clock();
        const next = this.then(step, 'claimed', { kind: 'volunteer', id: volunteerId }, 'claimed', {}, {
          claimedBy: volunteerId,
          reminded: false,
          firstHumanResponseAt: head.firstHumanResponseAt ?? now.toISOString(),
          due: { kind: 'progress', at: claimProgressDeadline(head.urgency, now).toISOString() },
        });
        next.extra.push({
          kind: 'update',
          key: keys.volunteer(volunteerId),
          update: 'SET openClaims = openClaims + :one',
          condition: '#status = :approved AND openClaims < maxOpenClaims',
          names: { '#status': 'status' },
          values: { ':one': 1, ':approved': 'approved' },
          onConditionFailed: new DomainError('volunteer-not-eligible', 'volunteer is not approved or has too many open requests', { reason: 'load' }),
        });
        next.extra.push(this.notify(next.head, 'request-claimed', { kind: 'resident', id: requestId }, false));
        // On their page for a while, so they can raise a concern about this person after the claim ends.
        next.extra.push({
          kind: 'put',
          item: {
            ...keys.helped(volunteerId, now.toISOString(), requestId),
            type: 'helped',
            requestId,
            topicId: head.topicId,
            districtId: head.districtId,
            at: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + HELPED_LIST_DAYS * 86_400,
          },
        });
        return next;
      }, { fresh: true });
    } catch (error) {
      // Lost a race: another claim (or another change) came first. Tell the truth about the request now.
      if (error instanceof DomainError && error.code === 'concurrent-change') {
        const head = await this.deps.requests.head(requestId);
        if (head?.claimedBy || head?.heldByInitiative) throw new DomainError('already-claimed', 'someone else already took this request');
      }
      throw error;
    }
  }

  async noteProgress(requestId: string, volunteerId: string, note: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      this.assertClaimer(step.head, volunteerId);
      const now = this.clock();
      return this.then(step, 'progress-noted', { kind: 'volunteer', id: volunteerId }, note, {}, {
        reminded: false,
        due: { kind: 'progress', at: claimProgressDeadline(step.head.urgency, now).toISOString() },
      });
    });
  }

  async release(requestId: string, volunteerId: string, reason: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      this.assertClaimer(step.head, volunteerId);
      return this.releaseAndRematch(step, { kind: 'volunteer', id: volunteerId }, reason);
    });
  }

  async markDone(requestId: string, volunteerId: string, note: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      this.assertClaimer(step.head, volunteerId);
      const now = this.clock();
      // The claim ends here: the volunteer is free again, and a reopened request can be claimed anew.
      const next = this.then(step, 'marked-done', { kind: 'volunteer', id: volunteerId }, note, { volunteerId }, {
        claimedBy: undefined,
        due: { kind: 'confirmation', at: confirmationDeadline(now).toISOString() },
      });
      next.extra.push(this.releaseCounter(volunteerId, step.head.householdKey));
      next.extra.push(this.notify(next.head, 'was-it-solved', { kind: 'resident', id: step.head.requestId }, false));
      return next;
    });
  }

  async needsProfessional(requestId: string, volunteerId: string, reason: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      this.assertClaimer(step.head, volunteerId);
      const next = this.escalate(step, 'needs-professional', this.clock(), { kind: 'volunteer', id: volunteerId }, reason);
      next.extra.push(this.releaseCounter(volunteerId));
      return next;
    });
  }

  /**
   * A volunteer who helped raises a concern (zorgsignaal): recorded on the request, put in the district
   * team's queue with the request's context, and sent to the team at once. One per volunteer and request.
   */
  async raiseConcern(requestId: string, volunteerId: string, text: string, retainUntil: string): Promise<RequestHead> {
    return this.command(
      requestId,
      (step) => {
        const now = this.clock().toISOString();
        const next = this.then(step, 'concern-raised', { kind: 'volunteer', id: volunteerId }, 'a volunteer is worried', {}, {});
        next.extra.push(
          {
            kind: 'put',
            item: {
              ...keys.concern(requestId, volunteerId),
              ...keys.concernQueue(step.head.districtId, now, requestId),
              type: 'concern',
              requestId,
              volunteerId,
              districtId: step.head.districtId,
              topicId: step.head.topicId,
              state: step.head.state,
              at: now,
              text,
              expiresAt: Math.floor(Date.parse(retainUntil) / 1000),
            },
            ifAbsent: true,
          },
          this.notify(next.head, 'concern-raised', { kind: 'team', id: step.head.districtId }, true),
          this.notify(next.head, 'concern-received', { kind: 'volunteer', id: volunteerId }, false),
        );
        return next;
      },
      { allowFinal: true },
    );
  }

  // ---------------------------------------------------------------- initiative (through its signed link)

  /** The initiative takes the referral and holds the request, as a claiming volunteer does. */
  async acceptReferral(requestId: string, initiativeId: string): Promise<RequestHead> {
    return this.onFreshHeadOnRace(requestId, (step) => {
      this.assertReferralStage(step.head, initiativeId, 'offered');
      const now = this.clock();
      const next = this.then(step, 'referral-accepted', { kind: 'initiative', id: initiativeId }, 'the initiative takes the referral', { initiativeId }, {
        heldByInitiative: initiativeId,
        reminded: false,
        firstHumanResponseAt: step.head.firstHumanResponseAt ?? now.toISOString(),
        due: { kind: 'progress', at: referralProgressDeadline(now).toISOString() },
      });
      next.extra.push(this.notify(next.head, 'request-claimed', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  /**
   * The initiative is full: its week is marked full (no more referrals to it this week), it is never asked
   * about this request again, and the request goes back to matching for the next helper.
   */
  async declineReferral(requestId: string, initiativeId: string): Promise<RequestHead> {
    return this.onFreshHeadOnRace(requestId, (step) => {
      this.assertReferralStage(step.head, initiativeId, 'offered');
      const now = this.clock();
      const next = this.then(step, 'referral-declined', { kind: 'initiative', id: initiativeId }, 'the initiative is full', { initiativeId }, {
        offeredInitiatives: (step.head.offeredInitiatives ?? []).filter((id) => id !== initiativeId),
        initiativesDeclined: [...(step.head.initiativesDeclined ?? []), initiativeId],
      });
      next.extra.push({
        kind: 'update',
        key: keys.initiative(initiativeId),
        update: 'SET referralsByWeek.#week = capacityPerWeek',
        condition: 'attribute_exists(pk)',
        names: { '#week': isoWeek(now) },
        onConditionFailed: new DomainError('referral-not-open', 'the initiative no longer exists'),
      });
      return this.offer(next, this.topicOf(next.head), now);
    });
  }

  /**
   * The initiative closes the referral it holds: the resident is asked "was it solved?", as after a
   * volunteer's "done". "Could not help" returns the request to matching without this initiative.
   */
  async closeReferral(requestId: string, initiativeId: string, outcome: ReferralOutcome, note: string): Promise<RequestHead> {
    return this.onFreshHeadOnRace(requestId, (step) => {
      this.assertReferralStage(step.head, initiativeId, 'held');
      const actor: Actor = { kind: 'initiative', id: initiativeId };
      if (outcome === 'could-not-help') return this.returnReferral(step, actor, note || 'the initiative could not help');
      const next = this.then(step, 'referral-closed', actor, note || outcome, { initiativeId, outcome }, {
        heldByInitiative: undefined,
        due: { kind: 'confirmation', at: confirmationDeadline(this.clock()).toISOString() },
      });
      next.extra.push(this.notify(next.head, 'was-it-solved', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  // ---------------------------------------------------------------- district team

  async acceptByTeam(requestId: string, professionalId: string): Promise<RequestHead> {
    return this.command(requestId, (step) =>
      this.then(step, 'accepted-by-team', { kind: 'professional', id: professionalId }, 'accepted', {}, {
        firstHumanResponseAt: step.head.firstHumanResponseAt ?? this.clock().toISOString(),
        due: undefined,
      }),
    );
  }

  async sendBackToZerothLine(requestId: string, professionalId: string, advice: string): Promise<RequestHead> {
    return this.command(requestId, (step) => {
      const next = this.then(step, 'sent-back-to-zeroth-line', { kind: 'professional', id: professionalId }, advice, {}, { widened: false, level: 'zeroth-line' });
      return this.offer(next, this.topicOf(next.head), this.clock());
    });
  }

  async refer(requestId: string, professionalId: string, to: string): Promise<RequestHead> {
    return this.command(requestId, (step) => this.then(step, 'referred', { kind: 'professional', id: professionalId }, `referred to ${to}`, { to }, {}));
  }

  async close(requestId: string, professionalId: string, outcome: string): Promise<RequestHead> {
    return this.command(requestId, (step) => this.then(step, 'closed', { kind: 'professional', id: professionalId }, outcome, { outcome }, { due: undefined }));
  }

  // ---------------------------------------------------------------- safety net

  /**
   * One pass of the safety net: every request whose deadline passed takes its next step up the ladder.
   * Idempotent and safe to run twice at once: each step is a conditional commit on the request's version,
   * so a second sweep finds the deadline moved, or loses the race and skips.
   */
  async sweep(limit = 500): Promise<SweepCounts> {
    const counts: SweepCounts = { actions: [], matched: 0, widened: 0, escalated: 0, reminded: 0, released: 0, 'closed-unanswered': 0, 'team-alerted': 0, skipped: 0 };
    const now = this.clock();
    for (const { requestId, kind } of await this.deps.requests.due(now, limit)) {
      try {
        const { outcome, head } = await this.sweepOne(requestId, kind, now);
        counts[outcome] += 1;
        counts.actions.push({ requestId, outcome, head });
      } catch (error) {
        if (error instanceof DomainError && ['concurrent-change', 'illegal-transition', 'request-closed'].includes(error.code)) {
          counts.skipped += 1;
        } else {
          throw error;
        }
      }
    }
    return counts;
  }

  private async sweepOne(requestId: string, kind: DueKind, now: Date): Promise<{ outcome: SweepOutcome; head: RequestHead }> {
    let outcome: SweepOutcome = 'skipped';
    const head = await this.command(requestId, async (step) => {
      const { head } = step;
      if (!head.due || head.due.kind !== kind || head.due.at > now.toISOString()) throw new DomainError('concurrent-change', 'already handled');
      if (kind === 'match') {
        outcome = 'matched';
        return this.offer(step, this.topicOf(head), now);
      }
      if (kind === 'response') {
        if (!head.widened) {
          outcome = 'widened';
          const next = this.then(step, 'search-widened', SYSTEM, 'nobody responded in time: looking wider', {}, { widened: true });
          return this.offer(next, this.topicOf(head), now);
        }
        outcome = 'escalated';
        return this.escalate(step, 'not-picked-up-in-time', now);
      }
      if (kind === 'progress' && head.heldByInitiative) {
        if (!head.reminded) {
          outcome = 'reminded';
          const next = this.then(step, 'reminder-sent', SYSTEM, 'the initiative has not closed the referral yet', {}, {
            reminded: true,
            due: { kind: 'progress', at: referralProgressDeadline(now).toISOString() },
          });
          next.extra.push(this.notify(next.head, 'referral-reminder', { kind: 'initiative', id: head.heldByInitiative }, false));
          return next;
        }
        outcome = 'released';
        return this.returnReferral(step, SYSTEM, 'no word from the initiative after a reminder');
      }
      if (kind === 'progress') {
        if (!head.reminded) {
          outcome = 'reminded';
          const next = this.then(step, 'reminder-sent', SYSTEM, 'no progress yet', {}, {
            reminded: true,
            due: { kind: 'progress', at: claimProgressDeadline(head.urgency, now).toISOString() },
          });
          next.extra.push(this.notify(next.head, 'claim-reminder', { kind: 'volunteer', id: head.claimedBy! }, false));
          return next;
        }
        outcome = 'released';
        return this.releaseAndRematch(step, SYSTEM, 'no progress after a reminder');
      }
      if (kind === 'confirmation') {
        outcome = 'closed-unanswered';
        return this.then(step, 'confirmed-solved', SYSTEM, 'no answer from the resident within 14 days', {}, { due: undefined });
      }
      outcome = 'team-alerted';
      const next = this.then(step, 'team-alerted', SYSTEM, 'the team has not responded in time', {}, {
        due: { kind: 'team', at: new Date(now.getTime() + TEAM_ALERT_REPEAT_HOURS * 3_600_000).toISOString() },
      });
      next.extra.push(this.notify(next.head, 'team-overdue', { kind: 'team', id: head.districtId }, true));
      return next;
    }, { fresh: true });
    return { outcome, head };
  }

  // ---------------------------------------------------------------- matching

  /** Candidates for a request, ranked, with reasons. Reads are bounded (see VolunteerStore). */
  async candidates(head: Pick<RequestHead, 'districtId' | 'topicId' | 'language' | 'urgency' | 'householdKey' | 'widened'>) {
    const request = this.matchRequest(head);
    const districts = searchDistricts(this.geo, request);
    const ids = await this.deps.volunteers.candidateIds(districts, request.topic.id, this.random);
    const profiles = (await this.deps.volunteers.profiles(ids)).map(normaliseProfile);
    const now = this.clock();
    const volunteers = rankVolunteers(profiles, request, this.geo, now);
    const listed = (await this.directory(head.districtId)).filter((i) => i.topics.includes(request.topic.id));
    const initiatives = rankInitiatives(
      (await this.deps.volunteers.initiativeProfiles(listed.map((i) => i.initiativeId))).map((i) => ({
        initiativeId: i.initiativeId,
        districts: i.districts,
        topics: i.topics,
        capacityPerWeek: i.capacityPerWeek,
        referralsThisWeek: referralsInWeek(i.referralsByWeek, now),
      })),
      request,
    );
    return { volunteers, initiatives };
  }

  /** Offers the request to the best fitting helpers; `exclude` are volunteers who just let go of it. */
  private async offer(step: Step, topic: Topic, now: Date, exclude: readonly string[] = []): Promise<Step> {
    const declined = step.head.initiativesDeclined ?? [];
    const find = async (head: RequestHead) => {
      const found = await this.candidates(head);
      return {
        volunteers: found.volunteers.filter((c) => !exclude.includes(c.candidate.volunteerId)),
        initiatives: found.initiatives.filter((c) => !declined.includes(c.candidate.initiativeId)),
      };
    };
    let { volunteers, initiatives } = await find(step.head);
    // Only the audiences the resident let see the request are asked.
    const noVolunteers = step.head.volunteersMaySee === false;
    const noInitiatives = step.head.initiativesMaySee === false;
    if (noVolunteers) volunteers = [];
    if (noInitiatives) initiatives = [];
    if (volunteers.length === 0 && initiatives.length === 0 && !step.head.widened) {
      step = this.then(step, 'search-widened', SYSTEM, 'nobody fits nearby: looking wider', {}, { widened: true });
      ({ volunteers, initiatives } = await find(step.head));
      if (noVolunteers) volunteers = [];
      if (noInitiatives) initiatives = [];
    }
    if (volunteers.length === 0 && initiatives.length === 0) return this.escalate(step, 'no-match-at-zeroth-line', now);

    const chosen = volunteers.slice(0, OFFER_COUNT);
    const referral = initiatives.slice(0, 1);
    const deadline = step.head.widened ? widenedDeadline(topic, step.head.urgency, now) : zerothLineDeadline(topic, step.head.urgency, now);
    const next = this.then(
      step,
      'offered',
      SYSTEM,
      'offered to the best fitting helpers',
      { volunteers: chosen.map(summary), initiatives: referral.map(summary) },
      {
        offeredTo: chosen.map((c) => c.candidate.volunteerId),
        offeredInitiatives: referral.map((c) => c.candidate.initiativeId),
        responseDeadline: deadline.toISOString(),
        due: { kind: 'response', at: deadline.toISOString() },
      },
    );
    const urgent = step.head.urgency === 'today';
    // Whoever is asked already (a wider search finding them again) gets no second e-mail, nor a second count.
    const askedAlready = new Set([...(step.head.offeredTo ?? []), ...(step.head.offeredInitiatives ?? [])]);
    for (const c of chosen) {
      if (!askedAlready.has(c.candidate.volunteerId)) next.extra.push(this.notify(next.head, 'request-offered', { kind: 'volunteer', id: c.candidate.volunteerId }, urgent));
    }
    for (const c of referral.filter((r) => !askedAlready.has(r.candidate.initiativeId))) {
      next.extra.push(this.notify(next.head, 'referral-offered', { kind: 'initiative', id: c.candidate.initiativeId }, urgent));
      next.extra.push({
        kind: 'update',
        key: keys.initiative(c.candidate.initiativeId),
        update: 'SET referralsByWeek.#week = if_not_exists(referralsByWeek.#week, :zero) + :one',
        names: { '#week': isoWeek(now) },
        values: { ':zero': 0, ':one': 1 },
        onConditionFailed: new DomainError('concurrent-change', 'initiative changed'),
      });
    }
    return next;
  }

  private escalate(step: Step, why: string, now: Date, actor: Actor = SYSTEM, reason = why): Step {
    const deadline = teamDeadline(step.head.priority, now);
    const next = this.then(step, actor.kind === 'volunteer' ? 'needs-professional' : 'escalated', actor, reason, { why }, {
      escalatedAt: now.toISOString(),
      claimedBy: undefined,
      heldByInitiative: undefined,
      offeredTo: undefined,
      offeredInitiatives: undefined,
      level: step.head.level === 'collective' ? 'collective' : 'district-team',
      responseDeadline: step.head.firstHumanResponseAt ? step.head.responseDeadline : deadline.toISOString(),
      due: { kind: 'team', at: deadline.toISOString() },
    });
    next.extra.push(this.notify(next.head, 'escalated-to-team', { kind: 'team', id: step.head.districtId }, step.head.priority === 'crisis' || step.head.priority === 'high'));
    return next;
  }

  private async releaseAndRematch(step: Step, actor: Actor, reason: string): Promise<Step> {
    const volunteerId = step.head.claimedBy!;
    let next = this.then(step, 'released', actor, reason, { volunteerId }, { claimedBy: undefined, reminded: false, offeredTo: undefined, offeredInitiatives: undefined });
    next.extra.push(this.releaseCounter(volunteerId));
    if (actor.kind === 'system') next.extra.push(this.notify(next.head, 'claim-released', { kind: 'volunteer', id: volunteerId }, false));
    // The one who let go is not offered the same request again.
    return this.offer(next, this.topicOf(next.head), this.clock(), [volunteerId]);
  }

  /** The initiative lets go of the request (or never reported back): to matching, without that initiative. */
  private returnReferral(step: Step, actor: Actor, reason: string): Promise<Step> {
    const initiativeId = step.head.heldByInitiative!;
    const next = this.then(step, 'referral-returned', actor, reason, { initiativeId }, {
      heldByInitiative: undefined,
      reminded: false,
      offeredTo: undefined,
      offeredInitiatives: undefined,
      initiativesDeclined: [...(step.head.initiativesDeclined ?? []), initiativeId],
    });
    if (actor.kind === 'system') next.extra.push(this.notify(next.head, 'referral-returned', { kind: 'initiative', id: initiativeId }, false));
    return this.offer(next, this.topicOf(next.head), this.clock());
  }

  private assertReferralStage(head: RequestHead, initiativeId: string, stage: 'offered' | 'held'): void {
    if (referralStage(head, initiativeId) !== stage) throw new DomainError('referral-not-open', `the referral of ${initiativeId} is not ${stage}`);
  }

  /**
   * For commands that race with others on the same request (an initiative answering while a volunteer
   * claims): decide on the stored head, and when another change wins, decide once more on the new one, so
   * the answer is the truth about the request now (typically `referral-not-open`).
   */
  private async onFreshHeadOnRace(requestId: string, run: (step: Step) => Step | Promise<Step>): Promise<RequestHead> {
    try {
      return await this.command(requestId, run, { fresh: true });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'concurrent-change') throw error;
      return this.command(requestId, run, { fresh: true });
    }
  }

  // ---------------------------------------------------------------- plumbing

  /**
   * Runs a step on the request's head and commits it; the commit's conditions guard concurrency. Starts from
   * the remembered head when there is one (see HeadCache); `fresh` forces a read, for contended commands.
   */
  private async command(
    requestId: string,
    run: (step: Step) => Step | Promise<Step>,
    options: { fresh?: boolean; allowFinal?: boolean } = {},
  ): Promise<RequestHead> {
    const remembered = options.fresh ? undefined : this.heads.get(requestId);
    if (remembered) {
      try {
        return await this.attempt(remembered, run, options.allowFinal);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Perhaps the remembered head was stale: decide again on the stored one.
      }
    }
    const head = await this.deps.requests.head(requestId);
    if (!head) throw new DomainError('request-not-found', `no request ${requestId}`);
    this.heads.set(head);
    return this.attempt(head, run, options.allowFinal);
  }

  private async attempt(head: RequestHead, run: (step: Step) => Step | Promise<Step>, allowFinal = false): Promise<RequestHead> {
    if (!allowFinal && FINAL_STATES.has(head.state)) throw new DomainError('request-closed', `the request is ${head.state}`, { state: head.state });
    const step = await run({ events: [], head, extra: [] });
    const listing = feedListingWrite(head, step.head);
    if (listing) step.extra.push(listing);
    await this.deps.requests.commit(step.head, head.version, step.events, step.extra);
    this.heads.set(step.head);
    return step.head;
  }

  /** Appends one event after the domain allowed it, and returns the step with the projected head. */
  private then(step: Step, type: EventType, actor: Actor, reason: string, data: Record<string, unknown>, changes: Partial<RequestHead>): Step {
    const state = nextState(step.head.state, type, actor);
    const event = this.event(step.head, type, actor, reason, data);
    const head: RequestHead = { ...step.head, ...changes, state, version: event.seq, updatedAt: event.at };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete (head as unknown as Record<string, unknown>)[key];
    return { events: [...step.events, event], head, extra: step.extra };
  }

  private event(head: RequestHead, type: EventType, actor: Actor, reason: string, data: Record<string, unknown> = {}): RequestEvent {
    return { seq: head.version + 1, type, at: this.clock().toISOString(), actor, reason, ...(Object.keys(data).length ? { data } : {}) };
  }

  private notify(head: RequestHead, template: NotificationTemplate, to: Recipient, urgent: boolean): ExtraWrite {
    const notification: Notification = { notificationId: this.newId(), at: this.clock().toISOString(), template, to, requestId: head.requestId, urgent };
    return outboxWrite(notification);
  }

  private releaseCounter(volunteerId: string, helpedHousehold?: string): ExtraWrite {
    return {
      kind: 'update',
      key: keys.volunteer(volunteerId),
      update: helpedHousehold ? 'SET openClaims = openClaims - :one ADD helpedHouseholds :household' : 'SET openClaims = openClaims - :one',
      condition: 'openClaims > :zero',
      values: { ':one': 1, ':zero': 0, ...(helpedHousehold ? { ':household': new Set([helpedHousehold]) } : {}) },
      onConditionFailed: new DomainError('concurrent-change', 'volunteer counter out of step'),
    };
  }

  private assertClaimer(head: RequestHead, volunteerId: string): void {
    if (head.claimedBy !== volunteerId) throw new DomainError('volunteer-not-eligible', 'only the volunteer who took the request can do this', { reason: 'not-claimer' });
  }

  private topicOf(head: Pick<RequestHead, 'topicId'>): Topic {
    return findTopic(head.topicId)!;
  }

  private matchRequest(head: Pick<RequestHead, 'districtId' | 'topicId' | 'language' | 'urgency' | 'householdKey' | 'widened'>): MatchRequest {
    return {
      districtId: head.districtId,
      topic: this.topicOf(head),
      language: head.language,
      urgency: head.urgency,
      widened: head.widened,
      ...(head.householdKey ? { householdKey: head.householdKey } : {}),
    };
  }
}

function summary(c: RankedCandidate<{ volunteerId: string } | { initiativeId: string }>) {
  const id = 'volunteerId' in c.candidate ? c.candidate.volunteerId : c.candidate.initiativeId;
  return { id, score: c.score, reasons: c.reasons.map((r) => r.code) };
}

/** A request is in the volunteers' feed while it is open at the 0th line and nobody holds it. */
function listedInFeed(head: Pick<RequestHead, 'feedCard' | 'state' | 'level' | 'claimedBy'>): boolean {
  return head.feedCard === true && head.level === 'zeroth-line' && !head.claimedBy && ['matching', 'offered', 'not-solved'].includes(head.state);
}

/**
 * Where a request's card stands on the feed index: in its district's feed while open, under the volunteer
 * who holds it while claimed ("my requests"), nowhere otherwise.
 */
function feedListing(head: RequestHead): { gsi2pk: string; gsi2sk: string } | null {
  if (!head.feedCard) return null;
  if (listedInFeed(head)) return keys.feedListing(head.districtId, urgencyRank(head.urgency), head.createdAt, head.requestId);
  if (head.claimedBy && ['claimed', 'in-progress'].includes(head.state)) return keys.claimedListing(head.claimedBy, head.createdAt, head.requestId);
  return null;
}

/** The update that moves a request's card on the feed index, when a step changes its place. */
function feedListingWrite(before: RequestHead, after: RequestHead): ExtraWrite | undefined {
  if (!before.feedCard || !after.feedCard) return undefined;
  const [from, to] = [feedListing(before), feedListing(after)];
  if (from?.gsi2pk === to?.gsi2pk && from?.gsi2sk === to?.gsi2sk) return undefined;
  const base = { kind: 'update' as const, key: keys.feedCard(after.requestId), condition: 'attribute_exists(pk)' };
  const onConditionFailed = new DomainError('concurrent-change', `the feed card of ${after.requestId} is gone`);
  if (!to) return { ...base, update: 'REMOVE gsi2pk, gsi2sk', onConditionFailed };
  return { ...base, update: 'SET gsi2pk = :pk, gsi2sk = :sk', values: { ':pk': to.gsi2pk, ':sk': to.gsi2sk }, onConditionFailed };
}

/** DynamoDB returns string sets as Set; the domain works with arrays. */
function normaliseProfile(v: VolunteerProfile): VolunteerProfile {
  const helped = v.helpedHouseholds as unknown;
  return helped instanceof Set ? { ...v, helpedHouseholds: [...(helped as Set<string>)] } : v;
}
