// The steps of the ladder that several actors' commands take: offer the request to the best fitting helpers
// (widening once when nobody fits), escalate it to the district team, and take it back from a helper who
// let go. Each takes a Step and returns the next; the domain decides, this module reads what it needs.
import { teamHours } from '../../../kernel/municipality';
import { findTopic, type Topic } from '../../../kernel/topics';
import { teamDeadline, widenedDeadline, zerothLineDeadline } from '../../domain/deadlines';
import type { Actor } from '../../domain/lifecycle';
import { rankInitiatives, rankVolunteers, searchDistricts, type MatchRequest, type RankedCandidate } from '../../domain/matching';
import { askable, chooseOffer, firstAsked, nobodyToAsk } from '../../domain/offer-plan';
import { isoWeek, referralsInWeek } from '../../domain/referral';
import type { RequestHead } from '../../domain/request';
import { SYSTEM, type CommandRunner, type Step } from './runner';

type MatchHead = Pick<RequestHead, 'districtId' | 'topicId' | 'language' | 'urgency' | 'householdKey' | 'widened'>;

export class Ladder {
  constructor(private readonly run: CommandRunner) {}

  /** Candidates for a request, ranked, with reasons. Reads are bounded (see the HelperPool adapter). */
  async candidates(head: MatchHead) {
    const { helpers } = this.run.deps;
    const request = matchRequest(head);
    const districts = searchDistricts(this.run.geo, request);
    const ids = await helpers.candidateIds(districts, request.topic.id, this.run.random);
    const now = this.run.clock();
    const volunteers = rankVolunteers(await helpers.profiles(ids), request, this.run.geo, now);
    const initiatives = rankInitiatives(
      (await helpers.initiatives(head.districtId, request.topic.id)).map((i) => ({
        initiativeId: i.initiativeId,
        districts: i.districts,
        topics: i.topics,
        capacityPerWeek: i.capacityPerWeek,
        referralsThisWeek: referralsInWeek(i.referralsByWeek, now),
      })),
      request,
    );
    return { volunteers, initiatives };
  }

  /** Offers the request to the best fitting helpers; `exclude` are volunteers who just let go of it. */
  async offer(step: Step, now: Date, exclude: readonly string[] = []): Promise<Step> {
    const topic = topicOf(step.head);
    let found = askable(step.head, await this.candidates(step.head), exclude);
    if (nobodyToAsk(found) && !step.head.widened) {
      step = this.run.then(step, 'search-widened', SYSTEM, 'nobody fits nearby: looking wider', {}, { widened: true });
      found = askable(step.head, await this.candidates(step.head), exclude);
    }
    if (nobodyToAsk(found)) return this.escalate(step, 'no-match-at-zeroth-line', now);

    const chosen = chooseOffer(found);
    const deadline = step.head.widened ? widenedDeadline(topic, step.head.urgency, now) : zerothLineDeadline(topic, step.head.urgency, now);
    const volunteerIds = chosen.volunteers.map((c) => c.candidate.volunteerId);
    const initiativeIds = chosen.initiatives.map((c) => c.candidate.initiativeId);
    const next = this.run.then(
      step,
      'offered',
      SYSTEM,
      'offered to the best fitting helpers',
      { volunteers: chosen.volunteers.map(summary), initiatives: chosen.initiatives.map(summary) },
      {
        offeredTo: volunteerIds,
        offeredInitiatives: initiativeIds,
        responseDeadline: deadline.toISOString(),
        due: { kind: 'response', at: deadline.toISOString() },
      },
    );
    const urgent = step.head.urgency === 'today';
    for (const id of firstAsked(step.head, volunteerIds))
      next.effects.push(this.run.notify(next.head, 'request-offered', { kind: 'volunteer', id }, urgent));
    for (const id of firstAsked(step.head, initiativeIds)) {
      next.effects.push(this.run.notify(next.head, 'referral-offered', { kind: 'initiative', id }, urgent));
      next.effects.push({ kind: 'initiative-week-counted', initiativeId: id, week: isoWeek(now) });
    }
    return next;
  }

  escalate(step: Step, why: string, now: Date, actor: Actor = SYSTEM, reason = why): Step {
    const deadline = teamDeadline(step.head.priority, now, teamHours(this.run.deps.municipality));
    const next = this.run.then(
      step,
      actor.kind === 'volunteer' ? 'needs-professional' : 'escalated',
      actor,
      reason,
      { why },
      {
        escalatedAt: now.toISOString(),
        escalatedBecause: why,
        coordinator: undefined,
        claimedBy: undefined,
        heldByInitiative: undefined,
        offeredTo: undefined,
        offeredInitiatives: undefined,
        level: step.head.level === 'collective' ? 'collective' : 'district-team',
        responseDeadline: step.head.firstHumanResponseAt ? step.head.responseDeadline : deadline.toISOString(),
        due: { kind: 'team', at: deadline.toISOString() },
      },
    );
    const urgent = step.head.priority === 'crisis' || step.head.priority === 'high';
    next.effects.push(this.run.notify(next.head, 'escalated-to-team', { kind: 'team', id: step.head.districtId }, urgent));
    return next;
  }

  /** The volunteer who held it lets go (or never made progress): back to matching, without them. */
  async releaseAndRematch(step: Step, actor: Actor, reason: string): Promise<Step> {
    const volunteerId = step.head.claimedBy!;
    const next = this.run.then(
      step,
      'released',
      actor,
      reason,
      { volunteerId },
      { claimedBy: undefined, reminded: false, offeredTo: undefined, offeredInitiatives: undefined },
    );
    next.effects.push({ kind: 'volunteer-load-returned', volunteerId });
    if (actor.kind === 'system') next.effects.push(this.run.notify(next.head, 'claim-released', { kind: 'volunteer', id: volunteerId }, false));
    // The one who let go is not offered the same request again.
    return this.offer(next, this.run.clock(), [volunteerId]);
  }

  /** The initiative lets go of the request (or never reported back): to matching, without that initiative. */
  returnReferral(step: Step, actor: Actor, reason: string): Promise<Step> {
    const initiativeId = step.head.heldByInitiative!;
    const next = this.run.then(
      step,
      'referral-returned',
      actor,
      reason,
      { initiativeId },
      {
        heldByInitiative: undefined,
        reminded: false,
        offeredTo: undefined,
        offeredInitiatives: undefined,
        initiativesDeclined: [...(step.head.initiativesDeclined ?? []), initiativeId],
      },
    );
    if (actor.kind === 'system') next.effects.push(this.run.notify(next.head, 'referral-returned', { kind: 'initiative', id: initiativeId }, false));
    return this.offer(next, this.run.clock());
  }
}

export function topicOf(head: Pick<RequestHead, 'topicId'>): Topic {
  return findTopic(head.topicId)!;
}

/** What matching needs to know of a request. */
export function matchRequest(head: MatchHead): MatchRequest {
  return {
    districtId: head.districtId,
    topic: topicOf(head),
    language: head.language,
    urgency: head.urgency,
    widened: head.widened,
    ...(head.householdKey ? { householdKey: head.householdKey } : {}),
  };
}

function summary(c: RankedCandidate<{ volunteerId: string } | { initiativeId: string }>) {
  const id = 'volunteerId' in c.candidate ? c.candidate.volunteerId : c.candidate.initiativeId;
  return { id, score: c.score, reasons: c.reasons.map((r) => r.code) };
}
