// Where a request's card stands in the volunteers' feed, decided from the request alone: in its district's
// feed while it is open at the 0th line and nobody holds it, under the volunteer who holds it while claimed
// ("my requests"), nowhere otherwise. The store turns a placement into index keys.
import { urgencyRank } from '../../kernel/topics';
import { HELD_STATES, type RequestState } from './lifecycle';
import type { RequestHead } from './request';

export type FeedPlacement =
  | { place: 'open'; districtId: string; urgencyRank: number; createdAt: string; requestId: string }
  | { place: 'held'; volunteerId: string; createdAt: string; requestId: string };

const OPEN_AT_ZEROTH_LINE: readonly RequestState[] = ['matching', 'offered', 'not-solved'];

/** A request is in the volunteers' feed while it is open at the 0th line and nobody holds it. */
export function listedInFeed(head: Pick<RequestHead, 'feedCard' | 'state' | 'level' | 'claimedBy'>): boolean {
  return head.feedCard === true && head.level === 'zeroth-line' && !head.claimedBy && OPEN_AT_ZEROTH_LINE.includes(head.state);
}

export function feedPlacement(head: RequestHead): FeedPlacement | null {
  if (!head.feedCard) return null;
  const { requestId, createdAt } = head;
  if (listedInFeed(head)) return { place: 'open', districtId: head.districtId, urgencyRank: urgencyRank(head.urgency), createdAt, requestId };
  if (head.claimedBy && HELD_STATES.has(head.state)) return { place: 'held', volunteerId: head.claimedBy, createdAt, requestId };
  return null;
}

/** The new placement when a change moves the card; undefined when it stays where it was. */
export function feedMove(before: RequestHead, after: RequestHead): { placement: FeedPlacement | null } | undefined {
  if (!before.feedCard || !after.feedCard) return undefined;
  const [from, to] = [feedPlacement(before), feedPlacement(after)];
  if (JSON.stringify(from) === JSON.stringify(to)) return undefined;
  return { placement: to };
}
