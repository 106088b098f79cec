// The district team's commands on a request in its queue: take it, send it back to the 0th line with advice,
// refer it on, close it. (The team's workspace, its own context, will call these: see district-team/.)
import type { RequestHead } from '../../domain/request';
import type { Ladder } from './ladder';
import type { CommandRunner } from './runner';

export class TeamCommands {
  constructor(
    private readonly run: CommandRunner,
    private readonly ladder: Ladder,
  ) {}

  acceptByTeam(requestId: string, professionalId: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) =>
      this.run.then(
        step,
        'accepted-by-team',
        { kind: 'professional', id: professionalId },
        'accepted',
        {},
        {
          firstHumanResponseAt: step.head.firstHumanResponseAt ?? this.run.clock().toISOString(),
          due: undefined,
        },
      ),
    );
  }

  sendBackToZerothLine(requestId: string, professionalId: string, advice: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) => {
      const next = this.run.then(
        step,
        'sent-back-to-zeroth-line',
        { kind: 'professional', id: professionalId },
        advice,
        {},
        { widened: false, level: 'zeroth-line' },
      );
      return this.ladder.offer(next, this.run.clock());
    });
  }

  refer(requestId: string, professionalId: string, to: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) =>
      this.run.then(step, 'referred', { kind: 'professional', id: professionalId }, `referred to ${to}`, { to }, {}),
    );
  }

  close(requestId: string, professionalId: string, outcome: string): Promise<RequestHead> {
    return this.run.command(requestId, (step) =>
      this.run.then(step, 'closed', { kind: 'professional', id: professionalId }, outcome, { outcome }, { due: undefined }),
    );
  }
}
