// Where a request stands in its district team's queue, decided from the request alone: while the team has it
// (waiting to be taken, taken, referred on) and it is not done, listed under its district, crisis first, then
// by its nearest deadline (the team's response deadline until the first contact, the Wmo legal dates), then
// by how long it has waited. The store turns a placement into index keys; the district-team context reads it.
import { TEAM_STATES, type RequestState } from './lifecycle';
import { runningWmoDeadlines } from './deadlines';
import type { RequestHead } from './request';

export interface TeamQueuePlacement {
  districtId: string;
  crisis: boolean;
  /** The nearest deadline that still runs (ISO), if any. */
  deadline?: string;
  /** Since when it waits for the team (ISO). */
  since: string;
  requestId: string;
}

/** The team's response deadline while it runs: until someone of the team spoke with the resident. */
export function teamResponseDeadline(head: Pick<RequestHead, 'due' | 'teamContactedAt'>): string | undefined {
  return !head.teamContactedAt && head.due?.kind === 'team' ? head.due.at : undefined;
}

export function teamQueuePlacement(head: RequestHead): TeamQueuePlacement | null {
  if (!(TEAM_STATES as readonly RequestState[]).includes(head.state) || head.level === 'zeroth-line') return null;
  const deadline = [teamResponseDeadline(head), ...runningWmoDeadlines(head.wmo)].filter((d): d is string => Boolean(d)).sort()[0];
  return {
    districtId: head.districtId,
    crisis: head.crisis,
    ...(deadline ? { deadline } : {}),
    since: head.escalatedAt ?? head.createdAt,
    requestId: head.requestId,
  };
}
