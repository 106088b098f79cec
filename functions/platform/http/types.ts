import type { Locale } from '../../kernel/municipality';

/** Variables every Wijkloket Hono app sets on its context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
  };
}
