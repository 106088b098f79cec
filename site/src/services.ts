import type { ResidentDesk } from '../../functions/resident/desk';
import type { Repository } from '../../functions/store/repository';

/** What on-demand pages may use, passed in as Astro.locals.services by the site host. */
export interface SiteServices {
  repo: Repository;
  desk: ResidentDesk;
}
