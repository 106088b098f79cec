// The one command runner every actor's commands share: read the request's head, let the domain decide, and
// commit the new events with the head and their effects in one conditional write. A command is a function
// from a Step (events so far, the projected head, effects) to the next Step.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../kernel/errors';
import type { Municipality } from '../../../kernel/municipality';
import type { NotificationTemplate, Recipient } from '../../../platform/outbox/notifications';
import { feedMove } from '../../domain/feed-placement';
import { FINAL_STATES, nextState, type Actor, type EventType, type RequestEvent } from '../../domain/lifecycle';
import { geography, type Geography } from '../../domain/matching';
import type { RequestHead } from '../../domain/request';
import type { Effect, HelperPool, RequestLog } from '../ports';

export interface EngineDeps {
  requests: RequestLog;
  helpers: HelperPool;
  municipality: Municipality;
  clock?: () => Date;
  newId?: () => string;
  random?: () => number;
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

export interface Step {
  events: RequestEvent[];
  head: RequestHead;
  effects: Effect[];
}

export const SYSTEM: Actor = { kind: 'system' };

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

export interface CommandOptions {
  /** Read the stored head first: for contended commands (claims, the sweep). */
  fresh?: boolean;
  /** Allowed on a closed or withdrawn request (feedback, erasure, a concern). */
  allowFinal?: boolean;
}

export class CommandRunner {
  readonly geo: Geography;
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly random: () => number;
  readonly heads: HeadCache;

  constructor(readonly deps: EngineDeps) {
    this.geo = geography(deps.municipality.districts);
    this.heads = deps.heads ?? new HeadCache();
    this.clock = deps.clock ?? (() => new Date());
    this.newId = deps.newId ?? (() => randomUUID());
    this.random = deps.random ?? Math.random;
  }

  /**
   * Runs a step on the request's head and commits it; the commit's conditions guard concurrency. Starts from
   * the remembered head when there is one (see HeadCache); `fresh` forces a read, for contended commands.
   */
  async command(requestId: string, run: (step: Step) => Step | Promise<Step>, options: CommandOptions = {}): Promise<RequestHead> {
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

  /**
   * For commands that race with others on the same request (an initiative answering while a volunteer
   * claims): decide on the stored head, and when another change wins, decide once more on the new one, so
   * the answer is the truth about the request now (typically `referral-not-open`).
   */
  async onFreshHeadOnRace(requestId: string, run: (step: Step) => Step | Promise<Step>): Promise<RequestHead> {
    try {
      return await this.command(requestId, run, { fresh: true });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'concurrent-change') throw error;
      return this.command(requestId, run, { fresh: true });
    }
  }

  /** Commits a new request: its first events and effects, on no head at all. */
  async create(step: Step): Promise<void> {
    await this.deps.requests.commit(step.head, 0, step.events, step.effects);
    this.heads.set(step.head);
  }

  private async attempt(head: RequestHead, run: (step: Step) => Step | Promise<Step>, allowFinal = false): Promise<RequestHead> {
    if (!allowFinal && FINAL_STATES.has(head.state)) throw new DomainError('request-closed', `the request is ${head.state}`, { state: head.state });
    const step = await run({ events: [], head, effects: [] });
    const moved = feedMove(head, step.head);
    if (moved) step.effects.push({ kind: 'feed-card-moved', requestId: head.requestId, placement: moved.placement });
    await this.deps.requests.commit(step.head, head.version, step.events, step.effects);
    this.heads.set(step.head);
    return step.head;
  }

  /** Appends one event after the domain allowed it, and returns the step with the projected head. */
  then(step: Step, type: EventType, actor: Actor, reason: string, data: Record<string, unknown>, changes: Partial<RequestHead>): Step {
    const state = nextState(step.head.state, type, actor);
    const event = this.event(step.head, type, actor, reason, data);
    const head: RequestHead = { ...step.head, ...changes, state, version: event.seq, updatedAt: event.at };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete (head as unknown as Record<string, unknown>)[key];
    return { events: [...step.events, event], head, effects: step.effects };
  }

  event(head: RequestHead, type: EventType, actor: Actor, reason: string, data: Record<string, unknown> = {}): RequestEvent {
    return { seq: head.version + 1, type, at: this.clock().toISOString(), actor, reason, ...(Object.keys(data).length ? { data } : {}) };
  }

  notify(head: RequestHead, template: NotificationTemplate, to: Recipient, urgent: boolean): Effect {
    return {
      kind: 'notification-queued',
      notification: { notificationId: this.newId(), at: this.clock().toISOString(), template, to, requestId: head.requestId, urgent },
    };
  }
}
