// A citizen initiative's referral (issue #5), pure: where a referral stands for one initiative, and how the
// initiative may close it. The engine and the access policy both ask `referralStage`, so the page, the
// policy and the state machine never disagree about what a link may still do.
import type { ReferralStage } from '../../kernel/access';
import { HELD_STATES, type RequestState } from './lifecycle';

export type { ReferralStage } from '../../kernel/access';

export interface ReferralFacts {
  state: RequestState;
  claimedBy?: string;
  offeredInitiatives?: readonly string[];
  initiativesDeclined?: readonly string[];
  heldByInitiative?: string;
  initiativesMaySee?: boolean;
}

const OPEN_FOR_OFFERS: readonly RequestState[] = ['matching', 'offered'];

export function referralStage(request: ReferralFacts, initiativeId: string): ReferralStage {
  if (request.initiativesMaySee === false) return 'over';
  if (request.heldByInitiative === initiativeId && HELD_STATES.has(request.state)) return 'held';
  const offered = (request.offeredInitiatives ?? []).includes(initiativeId) && !(request.initiativesDeclined ?? []).includes(initiativeId);
  if (offered && OPEN_FOR_OFFERS.includes(request.state) && !request.claimedBy && !request.heldByInitiative) return 'offered';
  return 'over';
}

/** ISO week, e.g. "2026-W48": the unit of an initiative's capacity. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Referrals an initiative got in the week of `at`, from its counts per ISO week. */
export function referralsInWeek(referralsByWeek: Readonly<Record<string, number>> | undefined, at: Date): number {
  return referralsByWeek?.[isoWeek(at)] ?? 0;
}

/** How an initiative closes a referral it took. "Could not help" sends the request back to matching. */
export const REFERRAL_OUTCOMES = ['helped', 'partly-helped', 'could-not-help'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
