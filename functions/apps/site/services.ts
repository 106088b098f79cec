import type { SignInDesk } from '../../identity/app/sign-in-desk';
import type { InitiativeDesk } from '../../initiatives/app/initiative-desk';
import type { ReferralDesk } from '../../initiatives/app/referral-desk';
import type { ResidentDesk } from '../../stepped-care/app/resident-desk';
import type { Repository } from '../../platform/dynamodb/repository';
import type { VolunteerStore } from '../../volunteers/store/volunteer-store';
import type { ClaimDesk } from '../../volunteers/app/claims';
import type { VolunteerFeed } from '../../volunteers/app/feed';
import type { VolunteerDesk } from '../../volunteers/app/volunteer-desk';

/** What on-demand pages may use, passed in as Astro.locals.services by the site host. */
export interface SiteServices {
  repo: Repository;
  desk: ResidentDesk;
  signIn: SignInDesk;
  volunteers: VolunteerStore;
  volunteering: VolunteerDesk;
  feed: VolunteerFeed;
  claims: ClaimDesk;
  initiatives: InitiativeDesk;
  referrals: ReferralDesk;
}
