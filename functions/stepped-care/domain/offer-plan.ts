// Who is asked, pure: of the ranked candidates, the best few volunteers and one initiative the resident let
// see the request, never someone who just let go of it or an initiative that declined it; and who among
// them hears of it for the first time (a wider search may find someone who is asked already).
import type { RankedCandidate } from './matching';
import type { RequestHead } from './request';

/** How many volunteers are notified of a new request at once. */
export const OFFER_COUNT = 3;
/** How many initiatives are referred to at once. */
export const REFERRAL_COUNT = 1;

export interface Found<V, I> {
  volunteers: RankedCandidate<V>[];
  initiatives: RankedCandidate<I>[];
}

type Head = Pick<RequestHead, 'volunteersMaySee' | 'initiativesMaySee' | 'initiativesDeclined'>;

/** The candidates that may be asked: consent, exclusions and declines applied, in rank order. */
export function askable<V extends { volunteerId: string }, I extends { initiativeId: string }>(
  head: Head,
  found: Found<V, I>,
  exclude: readonly string[] = [],
): Found<V, I> {
  const declined = head.initiativesDeclined ?? [];
  return {
    volunteers: head.volunteersMaySee === false ? [] : found.volunteers.filter((c) => !exclude.includes(c.candidate.volunteerId)),
    initiatives: head.initiativesMaySee === false ? [] : found.initiatives.filter((c) => !declined.includes(c.candidate.initiativeId)),
  };
}

export const nobodyToAsk = (found: Found<unknown, unknown>) => found.volunteers.length === 0 && found.initiatives.length === 0;

/** The best few of each kind. */
export function chooseOffer<V, I>(found: Found<V, I>): Found<V, I> {
  return { volunteers: found.volunteers.slice(0, OFFER_COUNT), initiatives: found.initiatives.slice(0, REFERRAL_COUNT) };
}

/** Of the chosen helpers' ids, those not asked about this request already (no second e-mail, no second count). */
export function firstAsked(head: Pick<RequestHead, 'offeredTo' | 'offeredInitiatives'>, ids: readonly string[]): string[] {
  const asked = new Set([...(head.offeredTo ?? []), ...(head.offeredInitiatives ?? [])]);
  return ids.filter((id) => !asked.has(id));
}
