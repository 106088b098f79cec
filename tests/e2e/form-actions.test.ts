// Every form action of every signed-in page, posted with an id that does not exist (a stale, edited or forged
// link), with a valid session and CSRF token: each answers a page a person can read (or a 303 to one), never
// a 5xx or an empty body, and nothing changes.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { AccountStore } from '../../functions/identity/store/account-store';
import { servicesFor } from '../support/store';

const base = inject('platformUrl');
const staffBase = inject('staffUrl');
const store = inject('platformStore');
const services = servicesFor(store);
const UNKNOWN = 'does-not-exist';

interface Signed {
  cookie: string;
  csrf: string;
}
const signed: Record<'volunteer' | 'professional' | 'lead' | 'coordinator', Signed> = {} as never;

beforeAll(async () => {
  const accounts = new AccountStore(services.repo);
  const start = async (kind: 'volunteer' | 'staff', id: string, role?: 'professional' | 'team-lead' | 'volunteer-coordinator') => {
    const { token, session } = await accounts.startSession({ kind, id, ...(role ? { role } : {}) });
    if (kind === 'staff') await accounts.elevateSession(token);
    return { cookie: `__Host-wk-session=${token}`, csrf: session.csrf };
  };
  signed.volunteer = await start('volunteer', 'vol-kees');
  signed.professional = await start('staff', 'pro-anouk', 'professional');
  signed.lead = await start('staff', 'lead-marieke', 'team-lead');
  signed.coordinator = await start('staff', 'coord-jeroen', 'volunteer-coordinator');
});

async function postForm(origin: string, path: string, who: Signed | null, fields: Record<string, string>) {
  const response = await fetch(origin + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...(who ? { cookie: who.cookie } : {}) },
    body: new URLSearchParams({ ...(who ? { csrf: who.csrf } : {}), ...fields }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    location: response.headers.get('location'),
    body: await response.text(),
  };
}

const CASES: { what: string; origin: string; path: string; who: keyof typeof signed | null; fields: Record<string, string> }[] = [
  // The volunteer's own page and a claimed request.
  { what: 'claim from the feed', origin: base, path: '/vrijwilliger/', who: 'volunteer', fields: { action: 'claim', requestId: UNKNOWN } },
  {
    what: 'concern from the own page',
    origin: base,
    path: '/vrijwilliger/',
    who: 'volunteer',
    fields: { action: 'concern', requestId: UNKNOWN, 'text-concern': 'Zorgen' },
  },
  ...['note', 'release', 'done', 'professional', 'concern'].map((action) => ({
    what: `claimed: ${action}`,
    origin: base,
    path: `/vrijwilliger/vraag/?id=${UNKNOWN}`,
    who: 'volunteer' as const,
    fields: { action, [`text-${action}`]: 'Een reden' },
  })),
  // The district team's case page.
  ...['take', 'contact', 'attempt', 'ask', 'message', 'note', 'send-back', 'acknowledge'].map((action) => ({
    what: `team case: ${action}`,
    origin: staffBase,
    path: `/wijkteam/vraag/?id=${UNKNOWN}`,
    who: 'professional' as const,
    fields: { action, how: 'Gebeld', text: 'Tekst', advice: 'Advies', volunteerId: 'vol-fatima' },
  })),
  {
    what: 'team case: hand over',
    origin: staffBase,
    path: `/wijkteam/vraag/?id=${UNKNOWN}`,
    who: 'lead',
    fields: { action: 'hand-over', to: 'pro-anouk', reason: 'r' },
  },
  {
    what: 'team case: close',
    origin: staffBase,
    path: `/wijkteam/vraag/?id=${UNKNOWN}`,
    who: 'lead',
    fields: { action: 'close', outcome: 'no-help-needed' },
  },
  { what: 'team case: wmo', origin: staffBase, path: `/wijkteam/vraag/?id=${UNKNOWN}`, who: 'lead', fields: { action: 'wmo', step: 'melding' } },
  {
    what: 'team case: close concern',
    origin: staffBase,
    path: `/wijkteam/vraag/?id=${UNKNOWN}`,
    who: 'lead',
    fields: { action: 'close-concern', volunteerId: 'vol-fatima', concernOutcome: 'no-action-needed' },
  },
  // The coordinator's page, for a volunteer that does not exist.
  ...['approve', 'reject', 'reject-confirm', 'vog', 'withdraw', 'withdraw-confirm'].map((action) => ({
    what: `coordinator: ${action}`,
    origin: staffBase,
    path: '/medewerker/',
    who: 'coordinator' as const,
    fields: { action, volunteerId: UNKNOWN, vogValidUntil: '2030-01-01' },
  })),
  // Passkeys: another's credential, a colleague who does not exist.
  {
    what: 'passkey: remove',
    origin: staffBase,
    path: '/inloggen/sleutel/',
    who: 'professional',
    fields: { action: 'remove', credentialId: UNKNOWN },
  },
  { what: 'passkey: recover', origin: staffBase, path: '/inloggen/sleutel/', who: 'lead', fields: { action: 'recover', staffId: UNKNOWN } },
  // The resident's status page and an initiative's referral, with a token nobody was given.
  ...['reply', 'solved', 'not-solved', 'not-solved-confirm', 'feedback', 'withdraw', 'withdraw-confirm', 'erase', 'erase-confirm'].map((action) => ({
    what: `status page: ${action}`,
    origin: base,
    path: '/mijn-vraag/',
    who: null,
    fields: { action, t: 'x'.repeat(43), reply: 'Hallo', reason: 'r', score: '4' },
  })),
  // The ask form's steps and its check page, posted without answers so far (no draft) and with answers that do not fit.
  ...['/vraag/', '/vraag/spoed/', '/vraag/delen/', '/vraag/controleren/', '/en/ask/summary/', '/en/ask/check/'].map((path) => ({
    what: `ask: ${path}`,
    origin: base,
    path,
    who: null,
    fields: { topicId: UNKNOWN, description: '', sharing: 'maybe', urgency: 'yesterday' },
  })),
  ...['accept', 'decline', 'close'].map((action) => ({
    what: `referral: ${action}`,
    origin: base,
    path: '/doorverwijzing/',
    who: null,
    fields: { action, t: randomUUID(), outcome: 'helped', note: 'n' },
  })),
];

describe('every form action with an id that does not exist', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s: a readable answer, no 5xx', async (_what, c) => {
    const answer = await postForm(c.origin, c.path, c.who ? signed[c.who] : null, c.fields);
    expect(answer.status, `${c.what}: ${answer.status} ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    if (answer.status === 303) expect(answer.location).toBeTruthy();
    else {
      expect(answer.type).toMatch(/^text\/html/);
      expect(answer.body).toMatch(/<h1/);
    }
  });

  it('changed nothing', async () => {
    expect((await services.volunteers.get('vol-kees'))?.openClaims).toBe(0);
    expect(await services.requests.head(UNKNOWN)).toBeUndefined();
  });
});
