// The safety net's sweep: every request whose deadline passed takes the next step the domain names
// (domain/safety-net.ts). Idempotent and safe to run twice at once: each step is a conditional commit on
// the request's version, so a second sweep finds the deadline moved, or loses the race and skips.
import { HOUR_MS } from '../../../kernel/durations';
import { DomainError } from '../../../kernel/errors';
import { teamHours } from '../../../kernel/municipality';
import { addWorkingTime } from '../../../kernel/working-time';
import { claimProgressDeadline, referralProgressDeadline } from '../../domain/deadlines';
import type { DueKind, RequestHead } from '../../domain/request';
import { nextSafetyNetStep, SWEEP_OUTCOME, TEAM_ALERT_REPEAT_HOURS, type SafetyNetStep, type SweepOutcome } from '../../domain/safety-net';
import type { Ladder } from './ladder';
import { SYSTEM, type CommandRunner, type Step } from './runner';

export interface SweepCounts extends Record<SweepOutcome, number> {
  /** What happened to which request, for callers that react (and for the logs). */
  actions: { requestId: string; outcome: SweepOutcome; head?: RequestHead }[];
}

/** Refusals that mean "someone else handled it first": counted as skipped, never an error. */
const SKIPPABLE = ['concurrent-change', 'illegal-transition', 'request-closed'];

export class SafetyNet {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  async sweep(limit = 500): Promise<SweepCounts> {
    const counts: SweepCounts = {
      actions: [],
      matched: 0,
      widened: 0,
      escalated: 0,
      reminded: 0,
      released: 0,
      'closed-unanswered': 0,
      'team-alerted': 0,
      skipped: 0,
    };
    const now = this.run.clock();
    for (const { requestId, kind } of await this.run.deps.requests.due(now, limit)) {
      try {
        const { outcome, head } = await this.sweepOne(requestId, kind, now);
        counts[outcome] += 1;
        counts.actions.push({ requestId, outcome, head });
      } catch (error) {
        if (!(error instanceof DomainError) || !SKIPPABLE.includes(error.code)) throw error;
        counts.skipped += 1;
      }
    }
    return counts;
  }

  private async sweepOne(requestId: string, kind: DueKind, now: Date): Promise<{ outcome: SweepOutcome; head: RequestHead }> {
    let outcome: SweepOutcome = 'skipped';
    const head = await this.run.command(
      requestId,
      (step) => {
        const next = nextSafetyNetStep(step.head, kind, now);
        if (!next) throw new DomainError('concurrent-change', 'already handled');
        outcome = SWEEP_OUTCOME[next];
        return this.take(step, next, now);
      },
      { fresh: true },
    );
    return { outcome, head };
  }

  private take(step: Step, next: SafetyNetStep, now: Date): Step | Promise<Step> {
    const { head } = step;
    switch (next) {
      case 'match':
        return this.ladder.offer(step, now);
      case 'widen':
        return this.ladder.offer(
          this.run.then(step, 'search-widened', SYSTEM, 'nobody responded in time: looking wider', {}, { widened: true }),
          now,
        );
      case 'escalate':
        return this.ladder.escalate(step, 'not-picked-up-in-time', now);
      case 'remind-initiative': {
        const reminded = this.run.then(
          step,
          'reminder-sent',
          SYSTEM,
          'the initiative has not closed the referral yet',
          {},
          {
            reminded: true,
            due: { kind: 'progress', at: referralProgressDeadline(now).toISOString() },
          },
        );
        reminded.effects.push(this.run.notify(reminded.head, 'referral-reminder', { kind: 'initiative', id: head.heldByInitiative! }, false));
        return reminded;
      }
      case 'return-referral':
        return this.ladder.returnReferral(step, SYSTEM, 'no word from the initiative after a reminder');
      case 'remind-volunteer': {
        const reminded = this.run.then(
          step,
          'reminder-sent',
          SYSTEM,
          'no progress yet',
          {},
          {
            reminded: true,
            due: { kind: 'progress', at: claimProgressDeadline(head.urgency, now).toISOString() },
          },
        );
        reminded.effects.push(this.run.notify(reminded.head, 'claim-reminder', { kind: 'volunteer', id: head.claimedBy! }, false));
        return reminded;
      }
      case 'release-claim':
        return this.ladder.releaseAndRematch(step, SYSTEM, 'no progress after a reminder');
      case 'close-unanswered':
        return this.run.then(step, 'confirmed-solved', SYSTEM, 'no answer from the resident within 14 days', {}, { due: undefined });
      case 'alert-team': {
        const alerted = this.run.then(
          step,
          'team-alerted',
          SYSTEM,
          'the team has not responded in time',
          {},
          {
            // Again after an hour of the team's working time: nobody is woken at night by a mailbox.
            due: { kind: 'team', at: addWorkingTime(teamHours(this.run.deps.municipality), now, TEAM_ALERT_REPEAT_HOURS * HOUR_MS).toISOString() },
          },
        );
        alerted.effects.push(this.run.notify(alerted.head, 'team-overdue', { kind: 'team', id: head.districtId }, true));
        return alerted;
      }
    }
  }
}
