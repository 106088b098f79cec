// What the access policy (identity) needs to know of a request, in its own terms: the stepped-care context
// says what "the claim is active" and "the referral is offered or held" mean, the policy decides.
import type { RequestFacts } from '../../kernel/access';
import { HELD_STATES, type RequestEvent, type RequestState } from './lifecycle';
import { referralStage, type ReferralFacts } from './referral';

export type AccessFacts = RequestFacts;

export function accessFacts(
  head: ReferralFacts & { requestId: string; districtId: string; state: RequestState; volunteersMaySee?: boolean },
  helpedBy?: readonly string[],
): AccessFacts {
  return {
    requestId: head.requestId,
    districtId: head.districtId,
    ...(head.claimedBy ? { claimedBy: head.claimedBy } : {}),
    claimActive: HELD_STATES.has(head.state),
    ...(helpedBy ? { helpedBy } : {}),
    ...(head.volunteersMaySee === undefined ? {} : { volunteersMaySee: head.volunteersMaySee }),
    ...(head.initiativesMaySee === undefined ? {} : { initiativesMaySee: head.initiativesMaySee }),
    referralStage: (initiativeId) => referralStage(head, initiativeId),
  };
}

/** The volunteers who held a request at some point, from its events. */
export function helpersOf(events: readonly RequestEvent[]): string[] {
  return events.filter((e) => e.type === 'claimed').map((e) => e.actor.id ?? '');
}
