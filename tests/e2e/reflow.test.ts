// Reflow (WCAG 1.4.10): every page of the route table, in both languages, at 320 CSS px wide, in the states
// people see (empty, with errors, with data, signed in as whoever may open it), scrolls only up and down.
// A wide table may scroll inside its own box; the page itself never scrolls sideways.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { AccountStore } from '../../functions/identity/store/account-store';
import type { StaffRole } from '../../functions/kernel/access';
import { PAGES, pathOf, type PageId } from '../../functions/platform/routes/pages';
import { answerAskStep, ASK_PATHS, launchChromium } from '../support/browser';
import { intake } from '../support/fixtures';
import { referralLinkFromOutbox } from '../support/outbox';
import { servicesFor } from '../support/store';

const base = inject('platformUrl');
const staffBase = inject('staffUrl');
const store = inject('platformStore');
let browser: Browser;
let services: Services;
let sessions: Record<'volunteer' | 'coordinator' | 'professional', string>;
let fixtures: { statusToken: string; claimedId: string; teamId: string; referralQuery: string };

async function sessionFor(kind: 'volunteer' | 'staff', id: string, role?: StaffRole): Promise<string> {
  const accounts = new AccountStore(services.repo);
  const { token } = await accounts.startSession({ kind, id, ...(role ? { role } : {}) });
  if (kind === 'staff') await accounts.elevateSession(token);
  return token;
}

beforeAll(async () => {
  browser = await launchChromium();
  services = servicesFor(store);
  const asked = await services.desk.submit(
    intake({ description: 'Voor de reflowtest: een heel lang woord als Zaanstadsebuurtvrijwilligersorganisatiecoördinator.' }),
  );
  // Tomasz, in Wormerveer: no other test file holds his claims (they run side by side on one platform).
  const held = await services.desk.submit(intake({ topicId: 'odd-jobs', postcode: '1521 AB', description: 'Voor de reflowtest, geclaimd.' }));
  for (let i = 0; i < 100 && (await services.requests.head(held.requestId))?.due?.kind === 'match'; i++) await new Promise((r) => setTimeout(r, 50));
  await services.engine.claim(held.requestId, 'vol-tomasz');
  const team = await services.desk.submit(intake({ topicId: 'money-debts', description: 'Voor de reflowtest van het wijkteam.' }));
  const referred = await services.desk.submit(intake({ topicId: 'company-loneliness', consent: { volunteers: false, initiatives: true } }));
  fixtures = {
    statusToken: asked.statusToken,
    claimedId: held.requestId,
    teamId: team.requestId,
    referralQuery: new URL(await referralLinkFromOutbox(base, referred.requestId)).search,
  };
  sessions = {
    volunteer: await sessionFor('volunteer', 'vol-tomasz'),
    coordinator: await sessionFor('staff', 'coord-jeroen', 'volunteer-coordinator'),
    professional: await sessionFor('staff', 'pro-anouk', 'professional'),
  };
});
afterAll(async () => {
  await services.engine.release(fixtures.claimedId, 'vol-tomasz', 'reflow test done').catch(() => undefined);
  await browser?.close();
});

async function context(origin: string, session?: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  if (session)
    await ctx.addCookies([
      { name: '__Host-wk-session', value: session, domain: new URL(origin).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
    ]);
  return ctx;
}

/** How far the page reaches past the screen's right edge, in CSS px, and the widest element that does. */
async function overflow(page: Page): Promise<{ by: number; culprit: string }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    let culprit = '';
    let widest = width;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // Inside a box that scrolls on its own (a table), reaching further is allowed.
      if (el.closest('.wk-table-scroll')) continue;
      const right = el.getBoundingClientRect().right;
      if (right > widest + 0.5) {
        widest = right;
        culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      }
    }
    return { by: document.documentElement.scrollWidth - width, culprit };
  });
}

/** Who opens a page, and how it is brought into the state that shows most (errors, data). */
const STATES: Record<PageId, { origin?: 'staff'; session?: keyof typeof sessions; query?: () => string; submitEmpty?: boolean }> = {
  home: {},
  accessibility: {},
  privacy: {},
  nearby: { query: () => '?topicId=groceries-errands&postcode=1502+AB' },
  initiatives: { query: () => '?district=zaandam-zuid' },
  ask: { submitEmpty: true },
  askUrgency: {},
  askWhere: {},
  askContact: {},
  askDetails: {},
  askSharing: {},
  askSummary: {},
  askCheck: {},
  askSent: { query: () => `?t=${fixtures.statusToken}` },
  status: { query: () => `?t=${fixtures.statusToken}` },
  becomeVolunteer: { submitEmpty: true },
  signIn: { submitEmpty: true },
  signOut: {},
  passkey: { origin: 'staff', session: 'professional' },
  volunteer: { session: 'volunteer' },
  claimed: { session: 'volunteer', query: () => `?id=${fixtures.claimedId}` },
  staff: { origin: 'staff', session: 'coordinator' },
  teamQueue: { origin: 'staff', session: 'professional' },
  teamCase: { origin: 'staff', session: 'professional', query: () => `?id=${fixtures.teamId}` },
  teamIntake: { origin: 'staff', session: 'professional', submitEmpty: true },
  referral: { query: () => fixtures.referralQuery },
};

