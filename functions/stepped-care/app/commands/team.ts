// The district team's commands on a request in its queue: take it, hand it to a colleague, record the first
// contact, write to the resident, note, send it back to the 0th line with advice, refer it on, finish or close
// it, keep the Wmo clocks. The team's workspace (district-team/) calls these; each is one event.
import { DomainError } from '../../../kernel/errors';
import { confirmationDeadline, runningWmoDeadlines, wmoStepRecorded, type WmoStep } from '../../domain/deadlines';
import type { Actor } from '../../domain/lifecycle';
import type { RequestHead } from '../../domain/request';
import type { Effect } from '../ports';
import type { Ladder } from './ladder';
import type { CommandRunner, Step } from './runner';

const professional = (id: string): Actor => ({ kind: 'professional', id });

export class TeamCommands {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  /** The taker becomes the household's coordinator. The response clock runs on until the first contact. */
  acceptByTeam(requestId: string, professionalId: string): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => this.run.then(step, 'accepted-by-team', professional(professionalId), 'taken', {}, { coordinator: professionalId }),
      // Two professionals may take it at once: decide on the stored head, so exactly one wins.
      { fresh: true },
    );
  }

  /** The coordinator, or the team lead, gives the case to a colleague; the reason stays in the history. */
  handOver(requestId: string, byId: string, toId: string, reason: string): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        if (step.head.coordinator === toId) throw new DomainError('invalid-request', 'the case is with this colleague already');
        return this.run.then(step, 'handed-over', professional(byId), reason, { from: step.head.coordinator, to: toId }, { coordinator: toId });
      },
      { fresh: true },
    );
  }

  /** Someone of the team spoke with the resident: the promise is kept, the team's deadline stops. */
  recordContact(requestId: string, professionalId: string, how: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      const at = this.run.clock().toISOString();
      return this.run.then(
        step,
        'contact-recorded',
        professional(professionalId),
        how,
        { how },
        {
          firstHumanResponseAt: step.head.firstHumanResponseAt ?? at,
          teamContactedAt: step.head.teamContactedAt ?? at,
          ...(step.head.due?.kind === 'team' ? { due: undefined } : {}),
        },
      );
    });
  }

  /** An attempt to reach the resident that failed; the response clock runs on. */
  recordContactAttempt(requestId: string, professionalId: string, how: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => this.run.then(step, 'contact-attempted', professional(professionalId), how, { how }, {}));
  }

  /** A message to the resident (the text travels as an effect: personal data); they are told by e-mail. */
  sendMessage(requestId: string, professionalId: string, effects: Effect[]): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      const next = this.run.then(step, 'message-sent', professional(professionalId), 'a message from the team', {}, {});
      next.effects.push(...effects, this.run.notify(next.head, 'team-message', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  /** An internal note of the team (personal data, as an effect); also on a closed case. */
  addNote(requestId: string, professionalId: string, effects: Effect[]): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        const next = this.run.then(step, 'note-added', professional(professionalId), 'note', {}, {});
        next.effects.push(...effects);
        return next;
      },
      { allowFinal: true },
    );
  }

  sendBackToZerothLine(requestId: string, professionalId: string, advice: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      // No 0th-line match may swallow a formal Wmo request: it stays with the team until its clocks are done.
      if (runningWmoDeadlines(step.head.wmo).length > 0)
        throw new DomainError('invalid-request', 'a formal Wmo request stays with the team until it is decided', { reason: 'wmo' });
      const next = this.run.then(
        step,
        'sent-back-to-zeroth-line',
        professional(professionalId),
        advice,
        {},
        { widened: false, level: 'zeroth-line', coordinator: undefined, due: undefined },
      );
      return this.ladder.offer(next, this.run.clock());
    });
  }

  refer(requestId: string, professionalId: string, to: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => this.run.then(step, 'referred', professional(professionalId), `referred to ${to}`, { to }, {}));
  }

  /** The team's help is finished with an outcome; the resident is asked "was it solved?". */
  finish(requestId: string, professionalId: string, outcome: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      const next = this.run.then(
        step,
        'team-finished',
        professional(professionalId),
        outcome,
        { outcome },
        { due: { kind: 'confirmation', at: confirmationDeadline(this.run.clock()).toISOString() } },
      );
      next.effects.push(this.run.notify(next.head, 'was-it-solved', { kind: 'resident', id: requestId }, false));
      return next;
    });
  }

  /**
   * Closed with an outcome that asks nothing more of the resident (no help needed, not reached). "Not
   * reached" only after CONTACT_ATTEMPTS_BEFORE_NOT_REACHED failed attempts on record.
   */
  close(requestId: string, professionalId: string, outcome: string, attemptsNeeded = 0): Promise<RequestHead> {
    return this.run.command(requestId, async (step) => {
      if (attemptsNeeded > 0) {
        const attempts = (await this.run.deps.requests.events(requestId)).filter((e) => e.type === 'contact-attempted').length;
        if (attempts < attemptsNeeded)
          throw new DomainError('invalid-request', `not reached: ${attemptsNeeded} attempts to make contact are needed first`, {
            reason: 'attempts',
          });
      }
      return this.run.then(step, 'closed', professional(professionalId), outcome, { outcome }, { due: undefined });
    });
  }

  /** A step of a formal Wmo request; the first one starts the clocks when the form did not. */
  recordWmoStep(requestId: string, professionalId: string, wmoStep: WmoStep): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step: Step) => {
        const now = this.run.clock();
        const wmo = wmoStepRecorded(step.head.wmo, wmoStep, now);
        return this.run.then(step, 'wmo-step-recorded', professional(professionalId), wmoStep, { step: wmoStep }, { wmo });
      },
      // The Wmo procedure outlives the request: a decision may come after the team closed the case.
      { allowFinal: true },
    );
  }

  /** The team closes a volunteer's concern with an outcome; the volunteer hears nothing of the case. */
  closeConcern(requestId: string, professionalId: string, volunteerId: string, outcome: string): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        const next = this.run.then(step, 'concern-closed', professional(professionalId), outcome, { volunteerId, outcome }, {});
        next.effects.push({ kind: 'concern-closed', requestId, volunteerId, by: professionalId, at: this.run.clock().toISOString(), outcome });
        return next;
      },
      { allowFinal: true },
    );
  }

  /** A volunteer's concern was read by the team; the volunteer is told it was received, never the case. */
  acknowledgeConcern(requestId: string, professionalId: string, volunteerId: string): Promise<RequestHead> {
    return this.run.command(
      requestId,
      (step) => {
        const next = this.run.then(step, 'concern-acknowledged', professional(professionalId), 'concern read', { volunteerId }, {});
        next.effects.push(
          { kind: 'concern-acknowledged', requestId, volunteerId, by: professionalId, at: this.run.clock().toISOString() },
          this.run.notify(next.head, 'concern-acknowledged', { kind: 'volunteer', id: volunteerId }, false),
        );
        return next;
      },
      { allowFinal: true },
    );
  }
}
