import type { Locale } from '../../kernel/municipality';

/** Variables every Wijkloket Hono app sets on its context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    /** The resident's private status token, once the router has let it open the route's request. */
    statusToken?: string;
  };
}
