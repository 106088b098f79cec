// The resident's commands on the ladder: a new request (triaged, then matched or escalated at once), "was it
// solved?", withdrawing, replying, feedback, erasure; and a helper's question to the resident.
import { DomainError } from '../../../kernel/errors';
import { assertClaimer } from '../../domain/claiming';
import { startWmoClock, zerothLineDeadline } from '../../domain/deadlines';
import { feedPlacement } from '../../domain/feed-placement';
import { FINAL_STATES, type Actor } from '../../domain/lifecycle';
import type { RequestHead } from '../../domain/request';
import type { NewRequest } from '../../domain/new-request';
import { triage, type TriageDecision } from '../../domain/triage';
import type { Effect, FeedCard } from '../ports';
import type { Ladder } from './ladder';
import { SYSTEM, type CommandRunner, type Step } from './runner';

export interface Intake {
  /** The request, validated at the boundary and resolved (domain/new-request.ts): the engine parses nothing again. */
  request: NewRequest;
  /** Pseudonymous household key, for continuity with a volunteer who helped before. */
  householdKey?: string;
  /** Same key, same request: a double click or a retry creates nothing new. */
  idempotencyKey?: string;
  /** A fingerprint of what was sent with the key: the same key with another body is refused, never answered. */
  idempotencyFingerprint?: string;
  /** The resident's reference code (the desk makes it), kept on the head until the personal data goes. */
  referenceCode?: string;
  /** Effects that belong to the new request (the resident's personal data, a receipt), in the same commit. */
  effects?: (requestId: string) => Effect[];
  /** The resident lets volunteers see the request: its card (the redacted text) for their feed. */
  feedCard?: Pick<FeedCard, 'summary' | 'expiresAt'>;
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

const RESIDENT: Actor = { kind: 'resident' };

export class ResidentCommands {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  async submit(intake: Intake): Promise<SubmitResult> {
    const { municipality, matching } = this.run.deps;
    const { request } = intake;
    const decision = triage(request.triage);
    // Idempotency is optimistic: the key is claimed in the same commit as the request, and a second
    // submission with the same key fails that condition and is answered with the first request.
    const now = this.run.clock();
    const at = now.toISOString();
    const requestId = this.run.newId();
    let head: RequestHead = {
      requestId,
      municipalityId: municipality.id,
      districtId: request.district.id,
      postcodeArea: request.postcodeArea,
      topicId: request.topic.id,
      urgency: request.triage.urgency,
      priority: decision.priority,
      level: decision.level,
      rule: decision.rule,
      crisis: decision.crisis,
      language: request.language,
      ...(intake.householdKey ? { householdKey: intake.householdKey } : {}),
      ...(intake.referenceCode ? { referenceCode: intake.referenceCode } : {}),
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
    const submitted = this.run.event(head, 'submitted', RESIDENT, 'submitted', {
      rule: decision.rule,
      level: decision.level,
      reasons: decision.reasons.map(({ code, key, params }) => ({ code, key, ...(params ? { params } : {}) })),
    });
    head = { ...head, state: 'submitted', version: 1 };
    let step: Step = { events: [submitted], head, effects: [] };

    if (decision.level === 'own-strength') {
      step = this.run.then(step, 'closed', SYSTEM, 'self-help: the resident only wanted tips', {}, { due: undefined });
    } else if (decision.level === 'district-team' || decision.level === 'collective') {
      step = this.ladder.escalate(step, decision.rule, now);
    } else if (matching === 'deferred') {
      step = this.run.then(
        step,
        'matching-started',
        SYSTEM,
        'starts at the 0th line',
        {},
        {
          responseDeadline: zerothLineDeadline(request.topic, request.triage.urgency, now).toISOString(),
          due: { kind: 'match', at },
        },
      );
    } else {
      step = this.run.then(step, 'matching-started', SYSTEM, 'starts at the 0th line', {}, {});
      step = await this.ladder.offer(step, now);
    }
    if (intake.effects) step.effects.push(...intake.effects(requestId));
    if (intake.feedCard) {
      const { head: h } = step;
      const card: FeedCard = {
        requestId,
        districtId: h.districtId,
        postcodeArea: h.postcodeArea,
        topicId: h.topicId,
        urgency: h.urgency,
        language: h.language,
        createdAt: h.createdAt,
        summary: intake.feedCard.summary,
        expiresAt: intake.feedCard.expiresAt,
      };
      step.effects.push({ kind: 'feed-card-placed', card, placement: feedPlacement(h) });
    }
    if (intake.idempotencyKey)
      step.effects.push({
        kind: 'idempotency-key-claimed',
        key: intake.idempotencyKey,
        requestId,
        ...(intake.idempotencyFingerprint ? { fingerprint: intake.idempotencyFingerprint } : {}),
      });
    try {
      await this.run.create(step);
    } catch (error) {
      // The same key again (a retry, a double click, or two at once): answer with the request it made.
      if (intake.idempotencyKey && error instanceof DomainError && error.code === 'concurrent-change') {
        const existing = await this.run.deps.requests.requestForIdempotencyKey(intake.idempotencyKey);
        if (existing?.fingerprint && existing.fingerprint !== intake.idempotencyFingerprint)
          throw new DomainError('idempotency-key-reused', 'this idempotency key was used with another request body');
        if (existing)
          return { requestId: existing.requestId, head: (await this.run.deps.requests.head(existing.requestId))!, decision, created: false };
      }
      throw error;
    }
    if (step.head.due?.kind === 'match') this.run.deps.onMatchDue?.(requestId);
    return { requestId, head: step.head, decision, created: true };
  }

