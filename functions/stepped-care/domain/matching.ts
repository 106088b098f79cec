// Matching at the 0th line, pure: which volunteers and initiatives may help with a request, and in which order,
// with the reasons in words. The storage layer fetches a bounded set of candidates; this module decides.
import { distanceKm } from '../../kernel/geo';
import type { District } from '../../kernel/municipality';
import type { Topic, Urgency } from '../../kernel/topics';
import type { VolunteerProfile } from '../../kernel/zeroth-line';

export type { VolunteerProfile, VolunteerStatus } from '../../kernel/zeroth-line';

export interface InitiativeProfile {
  initiativeId: string;
  districts: string[];
  topics: string[];
  capacityPerWeek: number;
  referralsThisWeek: number;
}

export interface MatchRequest {
  districtId: string;
  topic: Topic;
  language: string;
  urgency: Urgency;
  householdKey?: string;
  /** After the first deadline passed: neighbouring districts count as "near". */
  widened: boolean;
}

export interface MatchReason {
  code: string;
  points: number;
  /** Values a reader words the reason with (the volunteer's feed: `feed.reason.<code>` in the catalogue). */
  params?: Record<string, string>;
}

export interface RankedCandidate<T> {
  candidate: T;
  score: number;
  reasons: MatchReason[];
}

export interface Geography {
  districts: ReadonlyMap<string, District>;
}

export function geography(districts: readonly District[]): Geography {
  return { districts: new Map(districts.map((d) => [d.id, d])) };
}

/** The districts to look for candidates in: the request's own, plus its neighbours once widened. */
export function searchDistricts(geo: Geography, request: Pick<MatchRequest, 'districtId' | 'widened'>): string[] {
  const own = geo.districts.get(request.districtId);
  return own && request.widened ? [own.id, ...own.neighbours] : [request.districtId];
}

export type Ineligibility = 'not-approved' | 'topic' | 'area' | 'language' | 'availability' | 'certificate' | 'load';

/** Why a volunteer may not take this request, or null when they may. */
export function ineligibility(v: VolunteerProfile, request: MatchRequest, geo: Geography, now: Date): Ineligibility | null {
  if (v.status !== 'approved') return 'not-approved';
  if (!v.topics.includes(request.topic.id)) return 'topic';
  if (areaFit(v, request, geo) === null) return 'area';
  if (!v.languages.includes(request.language)) return 'language';
  if (request.urgency === 'today' && !v.availableDays.includes(isoWeekday(now))) return 'availability';
  if (v.availableDays.length === 0) return 'availability';
  if (request.topic.requiresVog && !(v.vogValidUntil && v.vogValidUntil >= now.toISOString().slice(0, 10))) return 'certificate';
  if (v.openClaims >= v.maxOpenClaims) return 'load';
  return null;
}

function areaFit(v: VolunteerProfile, request: MatchRequest, geo: Geography): { kind: 'own' | 'neighbour' | 'distance'; km: number } | null {
  const target = geo.districts.get(request.districtId);
  if (!target) return null;
  const home = geo.districts.get(v.homeDistrictId);
  const km = home ? distanceKm(home.centre, target.centre) : Number.POSITIVE_INFINITY;
  if (v.districts.includes(target.id)) return { kind: 'own', km };
  if (request.widened && v.districts.some((d) => target.neighbours.includes(d))) return { kind: 'neighbour', km };
  if (km <= v.maxDistanceKm) return { kind: 'distance', km };
  return null;
}

/**
 * The districts whose open requests a volunteer sees in their feed: their own, and those within their
 * distance from home. The same area a claim accepts for a request whose search was not widened.
 */
export function feedDistricts(v: Pick<VolunteerProfile, 'districts' | 'homeDistrictId' | 'maxDistanceKm'>, geo: Geography): string[] {
  const home = geo.districts.get(v.homeDistrictId);
  const out = new Set(v.districts);
  for (const d of geo.districts.values()) if (home && distanceKm(home.centre, d.centre) <= v.maxDistanceKm) out.add(d.id);
  return [...out];
}

/** Ranks eligible volunteers, best first, each with the reasons for its score. */
export function rankVolunteers(
  candidates: readonly VolunteerProfile[],
  request: MatchRequest,
  geo: Geography,
  now: Date,
): RankedCandidate<VolunteerProfile>[] {
  const ranked: RankedCandidate<VolunteerProfile>[] = [];
  for (const v of candidates) {
    if (ineligibility(v, request, geo, now) !== null) continue;
    const area = areaFit(v, request, geo)!;
    const reasons: MatchReason[] = [];
    if (area.kind === 'own') {
      reasons.push({ code: 'own-district', points: 40 });
    } else if (area.kind === 'neighbour') {
      reasons.push({ code: 'neighbouring-district', points: 25 });
    }
    if (Number.isFinite(area.km)) {
      const points = Math.max(0, 20 - area.km * 4);
      const km = area.km.toFixed(1);
      reasons.push({ code: 'distance', points, params: { km } });
    }
    const freeShare = 1 - v.openClaims / v.maxOpenClaims;
    reasons.push({
      code: 'load',
      points: 20 * freeShare,
      params: { open: String(v.openClaims), max: String(v.maxOpenClaims) },
    });
    if (request.householdKey && v.helpedHouseholds?.includes(request.householdKey)) {
      reasons.push({ code: 'continuity', points: 25 });
    }
    if (request.language !== 'nl') {
      reasons.push({ code: 'language', points: 10 });
    }
    if (v.availableDays.includes(isoWeekday(now))) {
      reasons.push({ code: 'available-today', points: request.urgency === 'today' ? 10 : 3 });
    }
    ranked.push({ candidate: v, score: round(reasons.reduce((sum, r) => sum + r.points, 0)), reasons });
  }
  // Best first; ties go to the volunteer with fewer open claims, then by id for a stable order.
  return ranked.sort(
    (a, b) => b.score - a.score || a.candidate.openClaims - b.candidate.openClaims || (a.candidate.volunteerId < b.candidate.volunteerId ? -1 : 1),
  );
}

/** Initiatives that cover the topic and district and still have room this week, most room first. */
export function rankInitiatives(candidates: readonly InitiativeProfile[], request: MatchRequest): RankedCandidate<InitiativeProfile>[] {
  return candidates
    .filter((i) => i.topics.includes(request.topic.id) && i.districts.includes(request.districtId) && i.referralsThisWeek < i.capacityPerWeek)
    .map((i) => {
      const room = i.capacityPerWeek - i.referralsThisWeek;
      return {
        candidate: i,
        score: round(30 + 10 * (room / i.capacityPerWeek)),
        reasons: [
          {
            code: 'initiative-covers',
            points: 30,
          },
          {
            code: 'initiative-room',
            points: 10 * (room / i.capacityPerWeek),
            params: { room: String(room) },
          },
        ],
      };
    })
    .sort((a, b) => b.score - a.score || (a.candidate.initiativeId < b.candidate.initiativeId ? -1 : 1));
}

export function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

const round = (n: number) => Math.round(n * 100) / 100;
