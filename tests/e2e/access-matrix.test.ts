// Every route of the apps, for every role, against an expected table: the site's pages (from the one route
// table, both languages) and the API's operations (from its OpenAPI document). A route missing from the
// table, or an outcome other than expected, fails the test; so does an unexpected allow.
import type { StaffRole } from '../../functions/kernel/access';
import { servicesFor } from '../support/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { AccountStore } from '../../functions/identity/store/account-store';
import { PAGES, type PageId } from '../../functions/platform/routes/pages';
import { intake } from '../support/fixtures';
import { referralLinkFromOutbox } from '../support/outbox';

const base = inject('platformUrl');
const store = inject('platformStore');
let services: Services;

const ROLES = [
  'anonymous',
  'resident',
  'pendingVolunteer',
  'approvedVolunteer',
  'claimer',
  'otherVolunteer',
  'initiativeLinkHolder',
  'coordinator',
  'professional',
  'otherDistrictProfessional',
  'teamLead',
] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'ok' | 'sign-in' | 'volunteer-home' | 'staff-home' | 'team-home' | 'link-required' | 'forbidden' | 'ask-first-step' | 'not-found';

/** Page -> outcome per role. Public pages are open to everyone; the rest follow functions/identity/domain/access-policy.ts. */
const all = (outcome: Outcome) => Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<Role, Outcome>;
const signedIn = (volunteers: Outcome, coordinator: Outcome, team: Outcome = 'team-home'): Record<Role, Outcome> => ({
  anonymous: 'sign-in',
  resident: 'sign-in',
  pendingVolunteer: volunteers,
  approvedVolunteer: volunteers,
  claimer: volunteers,
  otherVolunteer: volunteers,
  initiativeLinkHolder: 'sign-in', // a referral link is no account
  coordinator,
  professional: team,
  otherDistrictProfessional: team,
  teamLead: team,
});
const PAGE_TABLE: Record<PageId, Record<Role, Outcome>> = {
  home: all('ok'),
  accessibility: all('ok'),
  privacy: all('ok'),
  nearby: all('ok'),
  initiatives: all('ok'),
  ask: all('ok'),
  // A later step of the form, or its check page, without answers so far (no draft): back to the first step.
  askUrgency: all('ask-first-step'),
  askWhere: all('ask-first-step'),
  askContact: all('ask-first-step'),
  askDetails: all('ask-first-step'),
  askSharing: all('ask-first-step'),
  askSummary: all('ask-first-step'),
  askCheck: all('ask-first-step'),
  // The confirmation opens with the private link only; without it, the lookup form (404).
  askSent: { ...all('not-found'), resident: 'ok' },
  status: all('ok'),
  becomeVolunteer: all('ok'),
  signIn: all('ok'),
  signOut: all('ok'),
  // The passkey step is for staff; volunteers go home, and without a session one signs in first.
  passkey: signedIn('volunteer-home', 'ok', 'ok'),
  volunteer: signedIn('ok', 'staff-home'),
  claimed: { ...signedIn('volunteer-home', 'staff-home'), claimer: 'ok' },
  staff: signedIn('volunteer-home', 'ok'),
  teamQueue: signedIn('volunteer-home', 'staff-home', 'ok'),
  // A case of Zaandam-Zuid: its professional and team lead; a professional of another district is refused.
  teamCase: { ...signedIn('volunteer-home', 'staff-home', 'ok'), otherDistrictProfessional: 'forbidden' },
  teamIntake: signedIn('volunteer-home', 'staff-home', 'ok'),
  referral: { ...all('link-required'), initiativeLinkHolder: 'ok' },
};

