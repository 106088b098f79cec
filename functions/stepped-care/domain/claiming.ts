// Who may take a request, pure. The first claim wins (the store's conditional commit makes sure); these are
// the checks on the request itself before anyone's load is counted.
import { DomainError } from '../../kernel/errors';
import { HELD_STATES } from './lifecycle';
import type { RequestHead } from './request';

/** Why a volunteer may not claim this request as it stands, or null. */
export function claimRefusal(head: Pick<RequestHead, 'claimedBy' | 'heldByInitiative' | 'state' | 'volunteersMaySee'>): DomainError | null {
  if (head.claimedBy || head.heldByInitiative || HELD_STATES.has(head.state) || head.state === 'done') {
    return new DomainError('already-claimed', 'someone else already took this request');
  }
  if (head.volunteersMaySee === false)
    return new DomainError('volunteer-not-eligible', 'the resident did not let volunteers see this request', { reason: 'consent' });
  return null;
}

/** Only the volunteer who holds a request may note progress, finish it, hand it back or escalate it. */
export function assertClaimer(head: Pick<RequestHead, 'claimedBy'>, volunteerId: string): void {
  if (head.claimedBy !== volunteerId)
    throw new DomainError('volunteer-not-eligible', 'only the volunteer who took the request can do this', { reason: 'not-claimer' });
}

/** A request someone holds (a volunteer or an initiative): a lost race is told as "already taken". */
export const isTaken = (head: Pick<RequestHead, 'claimedBy' | 'heldByInitiative'> | undefined) => Boolean(head?.claimedBy || head?.heldByInitiative);