/** The form's later steps and check page need answers first: they are walked to, with every question answered. */
const ASK_STEP_PAGES: PageId[] = ['askUrgency', 'askWhere', 'askContact', 'askDetails', 'askSharing', 'askSummary', 'askCheck'];

describe('reflow at 320 px', () => {
  it('has a state for every page of the route table', () => {
    expect(Object.keys(STATES).sort()).toEqual(Object.keys(PAGES).sort());
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`the form's steps, with and without errors, fit 320 px (${locale})`, async () => {
      const ctx = await context(base);
      const page = await ctx.newPage();
      await page.goto(base + ASK_PATHS[locale].first);
      // Every answer that opens another question: someone else, a visit, e-mail, sharing.
      const answers = {
        description:
          'Een heel lang woord: Zaanstadsebuurtvrijwilligersorganisatiecoördinator, en anna.de.boer.met.een.lang.adres@voorbeeld-gemeente.example.nl',
        forWhom: 'someone-else',
        visitNeeded: true,
        contact: { email: 'anna.de.boer.met.een.lang.adres@voorbeeld-gemeente.example.nl' },
        sharing: true,
        helperSummary: 'Boodschappen voor de buurvrouw.',
      } as const;
      const seen: string[] = [];
      for (let i = 0; i < 10 && new URL(page.url()).pathname !== ASK_PATHS[locale].check; i++) {
        for (const field of await page.locator('main textarea, main input[type="text"], main input[type="email"]').all()) await field.fill('');
        await page.getByRole('button', { name: locale === 'nl' ? 'Verder' : 'Continue' }).click(); // empty: errors
        await page.waitForLoadState('load'); // measured with its style sheet applied
        const withErrors = await overflow(page);
        expect(withErrors, `${page.url()} with errors: ${withErrors.culprit}`).toMatchObject({ by: 0 });
        seen.push(new URL(page.url()).pathname);
        const before = page.url();
        await answerAskStep(page, locale, answers);
        await page.waitForLoadState('load');
        if (page.url() === before) throw new Error(`stuck on ${before}`);
        const next = await overflow(page);
        expect(next, `${page.url()}: ${next.culprit}`).toMatchObject({ by: 0 });
      }
      expect(seen).toEqual(ASK_STEP_PAGES.filter((p) => p !== 'askCheck').reduce((all, p) => [...all, pathOf(p, locale)], [pathOf('ask', locale)]));
      const check = await overflow(page);
      expect(check, `check page: ${check.culprit}`).toMatchObject({ by: 0 });
      await ctx.close();
    });

    for (const id of Object.keys(STATES) as PageId[]) {
      if (ASK_STEP_PAGES.includes(id)) continue;
      it(`${id} (${locale}) fits 320 px`, async () => {
        const state = STATES[id];
        const origin = state.origin === 'staff' ? staffBase : base;
        const ctx = await context(origin, state.session ? sessions[state.session] : undefined);
        const page = await ctx.newPage();
        const response = await page.goto(origin + pathOf(id, locale) + (state.query?.() ?? ''));
        expect(response?.status(), id).toBeLessThan(400);
        const plain = await overflow(page);
        expect(plain, `${id}: ${plain.culprit}`).toMatchObject({ by: 0 });
        if (state.submitEmpty) {
          await page.locator('main form[method="post"] button[type="submit"]').first().click();
          await page.waitForLoadState('load');
          const withErrors = await overflow(page);
          expect(withErrors, `${id} after an empty submit: ${withErrors.culprit}`).toMatchObject({ by: 0 });
        }
        await ctx.close();
      });
    }

    it(`the 404 page (${locale}) fits 320 px`, async () => {
      const ctx = await context(base);
      const page = await ctx.newPage();
      const response = await page.goto(base + (locale === 'nl' ? '/bestaat-niet/' : '/en/does-not-exist/'));
      expect(response?.status()).toBe(404);
      expect((await overflow(page)).by).toBe(0);
      await ctx.close();
    });
  }
});