  /**
   * The first offer of a request submitted with deferred matching. Idempotent: a request that is no longer
   * waiting for it (matched already, claimed, withdrawn) is left alone and answered with its head.
   */
  async matchNow(requestId: string): Promise<RequestHead> {
    try {
      return await this.run.command(
        requestId,
        (step) => {
          if (step.head.due?.kind !== 'match') throw new DomainError('concurrent-change', 'already matched');
          return this.ladder.offer(step, this.run.clock());
        },
        { fresh: true },
      );
    } catch (error) {
      if (error instanceof DomainError && ['concurrent-change', 'request-closed'].includes(error.code)) {
        return (await this.run.deps.requests.head(requestId))!;
      }
      throw error;
    }
  }

  confirmSolved(requestId: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) =>
      this.run.then(step, 'confirmed-solved', RESIDENT, 'the resident says it was solved', {}, { due: undefined }),
    );
  }

  reportNotSolved(requestId: string, reason: string): Promise<RequestHead> {
    return this.run.command(requestId, async (step) => {
      let next = this.run.then(step, 'reported-not-solved', RESIDENT, reason, {}, {});
      // After the team's help it goes back to the team; else back to the 0th line.
      if (step.head.level === 'district-team') return this.ladder.escalate(next, 'not-solved-after-help', this.run.clock(), RESIDENT, reason);
      next = this.run.then(next, 'matching-started', SYSTEM, 'reopened after "not solved"', {}, { widened: false });
      return this.ladder.offer(next, this.run.clock());
    });
  }

  withdraw(requestId: string, reason: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => this.withdrawn(step, reason));
  }

  /** The resident answered a question; the answer itself is personal data and travels as an effect. */
  residentReplied(requestId: string, effects: Effect[]): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      const next = this.run.then(step, 'resident-replied', RESIDENT, 'the resident sent more information', {}, {});
      next.effects.push(...effects);
      return next;
    });
  }

  /** Satisfaction after closing, once; the score stays with the anonymous facts. */
  giveFeedback(requestId: string, score: number, effects: Effect[]): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        if (step.head.feedbackScore !== undefined)
          throw new DomainError('illegal-transition', 'feedback was already given', { event: 'feedback-given' });
        const next = this.run.then(step, 'feedback-given', RESIDENT, 'feedback', { score }, { feedbackScore: score });
        next.effects.push(...effects);
        return next;
      },
      { allowFinal: true },
    );
  }

  /**
   * Removes the resident's personal data (the erasure effect) and records that it happened. An open request
   * is withdrawn first: nobody can help without the data. The anonymous head and events stay for the counts.
   */
  erasePersonalData(requestId: string, actor: 'resident' | 'system', reason: string, erasure: Effect[]): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        let next = FINAL_STATES.has(step.head.state) ? step : this.withdrawn(step, 'withdrawn because the personal data was deleted');
        next = this.run.then(
          next,
          'personal-data-erased',
          { kind: actor },
          reason,
          {},
          { householdKey: undefined, referenceCode: undefined, personalDataErased: true, feedCard: undefined },
        );
        next.effects.push(...erasure);
        return next;
      },
      { allowFinal: true },
    );
  }

  /**
   * A volunteer or professional asks the resident for more information; the question itself is a message
   * to the resident (personal data) and travels as an effect. The resident is told through the outbox.
   */
  requestInformation(requestId: string, actor: Actor, effects: Effect[]): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      if (actor.kind === 'volunteer') assertClaimer(step.head, actor.id!);
      const next = this.run.then(step, 'information-requested', actor, 'more information needed', {}, {});
      next.effects.push(...effects, this.run.notify(next.head, 'information-requested', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  private withdrawn(step: Step, reason: string): Step {
    const claimedBy = step.head.claimedBy;
    const next = this.run.then(step, 'withdrawn', RESIDENT, reason, {}, { due: undefined, claimedBy: undefined, heldByInitiative: undefined });
    if (claimedBy) next.effects.push({ kind: 'volunteer-load-returned', volunteerId: claimedBy });
    return next;
  }
}
