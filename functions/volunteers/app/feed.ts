// A volunteer's feed (issue #5): open requests that fit them, ranked, with reasons. A card shows only the
// topic, the district and postcode area, the redacted summary, the urgency and how long it has waited:
// no name, address or contact until the volunteer claims it. One Query per district the volunteer covers
// (on the sparse feed index), never a Scan.
import { decide, subjectOf } from '../../identity/index';
import type { Municipality } from '../../kernel/municipality';
import { findTopic, urgencyRank } from '../../kernel/topics';
import { feedDistricts, geography, rankVolunteers, type Geography } from '../../stepped-care/index';
import type { RequestCard, Volunteer } from '../domain/volunteer';
import type { VolunteerRegister } from './ports';

export type { RequestCard } from '../domain/volunteer';

/** A card in one volunteer's feed: with how well it fits them, and why. */
export interface FeedCard extends RequestCard {
  /** The engine's score of this volunteer for this request: the order within one urgency. */
  score: number;
  /** Why it fits this volunteer, from the engine's matching (codes; the page words them). */
  reasons: { code: FeedReasonCode; params?: Record<string, string> }[];
}

/** The matching reasons a feed shows; the volunteer's own load says nothing about the request and is left out. */
export const FEED_REASON_CODES = ['own-district', 'neighbouring-district', 'distance', 'language', 'available-today', 'continuity'] as const;
export type FeedReasonCode = (typeof FEED_REASON_CODES)[number];
const isFeedReason = (code: string): code is FeedReasonCode => (FEED_REASON_CODES as readonly string[]).includes(code);

/** Cards read per district: the most urgent and longest waiting come first on the index. */
export const FEED_READ_PER_DISTRICT = 50;
export const FEED_SIZE = 20;

export class VolunteerFeed {
  private readonly geo: Geography;
  private readonly clock: () => Date;

  constructor(private readonly deps: { volunteers: VolunteerRegister; municipality: Municipality; clock?: () => Date }) {
    this.geo = geography(deps.municipality.districts);
    this.clock = deps.clock ?? (() => new Date());
  }

  async for(volunteer: Volunteer): Promise<FeedCard[]> {
    if (!decide(subjectOf({ kind: 'volunteer', id: volunteer.volunteerId }, volunteer.status), 'approved-volunteer').allow) return [];
    const now = this.clock();
    const districts = feedDistricts(volunteer, this.geo);
    const pages = await Promise.all(districts.map((d) => this.deps.volunteers.feedPage(d, FEED_READ_PER_DISTRICT)));
    // A full volunteer still sees the feed (claiming checks the cap), so the load does not count here.
    const reader = { ...volunteer, openClaims: 0 };
    const cards: FeedCard[] = [];
    for (const card of pages.flat()) {
      const topic = findTopic(card.topicId);
      if (!topic) continue;
      const [fit] = rankVolunteers(
        [reader],
        { districtId: card.districtId, topic, language: card.language, urgency: card.urgency, widened: false },
        this.geo,
        now,
      );
      if (!fit) continue;
      const { requestId, districtId, postcodeArea, topicId, urgency, language, summary, createdAt } = card;
      cards.push({
        requestId,
        districtId,
        postcodeArea,
        topicId,
        urgency,
        language,
        summary,
        createdAt,
        score: fit.score,
        reasons: fit.reasons.flatMap(({ code, params }) => (isFeedReason(code) ? [{ code, ...(params ? { params } : {}) }] : [])),
      });
    }
    // Most urgent first (a resident waiting for today comes before a better fit), then the engine's score,
    // then the longest waiting.
    return cards
      .sort((a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency) || b.score - a.score || a.createdAt.localeCompare(b.createdAt))
      .slice(0, FEED_SIZE);
  }
}
