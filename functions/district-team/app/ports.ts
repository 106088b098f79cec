// The ports of the district-team context. Requests, their events and the resident's data are the stepped-care
// context's ports (its public face); the staff list is the identity context's.
import type { StaffMember } from '../../identity/index';

/** Who works in the team, and where: the identity context's sign-in desk answers this. */
export interface StaffDirectory {
  staffMember(staffId: string): Promise<StaffMember | undefined>;
  staffMembers(): Promise<StaffMember[]>;
}
