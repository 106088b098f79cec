// A request as the stepped-care context knows it: the head is the projection of the request's events (its
// current state, version and pending deadline). It holds no personal data (decision 8).
import type { Level, Urgency } from '../../kernel/topics';
import type { WmoClock } from './deadlines';
import type { RequestState } from './lifecycle';
import type { Priority } from './triage';

/** 'match': the request waits for its first offer (deferred matching, see EngineDeps.matching). */
export type DueKind = 'match' | 'response' | 'progress' | 'confirmation' | 'team';

/** The projection of a request's events; never edited except together with a new event. */
export interface RequestHead {
  requestId: string;
  municipalityId: string;
  districtId: string;
  postcodeArea: string;
  topicId: string;
  urgency: Urgency;
  priority: Priority;
  level: Level;
  rule: string;
  crisis: boolean;
  language: string;
  householdKey?: string;
  state: RequestState;
  /** Sequence number of the last event. */
  version: number;
  createdAt: string;
  updatedAt: string;
  widened: boolean;
  reminded: boolean;
  claimedBy?: string;
  offeredTo?: string[];
  offeredInitiatives?: string[];
  /** Initiatives that declined this request (full): never referred to again for it. */
  initiativesDeclined?: string[];
  /** The initiative that accepted the referral and holds the request, as `claimedBy` for a volunteer. */
  heldByInitiative?: string;
  /** When a human must have responded (volunteer claim or team acceptance); moves with the ladder. */
  responseDeadline?: string;
  firstHumanResponseAt?: string;
  escalatedAt?: string;
  /** Why it went to the team (the triage rule or the ladder's step): the team's queue says it in words. */
  escalatedBecause?: string;
  /** When someone of the team first spoke with the resident (stops the team's response clock). */
  teamContactedAt?: string;
  /**
   * The resident's reference code, so the team can name the request on the phone: alone it opens nothing (a
   * lookup needs the contact too), and it goes with the personal data at erasure or retention (decision 20).
   */
  referenceCode?: string;
  /** The professional who took it: the household's coordinator while the team holds it. */
  coordinator?: string;
  wmo?: WmoClock;
  due?: { kind: DueKind; at: string };
  /** The resident's satisfaction (1 to 5) after closing: anonymous, it outlives the personal data. */
  feedbackScore?: number;
  /** The resident's personal data has been removed (on request or by retention). */
  personalDataErased?: boolean;
  /** The request has a card in the volunteers' feed (the resident let volunteers see it). */
  feedCard?: boolean;
  /** False when the resident does not let volunteers see it (then it is never offered to them). */
  volunteersMaySee?: boolean;
  /** False when the resident does not let initiatives see it (then none is referred to). */
  initiativesMaySee?: boolean;
}
