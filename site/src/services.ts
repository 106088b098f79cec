import type { SignInDesk } from '../../functions/accounts/sign-in-desk';
import type { InitiativeDesk } from '../../functions/directory/initiative-desk';
import type { ReferralDesk } from '../../functions/directory/referral-desk';
import type { ResidentDesk } from '../../functions/resident/desk';
import type { Repository } from '../../functions/store/repository';
import type { VolunteerStore } from '../../functions/store/volunteer-store';
import type { ClaimDesk } from '../../functions/volunteering/claims';
import type { VolunteerFeed } from '../../functions/volunteering/feed';
import type { VolunteerDesk } from '../../functions/volunteering/volunteer-desk';

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
