// What on-demand pages may use, passed in as Astro.locals.services by the site host: each context's public
// desks and registers, never a table or a key.
import type { TeamDesk } from '../../district-team/index';
import type { PasskeyDesk, SignInDesk } from '../../identity/index';
import type { InitiativeDesk, ReferralDesk } from '../../initiatives/index';
import type { IntakeDrafts, ResidentDesk } from '../../stepped-care/index';
import type { ClaimDesk, VolunteerDesk, VolunteerFeed, VolunteerRegister } from '../../volunteers/index';

export interface SiteServices {
  desk: ResidentDesk;
  /** The step-by-step form's unfinished answers. */
  drafts: IntakeDrafts;
  signIn: SignInDesk;
  passkeys: PasskeyDesk;
  volunteers: VolunteerRegister;
  volunteering: VolunteerDesk;
  feed: VolunteerFeed;
  claims: ClaimDesk;
  initiatives: InitiativeDesk;
  referrals: ReferralDesk;
  team: TeamDesk;
}
