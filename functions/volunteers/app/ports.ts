// The ports of the volunteers context: the volunteers themselves, their feed and claims on the table, and the
// sign-in accounts they are known by (kept by the identity context). Adapters: ../store/ and identity's.
import type { Account } from '../../identity/index';
import type { HelpedRequest, RequestCard, Volunteer, VolunteerStatus } from '../domain/volunteer';

export interface VolunteerProfiles {
  /** Live profiles (with their open-claim counters) of the given volunteers. */
  profiles(volunteerIds: readonly string[]): Promise<Volunteer[]>;
}

export interface VolunteerRegister extends VolunteerProfiles {
  get(volunteerId: string): Promise<Volunteer | undefined>;
  put(volunteers: Volunteer[]): Promise<void>;
  /** Volunteers with a status, oldest sign-up first. */
  byStatus(status: VolunteerStatus): Promise<Volunteer[]>;
  /**
   * Moves a volunteer from one status to the next, only if they are still in `from` (a conditional write):
   * of two coordinators approving at once exactly one wins; the other gets `illegal-transition`.
   */
  setStatus(volunteerId: string, from: VolunteerStatus, to: VolunteerStatus): Promise<Volunteer | undefined>;
  /** A certificate of conduct (VOG) valid until a date: topics that need one open up in matching. */
  recordVog(volunteerId: string, validUntil: string): Promise<void>;
  /** The cards of the requests this volunteer holds now. */
  held(volunteerId: string): Promise<RequestCard[]>;
  /** Requests this volunteer took since a moment, oldest first. */
  helpedSince(volunteerId: string, since: string): Promise<HelpedRequest[]>;
  /** Open cards of a district's feed, most urgent and longest waiting first. */
  feedPage(districtId: string, limit: number): Promise<RequestCard[]>;
}

/** The sign-in accounts a volunteer is known by. */
export interface VolunteerAccounts {
  accountFor(email: string): Promise<Account | undefined>;
  /** Creates the account for an address; false when the address has one already (two sign-ups at once). */
  create(email: string, account: Account): Promise<boolean>;
  revokeAll(account: Account): Promise<number>;
}
