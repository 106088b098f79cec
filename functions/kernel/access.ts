// The words every context, route and page uses for who may do what: staff roles and the kinds of access a
// page or API route asks for. The identity context decides them (identity/domain/access-policy.ts).

/** Staff roles, held by the platform (the municipality file seeds them). Their labels are in the catalogue. */
export const STAFF_ROLES = ['professional', 'team-lead', 'volunteer-coordinator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that work on cases of the district team (the coordinator of volunteers sees no case data). */
export const TEAM_ROLES: readonly StaffRole[] = ['professional', 'team-lead'];

export function isStaffRole(role: unknown): role is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(role);
}

export type Access =
  /** Information anyone may read, and the resident's own forms (ask, lookup, sign-in, sign-up). */
  | 'public'
  /** A resident's own request, by its private link. */
  | 'own-request'
  /** Pages of any signed-in volunteer, whatever their status (their own page). */
  | 'volunteer'
  /** The feed and claiming: approved volunteers only. */
  | 'approved-volunteer'
  /** A request's contact details and the claimer's actions: the volunteer who holds it, while they do. */
  | 'claimer'
  /** A concern: a volunteer who held the request at some point. */
  | 'helper'
  /** Pages of any staff member. */
  | 'staff'
  /** Approvals, certificates, withdrawing approval, the volunteer pool: the volunteer coordinator. */
  | 'coordinator'
  /** The district team's workspace (queue, cases): professionals and team leads, bound to their districts. */
  | 'team'
  /** Caseload, waiting list and reassigning cases: the team lead. */
  | 'team-lead'
  /** An initiative's referral, through its signed link. */
  | 'initiative-link';

/** Where a referral stands for one initiative (the stepped-care context works it out). */
export type ReferralStage =
  /** Offered to this initiative and not answered yet: it may accept or decline. */
  | 'offered'
  /** This initiative accepted and holds the request: it sees the contact details and may close it. */
  | 'held'
  /** Answered, taken by someone else, or gone another way: the link shows nothing any more. */
  | 'over';

/**
 * What the access policy needs to know about a request, when the access concerns one: the stepped-care
 * context states these facts (accessFacts), the identity context decides on them.
 */
export interface RequestFacts {
  requestId: string;
  districtId: string;
  /** The volunteer who took it, and whether that claim is still active (the request's state says). */
  claimedBy?: string;
  claimActive: boolean;
  /** Volunteers who held it at some point (from the events). */
  helpedBy?: readonly string[];
  /** False when the resident did not let volunteers see it. */
  volunteersMaySee?: boolean;
  /** False when the resident did not let initiatives see it. */
  initiativesMaySee?: boolean;
  /** Where the referral stands for an initiative; absent: never referred. */
  referralStage?: (initiativeId: string) => ReferralStage;
}
