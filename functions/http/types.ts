import type { Locale } from '../domain/municipality';

/** Variables every Wijkloket Hono app sets on its context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
  };
}
