// A volunteer's feed (issue #5): open requests that fit them, ranked, with reasons. A card shows only the
// topic, the district and postcode area, the redacted summary, the urgency and how long it has waited:
// no name, address or contact until the volunteer claims it. One Query per district the volunteer covers
// (on the sparse feed index), never a Scan.
import { decide, subjectOf } from '../access/policy';
import { feedDistricts, geography, ineligibility, type Geography } from '../domain/matching';
import type { Municipality } from '../domain/municipality';
import { findTopic, urgencyRank, type Urgency } from '../domain/topics';
import { keys } from '../store/keys';
import type { Item, Repository } from '../store/repository';
import type { StoredVolunteer, VolunteerStore } from '../store/volunteer-store';

export interface FeedCard {
  requestId: string;
  districtId: string;
  postcodeArea: string;
  topicId: string;
  urgency: Urgency;
  language: string;
  summary: string;
  createdAt: string;
  /** Why it fits: own district first, then urgency and waiting time decide the order. */
  ownDistrict: boolean;
}

/** Cards read per district: the most urgent and longest waiting come first on the index. */
export const FEED_READ_PER_DISTRICT = 50;
export const FEED_SIZE = 20;

export class VolunteerFeed {
  private readonly geo: Geography;
  private readonly clock: () => Date;

  constructor(private readonly deps: { repo: Repository; volunteers: VolunteerStore; municipality: Municipality; clock?: () => Date }) {
    this.geo = geography(deps.municipality.districts);
    this.clock = deps.clock ?? (() => new Date());
  }

  async for(volunteer: StoredVolunteer): Promise<FeedCard[]> {
    if (!decide(subjectOf({ kind: 'volunteer', id: volunteer.volunteerId }, volunteer.status), 'approved-volunteer').allow) return [];
    const now = this.clock();
    const districts = feedDistricts(volunteer, this.geo);
    const pages = await Promise.all(
      districts.map((d) => this.deps.repo.queryIndexRange<FeedCard & Item>('gsi2', keys.feedPartition(d), '0', '9', FEED_READ_PER_DISTRICT)),
    );
    const fits = pages.flat().filter((card) => {
      const topic = findTopic(card.topicId);
      if (!topic) return false;
      const why = ineligibility(
        { ...volunteer, openClaims: 0 }, // a full volunteer still sees the feed; claiming checks the cap
        { districtId: card.districtId, topic, language: card.language, urgency: card.urgency, widened: false },
        this.geo,
        now,
      );
      return why === null;
    });
    const rank = (c: FeedCard) => [volunteer.districts.includes(c.districtId) ? 0 : 1, urgencyRank(c.urgency), c.createdAt] as const;
    return fits
      .map(({ requestId, districtId, postcodeArea, topicId, urgency, language, summary, createdAt }) => ({
        requestId,
        districtId,
        postcodeArea,
        topicId,
        urgency,
        language,
        summary,
        createdAt,
        ownDistrict: volunteer.districts.includes(districtId),
      }))
      .sort((a, b) => {
        const [x, y] = [rank(a), rank(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
      })
      .slice(0, FEED_SIZE);
  }
}