/** API operation -> status per role: public ones answer everyone; a resident's own request needs its token. */
type ApiOutcome = 200 | 201 | 204 | 401;
const API_TABLE: Record<string, ApiOutcome | { anonymous: ApiOutcome; resident: ApiOutcome }> = {
  'get /health': 200,
  'get /municipality': 200,
  'post /district-lookups': 200,
  'get /topics': 200,
  'post /triage-previews': 200,
  'post /help-requests': 201,
  'post /status-lookups': 201,
  'get /open-data/hsds/organizations': 200,
  'get /help-requests/{reference}': { anonymous: 401, resident: 200 },
  'post /help-requests/{reference}/replies': { anonymous: 401, resident: 204 },
  'post /help-requests/{reference}/solved-answers': { anonymous: 401, resident: 204 },
  'post /help-requests/{reference}/withdrawals': { anonymous: 401, resident: 204 },
  'post /help-requests/{reference}/feedback': { anonymous: 401, resident: 204 },
  'delete /help-requests/{reference}/personal-data': { anonymous: 401, resident: 204 },
};

interface Identity {
  cookie?: string;
  statusToken?: string;
  /** The query of a signed referral link ("?t=..."). */
  referralQuery?: string;
}
const identities = {} as Record<Role, Identity>;
let claimedRequestId = '';
let teamRequestId = '';
let residentReference = '';

beforeAll(async () => {
  services = servicesFor(store);
  const accounts = new AccountStore(services.repo);
  // Staff sessions as after the passkey (the ceremony itself is proven in sign-in.test.ts with a virtual authenticator).
  const session = async (kind: 'volunteer' | 'staff', id: string, role?: StaffRole) => {
    const { token } = await accounts.startSession({ kind, id, ...(role ? { role } : {}) });
    if (kind === 'staff') await accounts.elevateSession(token);
    return `__Host-wk-session=${token}`;
  };
  const resident = await services.desk.submit(intake({ contact: { method: 'email', email: 'matrix@example.nl' } }));
  const held = await services.desk.submit(intake({ description: 'Voor de toegangstest.' }));
  for (let i = 0; i < 100 && (await services.requests.head(held.requestId))?.due?.kind === 'match'; i++) await new Promise((r) => setTimeout(r, 50));
  await services.engine.claim(held.requestId, 'vol-fatima');
  claimedRequestId = held.requestId;
  teamRequestId = (await services.desk.submit(intake({ topicId: 'money-debts', description: 'Voor de toegangstest van het wijkteam.' }))).requestId;
  residentReference = resident.referenceCode;
  // A request only an initiative is asked about (the resident let no volunteer see it).
  const referred = await services.desk.submit(intake({ topicId: 'company-loneliness', consent: { volunteers: false, initiatives: true } }));
  const referralLink = new URL(await referralLinkFromOutbox(base, referred.requestId));
  Object.assign(identities, {
    anonymous: {},
    resident: { statusToken: resident.statusToken },
    pendingVolunteer: { cookie: await session('volunteer', 'vol-noor') },
    approvedVolunteer: { cookie: await session('volunteer', 'vol-kees') },
    claimer: { cookie: await session('volunteer', 'vol-fatima') },
    otherVolunteer: { cookie: await session('volunteer', 'vol-ilse') },
    initiativeLinkHolder: { referralQuery: referralLink.search },
    coordinator: { cookie: await session('staff', 'coord-jeroen', 'volunteer-coordinator') },
    professional: { cookie: await session('staff', 'pro-anouk', 'professional') },
    otherDistrictProfessional: { cookie: await session('staff', 'pro-samir', 'professional') },
    teamLead: { cookie: await session('staff', 'lead-marieke', 'team-lead') },
  });
});
afterAll(async () => {
  await services.engine.release(claimedRequestId, 'vol-fatima', 'matrix test done').catch(() => undefined);
});

