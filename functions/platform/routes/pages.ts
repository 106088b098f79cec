// Every page of the site with its path per language. The language switch, links and the CDK stack
// (which sends on-demand paths to the site function instead of S3) all read this one table.
import type { Access } from '../../kernel/access';
import type { Locale } from '../../kernel/municipality';

export interface PageRoute {
  paths: Record<Locale, string>;
  /** Rendered on demand by the site function (needs data or a form post); otherwise prerendered to S3. */
  onDemand: boolean;
  /** Who may open it (functions/identity/domain/access-policy.ts decides). */
  access: Access;
}

export const PAGES = {
  home: { paths: { nl: '/', en: '/en/' }, onDemand: false, access: 'public' },
  accessibility: { paths: { nl: '/toegankelijkheid/', en: '/en/accessibility/' }, onDemand: false, access: 'public' },
  privacy: { paths: { nl: '/privacy/', en: '/en/privacy/' }, onDemand: false, access: 'public' },
  nearby: { paths: { nl: '/in-de-buurt/', en: '/en/nearby/' }, onDemand: true, access: 'public' },
  initiatives: { paths: { nl: '/initiatieven/', en: '/en/initiatives/' }, onDemand: true, access: 'public' },
  /** The first step of asking for help; the further steps live under it (site/src/forms/ask-questions.ts). */
  ask: { paths: { nl: '/vraag/', en: '/en/ask/' }, onDemand: true, access: 'public' },
  askUrgency: { paths: { nl: '/vraag/spoed/', en: '/en/ask/urgency/' }, onDemand: true, access: 'public' },
  askWhere: { paths: { nl: '/vraag/wie-en-waar/', en: '/en/ask/who-and-where/' }, onDemand: true, access: 'public' },
  askContact: { paths: { nl: '/vraag/contact/', en: '/en/ask/contact/' }, onDemand: true, access: 'public' },
  askDetails: { paths: { nl: '/vraag/gegevens/', en: '/en/ask/details/' }, onDemand: true, access: 'public' },
  askSharing: { paths: { nl: '/vraag/delen/', en: '/en/ask/sharing/' }, onDemand: true, access: 'public' },
  askSummary: { paths: { nl: '/vraag/samenvatting/', en: '/en/ask/summary/' }, onDemand: true, access: 'public' },
  askCheck: { paths: { nl: '/vraag/controleren/', en: '/en/ask/check/' }, onDemand: true, access: 'public' },
  /** The confirmation after sending: the reference code, the private link, print and save. */
  askSent: { paths: { nl: '/vraag/verstuurd/', en: '/en/ask/sent/' }, onDemand: true, access: 'public' },
  status: { paths: { nl: '/mijn-vraag/', en: '/en/my-request/' }, onDemand: true, access: 'public' },
  becomeVolunteer: { paths: { nl: '/vrijwilliger-worden/', en: '/en/become-a-volunteer/' }, onDemand: true, access: 'public' },
  signIn: { paths: { nl: '/inloggen/', en: '/en/sign-in/' }, onDemand: true, access: 'public' },
  signOut: { paths: { nl: '/uitloggen/', en: '/en/sign-out/' }, onDemand: true, access: 'public' },
  /** Staff: the passkey after the e-mail code (enrol, sign in, manage); it checks the session itself. */
  passkey: { paths: { nl: '/inloggen/sleutel/', en: '/en/sign-in/passkey/' }, onDemand: true, access: 'public' },
  volunteer: { paths: { nl: '/vrijwilliger/', en: '/en/volunteer/' }, onDemand: true, access: 'volunteer' },
  claimed: { paths: { nl: '/vrijwilliger/vraag/', en: '/en/volunteer/request/' }, onDemand: true, access: 'claimer' },
  staff: { paths: { nl: '/medewerker/', en: '/en/staff/' }, onDemand: true, access: 'staff' },
  teamQueue: { paths: { nl: '/wijkteam/', en: '/en/district-team/' }, onDemand: true, access: 'team' },
  teamCase: { paths: { nl: '/wijkteam/vraag/', en: '/en/district-team/request/' }, onDemand: true, access: 'team' },
  teamIntake: { paths: { nl: '/wijkteam/telefoon/', en: '/en/district-team/phone/' }, onDemand: true, access: 'team' },
  referral: { paths: { nl: '/doorverwijzing/', en: '/en/referral/' }, onDemand: true, access: 'initiative-link' },
} as const satisfies Record<string, PageRoute>;

export type PageId = keyof typeof PAGES;

export function pathOf(page: PageId, locale: Locale): string {
  return PAGES[page].paths[locale];
}

/**
 * CloudFront path patterns for the on-demand pages, e.g. "/in-de-buurt*". A pattern another one already
 * covers ("/vrijwilliger/vraag*" under "/vrijwilliger*") is left out: a distribution has few behaviours.
 */
export function onDemandPathPatterns(): string[] {
  const prefixes = Object.values(PAGES as Record<string, PageRoute>)
    .filter((page) => page.onDemand)
    .flatMap((page) => Object.values(page.paths))
    .map((path) => path.replace(/\/$/, ''));
  return [...new Set(prefixes)].filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q))).map((p) => `${p}*`);
}
