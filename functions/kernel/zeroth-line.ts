// The published language between the stepped-care context and the volunteers context: a volunteer as
// matching sees them, and the card of a request as volunteers see it before claiming. The volunteers context
// owns volunteers (and their status table); the stepped-care context places cards.
import type { Urgency } from './topics';

export const VOLUNTEER_STATUSES = ['pending', 'approved', 'paused', 'rejected', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** What matching needs of a volunteer: where, what, when, and their live load. */
export interface VolunteerProfile {
  volunteerId: string;
  status: VolunteerStatus;
  homeDistrictId: string;
  /** Districts the volunteer said they cover. */
  districts: string[];
  maxDistanceKm: number;
  topics: string[];
  languages: string[];
  availableDays: number[];
  vogValidUntil?: string;
  openClaims: number;
  maxOpenClaims: number;
  /** Households (pseudonymous keys) this volunteer helped before. */
  helpedHouseholds?: string[];
}

/** A request's card as volunteers see it before claiming: no name, address or contact. */
export interface RequestCard {
  requestId: string;
  districtId: string;
  postcodeArea: string;
  topicId: string;
  urgency: Urgency;
  language: string;
  summary: string;
  createdAt: string;
}
