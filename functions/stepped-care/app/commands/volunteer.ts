// A volunteer's commands on a request: claim it (the first claim wins), note progress, hand it back, finish
// it, say it needs a professional, and raise a concern about the person they helped.
import { DAY_MS } from '../../../kernel/durations';
import { DomainError } from '../../../kernel/errors';
import { assertClaimer, claimRefusal, isTaken } from '../../domain/claiming';
import { claimProgressDeadline, confirmationDeadline, HELPED_LIST_DAYS } from '../../domain/deadlines';
import type { Actor } from '../../domain/lifecycle';
import { ineligibility } from '../../domain/matching';
import type { RequestHead } from '../../domain/request';
import { matchRequest, type Ladder } from './ladder';
import type { CommandRunner } from './runner';

export class VolunteerCommands {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  async claim(requestId: string, volunteerId: string): Promise<RequestHead> {
    const volunteer: Actor = { kind: 'volunteer', id: volunteerId };
    try {
      return await this.run.command(
        requestId,
        async (step) => {
          const { head } = step;
          // Checked before reading the volunteer: most losing claims end here, at the price of one read.
          const refusal = claimRefusal(head);
          if (refusal) throw refusal;
          const profile = await this.run.deps.helpers.volunteer(volunteerId);
          if (!profile) throw new DomainError('volunteer-not-found', `no volunteer ${volunteerId}`);
          const why = ineligibility(profile, matchRequest(head), this.run.geo, this.run.clock());
          if (why) throw new DomainError('volunteer-not-eligible', `volunteer cannot take this request: ${why}`, { reason: why });
          const now = this.run.clock();
          const next = this.run.then(
            step,
            'claimed',
            volunteer,
            'claimed',
            {},
            {
              claimedBy: volunteerId,
              reminded: false,
              firstHumanResponseAt: head.firstHumanResponseAt ?? now.toISOString(),
              due: { kind: 'progress', at: claimProgressDeadline(head.urgency, now).toISOString() },
            },
          );
          next.effects.push(
            { kind: 'volunteer-load-taken', volunteerId },
            this.run.notify(next.head, 'request-claimed', { kind: 'resident', id: requestId }, false),
            // On their page for a while, so they can raise a concern about this person after the claim ends.
            {
              kind: 'helped-noted',
              volunteerId,
              requestId,
              topicId: head.topicId,
              districtId: head.districtId,
              at: now.toISOString(),
              until: new Date(now.getTime() + HELPED_LIST_DAYS * DAY_MS).toISOString(),
            },
          );
          return next;
        },
        { fresh: true },
      );
    } catch (error) {
      // Lost a race: another claim (or another change) came first. Tell the truth about the request now.
      if (error instanceof DomainError && error.code === 'concurrent-change' && isTaken(await this.run.deps.requests.head(requestId))) {
        throw new DomainError('already-claimed', 'someone else already took this request');
      }
      throw error;
    }
  }

  noteProgress(requestId: string, volunteerId: string, note: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      assertClaimer(step.head, volunteerId);
      return this.run.then(
        step,
        'progress-noted',
        { kind: 'volunteer', id: volunteerId },
        note,
        {},
        {
          reminded: false,
          due: { kind: 'progress', at: claimProgressDeadline(step.head.urgency, this.run.clock()).toISOString() },
        },
      );
    });
  }

  release(requestId: string, volunteerId: string, reason: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      assertClaimer(step.head, volunteerId);
      return this.ladder.releaseAndRematch(step, { kind: 'volunteer', id: volunteerId }, reason);
    });
  }

  markDone(requestId: string, volunteerId: string, note: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      assertClaimer(step.head, volunteerId);
      // The claim ends here: the volunteer is free again, and a reopened request can be claimed anew.
      const next = this.run.then(
        step,
        'marked-done',
        { kind: 'volunteer', id: volunteerId },
        note,
        { volunteerId },
        {
          claimedBy: undefined,
          due: { kind: 'confirmation', at: confirmationDeadline(this.run.clock()).toISOString() },
        },
      );
      next.effects.push(
        { kind: 'volunteer-load-returned', volunteerId, ...(step.head.householdKey ? { household: step.head.householdKey } : {}) },
        this.run.notify(next.head, 'was-it-solved', { kind: 'resident', id: step.head.requestId }, false),
      );
      return next;
    });
  }

  needsProfessional(requestId: string, volunteerId: string, reason: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      assertClaimer(step.head, volunteerId);
      const next = this.ladder.escalate(step, 'needs-professional', this.run.clock(), { kind: 'volunteer', id: volunteerId }, reason);
      next.effects.push({ kind: 'volunteer-load-returned', volunteerId });
      return next;
    });
  }

  /**
   * A volunteer who helped raises a concern (zorgsignaal): recorded on the request, put in the district
   * team's queue with the request's context, and sent to the team at once. One per volunteer and request.
   */
  raiseConcern(requestId: string, volunteerId: string, text: string, retainUntil: string): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        const { head } = step;
        const next = this.run.then(step, 'concern-raised', { kind: 'volunteer', id: volunteerId }, 'a volunteer is worried', {}, {});
        next.effects.push(
          {
            kind: 'concern-queued',
            requestId,
            volunteerId,
            districtId: head.districtId,
            topicId: head.topicId,
            state: head.state,
            at: this.run.clock().toISOString(),
            text,
            until: retainUntil,
          },
          this.run.notify(next.head, 'concern-raised', { kind: 'team', id: head.districtId }, true),
          this.run.notify(next.head, 'concern-received', { kind: 'volunteer', id: volunteerId }, false),
        );
        return next;
      },
      { allowFinal: true },
    );
  }
}
