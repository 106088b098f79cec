// A citizen initiative's commands, through the signed link in its e-mail: take the referral, say it is full,
// or close it with an outcome. `referralStage` decides what a link may still do.
import { DomainError } from '../../../kernel/errors';
import { confirmationDeadline, referralProgressDeadline } from '../../domain/deadlines';
import type { Actor } from '../../domain/lifecycle';
import { isoWeek, referralStage, type ReferralOutcome } from '../../domain/referral';
import type { RequestHead } from '../../domain/request';
import type { Ladder } from './ladder';
import type { CommandRunner } from './runner';

export class InitiativeCommands {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  /** The initiative takes the referral and holds the request, as a claiming volunteer does. */
  acceptReferral(requestId: string, initiativeId: string): Promise<RequestHead> {
    return this.run.onFreshHeadOnRace(requestId, (step) => {
      assertReferralStage(step.head, initiativeId, 'offered');
      const now = this.run.clock();
      const next = this.run.then(
        step,
        'referral-accepted',
        { kind: 'initiative', id: initiativeId },
        'the initiative takes the referral',
        { initiativeId },
        {
          heldByInitiative: initiativeId,
          reminded: false,
          firstHumanResponseAt: step.head.firstHumanResponseAt ?? now.toISOString(),
          due: { kind: 'progress', at: referralProgressDeadline(now).toISOString() },
        },
      );
      next.effects.push(this.run.notify(next.head, 'request-claimed', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  /**
   * The initiative is full: its week is marked full (no more referrals to it this week), it is never asked
   * about this request again, and the request goes back to matching for the next helper.
   */
  declineReferral(requestId: string, initiativeId: string): Promise<RequestHead> {
    return this.run.onFreshHeadOnRace(requestId, (step) => {
      assertReferralStage(step.head, initiativeId, 'offered');
      const now = this.run.clock();
      const next = this.run.then(
        step,
        'referral-declined',
        { kind: 'initiative', id: initiativeId },
        'the initiative is full',
        { initiativeId },
        {
          offeredInitiatives: (step.head.offeredInitiatives ?? []).filter((id) => id !== initiativeId),
          initiativesDeclined: [...(step.head.initiativesDeclined ?? []), initiativeId],
        },
      );
      next.effects.push({ kind: 'initiative-week-full', initiativeId, week: isoWeek(now) });
      return this.ladder.offer(next, now);
    });
  }

  /**
   * The initiative closes the referral it holds: the resident is asked "was it solved?", as after a
   * volunteer's "done". "Could not help" returns the request to matching without this initiative.
   */
  closeReferral(requestId: string, initiativeId: string, outcome: ReferralOutcome, note: string, initiativeName?: string): Promise<RequestHead> {
    return this.run.onFreshHeadOnRace(requestId, (step) => {
      assertReferralStage(step.head, initiativeId, 'held');
      const actor: Actor = { kind: 'initiative', id: initiativeId };
      if (outcome === 'could-not-help') return this.ladder.returnReferral(step, actor, note || 'the initiative could not help');
      const next = this.run.then(
        step,
        'referral-closed',
        actor,
        note || outcome,
        { initiativeId, outcome, ...(initiativeName ? { initiativeName } : {}) },
        {
          heldByInitiative: undefined,
          due: { kind: 'confirmation', at: confirmationDeadline(this.run.clock()).toISOString() },
        },
      );
      next.effects.push(this.run.notify(next.head, 'was-it-solved', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }
}

function assertReferralStage(head: RequestHead, initiativeId: string, stage: 'offered' | 'held'): void {
  if (referralStage(head, initiativeId) !== stage) throw new DomainError('referral-not-open', `the referral of ${initiativeId} is not ${stage}`);
}