function classify(res: Response, locale: 'nl' | 'en', page: PageId): Outcome | string {
  if (res.status === 200) return 'ok';
  if (res.status === 404 && page === 'askSent') return 'not-found';
  if (res.status === 403 && res.headers.get('content-type')?.startsWith('text/html')) return page === 'referral' ? 'link-required' : 'forbidden';
  const location = res.headers.get('location') ?? '';
  if (res.status === 303 && location === PAGES.signIn.paths[locale]) return 'sign-in';
  if (res.status === 303 && location.startsWith(PAGES.volunteer.paths[locale])) return 'volunteer-home';
  if (res.status === 303 && location.startsWith(PAGES.staff.paths[locale])) return 'staff-home';
  if (res.status === 303 && location === PAGES.teamQueue.paths[locale]) return 'team-home';
  if (res.status === 303 && location.split('?')[0] === PAGES.ask.paths[locale]) return 'ask-first-step';
  return `${res.status} ${location}`;
}

describe('access matrix', () => {
  it('has an expected outcome for every page and every API operation, and no more', async () => {
    expect(Object.keys(PAGE_TABLE).sort()).toEqual(Object.keys(PAGES).sort());
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(API_TABLE).sort());
  });

  for (const page of Object.keys(PAGE_TABLE) as PageId[]) {
    for (const locale of ['nl', 'en'] as const) {
      it(`page ${page} (${locale}) for every role`, async () => {
        const outcomes: Record<string, string> = {};
        for (const role of ROLES) {
          const { cookie, statusToken, referralQuery } = identities[role];
          let path = PAGES[page].paths[locale];
          if (page === 'claimed') path += `?id=${claimedRequestId}`;
          if (page === 'teamCase') path += `?id=${teamRequestId}`;
          if ((page === 'status' || page === 'askSent') && statusToken) path += `?t=${statusToken}`;
          if (page === 'referral' && referralQuery) path += referralQuery;
          const res = await fetch(base + path, { redirect: 'manual', headers: cookie ? { cookie } : {} });
          outcomes[role] = classify(res, locale, page);
        }
        expect(outcomes).toEqual(PAGE_TABLE[page]);
      });
    }
  }

  it('API: public operations answer everyone; a resident’s own request answers only its status token', async () => {
    const bodies: Record<string, unknown> = {
      'post /district-lookups': { postcode: '1502 AB' },
      'post /triage-previews': {
        topicId: 'groceries-errands',
        description: 'x',
        urgency: 'this-week',
        dangerNow: false,
        wantsProfessional: false,
        formalWmoRequest: false,
      },
      'post /help-requests': intake({ contact: { method: 'none' } }),
      'post /status-lookups': { reference: residentReference, contact: 'matrix@example.nl' },
      'post /help-requests/{reference}/replies': { text: 'Nog een vraag.' },
      'post /help-requests/{reference}/solved-answers': { solved: true },
      'post /help-requests/{reference}/withdrawals': {},
      'post /help-requests/{reference}/feedback': { score: 4 },
    };
    // Mutating own-request operations last, and withdrawal and erasure at the very end.
    const order = Object.keys(API_TABLE).sort((a, b) => rank(a) - rank(b));
    for (const operation of order) {
      const [method, path] = operation.split(' ') as [string, string];
      const expected = API_TABLE[operation]!;
      const url = `${base}/api/v1${path.replace('{reference}', residentReference)}`;
      const call = (token?: string) =>
        fetch(url, {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(method === 'get' || method === 'delete' ? {} : { body: JSON.stringify(bodies[operation] ?? {}) }),
        });
      if (typeof expected === 'number') {
        for (const role of ROLES) expect((await call()).status, `${operation} as ${role}`).toBe(expected);
      } else {
        expect((await call()).status, `${operation} without a token`).toBe(expected.anonymous);
        expect((await call('x'.repeat(43))).status, `${operation} with a forged token`).toBe(404);
        if (operation.includes('solved-answers') || operation.includes('feedback')) continue; // need a finished request: integration tests
        expect((await call(identities.resident.statusToken)).status, `${operation} with the resident's token`).toBe(expected.resident);
      }
    }
  });
});

function rank(operation: string): number {
  if (operation.includes('personal-data')) return 3;
  if (operation.includes('withdrawals')) return 2;
  return operation.includes('{reference}') ? 1 : 0;
}
