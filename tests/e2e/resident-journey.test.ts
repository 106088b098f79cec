// The resident's journey in a real browser (Debian's Chromium): ask, preview, receipt, status page, reply,
// "was it solved?", reopen, withdraw, delete, feedback and the lookup, with JavaScript on and off, in Dutch
// and English, by keyboard, with axe-core on every page state. Where the volunteer's pages do not exist yet
// (issue #5) the test acts as the volunteer through the engine on the platform's own store.
import type { Browser, Page } from 'playwright-core';
import { servicesFor } from '../support/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { keys } from '../../functions/platform/dynamodb/keys';
import { axeViolations, launchChromium, newPage } from '../support/browser';
import { intake } from '../support/fixtures';

const base = inject('platformUrl');
const store = inject('platformStore');
let browser: Browser;
let services: Services;

beforeAll(async () => {
  browser = await launchChromium();
  services = servicesFor(store);
});
afterAll(async () => {
  await browser?.close();
});

const ask = { nl: '/vraag/', en: '/en/ask/' } as const;
const status = { nl: '/mijn-vraag/', en: '/en/my-request/' } as const;

/**
 * axe-core runs inside the page, so it needs JavaScript: pages without it are checked in the same state by
 * the tests with JavaScript on (the server renders the same HTML either way).
 */
async function expectAccessible(page: Page, javaScriptEnabled = true) {
  if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
}

/** Selector engines work without page JavaScript, unlike page.evaluate: ':focus' tells where focus is. */
const hasFocus = async (page: Page, selector: string) => (await page.locator(`${selector}:focus`).count()) > 0;

/** Presses Tab until the element matching `selector` has focus; fails if it is not reachable. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(page, selector)) return;
  }
  throw new Error(`${selector} cannot be reached by Tab`);
}

async function fillGroceries(page: Page, lang: 'nl' | 'en', description: string, extra: { dangerNow?: boolean; email?: string } = {}) {
  await page.selectOption('#topicId', 'groceries-errands');
  await page.fill('#description', description);
  await page.fill('#postcode', '1502 AB');
  await page.check('#visitNeeded-no');
  await page.check('#urgency-this-week');
  await page.check(extra.dangerNow ? '#dangerNow' : '#dangerNow-no');
  await page.check('#forWhom');
  await page.check(lang === 'nl' ? '#language' : '#language-en');
  if (extra.email) {
    await page.check('#contactMethod');
    await page.fill('#email', extra.email);
  } else {
    await page.check('#contactMethod-none');
  }
  await page.fill('#firstName', 'Anna');
  await page.check('#consentVolunteers');
  await page.check('#consentInitiatives');
}

const tokenOf = (page: Page) => new URL(page.url()).searchParams.get('t')!;

async function requestIdOf(token: string): Promise<string> {
  return services.desk.requestIdFor(token);
}

/** The platform matches right after the intake (deferred matching): wait for the first offer. */
async function firstOffer(requestId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await services.requests.head(requestId))?.due?.kind !== 'match') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`request ${requestId} was never matched`);
}

describe('asking for help', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`works end to end in English with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: form, errors, preview, receipt`, async () => {
      const page = await newPage(browser, { javaScriptEnabled, locale: 'en-GB' });
      await page.goto(base + '/en/');
      await page.getByRole('link', { name: 'I need help' }).click();
      expect(new URL(page.url()).pathname).toBe(ask.en);
      await expectAccessible(page, javaScriptEnabled);

      // Nothing filled in: the error summary is on top, has focus, and links to each field.
      await page.getByRole('button', { name: 'See what you will send' }).click();
      // autofocus is applied at the next rendering step after load: wait for it rather than race it.
      await page.waitForSelector('#error-summary:focus', { timeout: 5000 });
      expect(await hasFocus(page, '#error-summary')).toBe(true);
      expect(await page.locator('#error-summary a').first().getAttribute('href')).toBe('#topicId');
      expect(await page.getAttribute('#description', 'aria-invalid')).toBe('true');
      await expectAccessible(page, javaScriptEnabled);

      // A postcode outside the municipality: a kind message, and the values stay.
      await fillGroceries(page, 'en', 'Groceries please. Call 06-12345678 or mail anna@example.nl <script>alert(1)</script>', {
        email: 'anna@example.nl',
      });
      await page.fill('#postcode', '1011 AB');
      await page.getByRole('button', { name: 'See what you will send' }).click();
      expect(await page.textContent('#error-summary')).toContain('not in Zaanstad');
      expect(await page.inputValue('#description')).toContain('Groceries please');
      await page.fill('#postcode', '1502 AB');
      await page.getByRole('button', { name: 'See what you will send' }).click();

      // The preview shows exactly what a volunteer sees: redacted, first name only.
      expect(await page.textContent('h1')).toBe('Check your request');
      const volunteerSees = await page.textContent('section[aria-labelledby="zeroth-line-sees"]');
      expect(volunteerSees).toContain('Groceries please. Call [phone number] or mail [email address]');
      expect(volunteerSees).toContain('Anna');
      expect(volunteerSees).toContain('Zaandam-Zuid');
      // Markup is text: shown as typed, never run or rendered.
      expect(volunteerSees).toContain('<script>alert(1)</script>');
      expect(await page.locator('main script').count()).toBe(0);
      await expectAccessible(page, javaScriptEnabled);

      await page.getByRole('button', { name: 'Send my request' }).click();
      expect(new URL(page.url()).pathname).toBe(status.en);
      expect(await page.textContent('h1')).toBe('We have received your request');
      const reference = await page.textContent('#reference-code');
      expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
      expect(await page.getAttribute('#private-link', 'href')).toBe(page.url().replace('&new=1', ''));
      expect(await page.textContent('main')).toContain('We also sent a confirmation');
      await expectAccessible(page, javaScriptEnabled);

      // The e-mail receipt is in the development outbox, in the resident's language, with the reference code.
      const requestId = await requestIdOf(tokenOf(page));
      const outbox = await services.repo.queryPartition(keys.outboxPartition);
      expect(outbox).toContainEqual(expect.objectContaining({ template: 'receipt', requestId }));
      await page.goto(base + '/dev/outbox');
      expect(await page.textContent('tbody')).toContain(`We received your request (${reference})`);
      await page.context().close();
    });
  }

  it('can be done by keyboard alone, in Dutch, without JavaScript, including a reply', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/');
    await tabTo(page, `a[href="${ask.nl}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${ask.nl}`);
    await tabTo(page, '#topicId');
    await page.keyboard.type('Boodschappen');
    await tabTo(page, '#description');
    await page.keyboard.type('Wie kan er deze week boodschappen voor mij doen?');
    await tabTo(page, '#postcode');
    await page.keyboard.type('1502 AB');
    await tabTo(page, '#visitNeeded-no'); // the checked radio of a group takes focus
    await tabTo(page, '#urgency');
    await page.keyboard.press('ArrowDown'); // "this week"
    await tabTo(page, '#dangerNow');
    await page.keyboard.press('ArrowDown'); // "no"
    await tabTo(page, '#forWhom');
    await tabTo(page, '#language');
    await tabTo(page, '#contactMethod');
    await page.keyboard.press('ArrowDown'); // phone
    await tabTo(page, '#phone');
    await page.keyboard.type('06 12345678');
    await tabTo(page, '#consentVolunteers');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[value="preview"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Controleer uw vraag');
    await tabTo(page, 'button[value="send"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${status.nl}?t=*`);
    expect(await page.textContent('h1')).toBe('Wij hebben uw vraag ontvangen');
    expect(await page.textContent('#state-text')).toBe('Wij zoeken hulp in uw buurt');

    // The district team asks a question: the page says so, shows it, and the reply answers it.
    const requestId = await requestIdOf(tokenOf(page));
    await firstOffer(requestId);
    await services.desk.askResident(requestId, { kind: 'professional', id: 'pro-1' }, 'Op welke dagen bent u thuis?');
    await page.goto(page.url());
    expect(await page.textContent('#reply-heading')).toBe('Wij hebben meer informatie van u nodig');
    expect(await page.textContent('#open-question')).toBe('Op welke dagen bent u thuis?');
    await tabTo(page, '#reply');
    await page.keyboard.type('Ik ben alleen in de ochtend thuis.');
    await tabTo(page, 'button[value="reply"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**done=reply');
    expect(await page.textContent('[role="status"]')).toContain('Wij hebben uw informatie ontvangen');
    expect(await page.textContent('main')).toContain('U stuurde meer informatie.');
    expect(await page.textContent('#reply-heading')).toBe('Iets toevoegen');
    expect(await page.textContent('main')).toContain('U: Ik ben alleen in de ochtend thuis.');
    await page.context().close();
  });

  it('shows the emergency numbers at once on the crisis path, and routes to the team at top priority', async () => {
    const page = await newPage(browser);
    await page.goto(base + ask.nl);
    await fillGroceries(page, 'nl', 'Ik wil niet meer leven, ik zie het niet meer zitten.');
    await page.getByRole('button', { name: 'Bekijk wat u verstuurt' }).click();
    const crisis = page.locator('.wk-crisis');
    expect(await crisis.textContent()).toContain('113');
    expect(await crisis.textContent()).toContain('0800-2000');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    expect(await page.locator('main .wk-crisis').textContent()).toContain('112');
    const head = await services.requests.head(await requestIdOf(tokenOf(page)));
    expect(head).toMatchObject({ priority: 'crisis', level: 'district-team', state: 'escalated' });
    await page.context().close();
  });

  it('makes one request when the same form is sent twice (double click, refresh)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + ask.nl);
    await fillGroceries(page, 'nl', 'Dubbel verstuurd?');
    await page.getByRole('button', { name: 'Bekijk wat u verstuurt' }).click();
    const form = Object.fromEntries(
      await page
        .locator('form.wk-actions input[type="hidden"]')
        .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
    ) as Record<string, string>;
    const send = () => page.request.post(base + ask.nl, { form: { ...form, step: 'send' }, headers: { Origin: base }, maxRedirects: 0 });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.status()).toBe(303);
    expect(second.headers().location).toBe(first.headers().location);
    // A bot that fills in the hidden field gets a clear 400 and nothing is stored.
    const before = (await services.repo.queryIndex('gsi1', keys.retentionPartition)).length;
    const bot = await page.request.post(base + ask.nl, {
      form: { ...form, formKey: 'b'.repeat(43), website: 'https://spam.example', step: 'send' },
      headers: { Origin: base },
      maxRedirects: 0,
    });
    expect(bot.status()).toBe(400);
    expect(await bot.text()).toContain('Laat het veld');
    expect((await services.repo.queryIndex('gsi1', keys.retentionPartition)).length).toBe(before);
    await page.context().close();
  });
});

describe('the status page', () => {
  async function submitted(lang: 'nl' | 'en', javaScriptEnabled = true): Promise<Page> {
    const page = await newPage(browser, { javaScriptEnabled, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    await page.goto(base + ask[lang]);
    await fillGroceries(page, lang, 'Boodschappen, graag.', { email: 'resident@example.nl' });
    await page.getByRole('button', { name: lang === 'nl' ? 'Bekijk wat u verstuurt' : 'See what you will send' }).click();
    await page.getByRole('button', { name: lang === 'nl' ? 'Verstuur mijn vraag' : 'Send my request' }).click();
    await page.waitForURL(`**${status[lang]}?t=*`);
    await firstOffer(await requestIdOf(tokenOf(page)));
    return page;
  }

  it('asks "was it solved?" after a volunteer is done: no reopens, yes closes, then feedback (nl)', async () => {
    const page = await submitted('nl');
    const requestId = await requestIdOf(tokenOf(page));
    await firstOffer(requestId);
    await services.engine.claim(requestId, 'vol-fatima');
    await services.engine.markDone(requestId, 'vol-fatima', 'boodschappen gedaan');
    await page.goto(page.url());
    expect(await page.textContent('#solved-heading')).toBe('Is uw vraag opgelost?');
    await expectAccessible(page);
    await page.fill('#reason', 'De melk ontbrak.');
    await page.getByRole('button', { name: 'Nee, het is niet opgelost' }).click();
    expect(await page.textContent('[role="status"]')).toContain('Wij zoeken opnieuw hulp');

    await services.engine.claim(requestId, 'vol-fatima');
    await services.engine.markDone(requestId, 'vol-fatima', 'nu met melk');
    await page.goto(page.url());
    await page.getByRole('button', { name: 'Ja, het is opgelost' }).click();
    expect(await page.textContent('#state-text')).toBe('Afgesloten');

    // Feedback: once, 1 to 5; an answer without a score is a clear error.
    await page.getByRole('button', { name: 'Verstuur mijn mening' }).click();
    expect(await page.textContent('#error-summary')).toContain('Kies een cijfer van 1 tot 5');
    await expectAccessible(page);
    await page.check('#score-4');
    await page.fill('#comment', 'Fijn geholpen!');
    await page.getByRole('button', { name: 'Verstuur mijn mening' }).click();
    expect(await page.textContent('[role="status"]')).toContain('Dank u wel voor uw mening');
    expect(await page.locator('#feedback-heading').count()).toBe(0);
    expect((await services.requests.head(requestId))!.feedbackScore).toBe(4);
    await page.context().close();
  });

  it('shows who looked at the data, and refuses a reply once the request is withdrawn (en)', async () => {
    const page = await submitted('en');
    const token = tokenOf(page);
    const requestId = await requestIdOf(token);
    await services.residents.recordAccess(
      requestId,
      {
        at: new Date().toISOString(),
        actor: { kind: 'volunteer', id: 'vol-fatima', label: 'Fatima' },
        action: 'viewed-contact',
        reason: 'viewed your contact details',
      },
      'e2e-1',
    );
    await page.goto(base + status.en + '?t=' + token);
    expect(await page.textContent('main')).toContain('Volunteer Fatima: viewed your contact details');

    await page.fill('#reply', 'Only mornings, please.');
    await page.getByRole('button', { name: 'Withdraw my request' }).click();
    // Withdrawing asks first, as deleting does.
    expect(await page.textContent('h1')).toBe('Are you sure?');
    await page.getByRole('button', { name: 'Yes, withdraw my request' }).click();
    expect(await page.textContent('[role="status"]')).toContain('Your request has been withdrawn');
    expect(await page.locator('#reply').count()).toBe(0);
    // A reply posted from an old page is refused with a clear message, nothing changes.
    const stale = await page.request.post(base + status.en, { form: { t: token, action: 'reply', reply: 'late' }, headers: { Origin: base } });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('closed or withdrawn');
    await page.context().close();
  });

  it('deletes the data after a confirmation; the link stops working; counts stay (nl)', async () => {
    const page = await submitted('nl');
    const token = tokenOf(page);
    const requestId = await requestIdOf(token);
    await page.getByRole('button', { name: 'Verwijder mijn gegevens' }).click();
    expect(await page.textContent('h1')).toBe('Weet u het zeker?');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nee, terug naar mijn vraag' }).click();
    expect(await page.textContent('h1')).toBe('Mijn vraag');
    await page.getByRole('button', { name: 'Verwijder mijn gegevens' }).click();
    await page.getByRole('button', { name: 'Ja, verwijder mijn gegevens' }).click();
    expect(await page.textContent('h1')).toBe('Uw gegevens zijn verwijderd');
    await expectAccessible(page);
    const again = await page.goto(base + status.nl + '?t=' + token);
    expect(again?.status()).toBe(404);
    expect(await page.textContent('#error-summary')).toContain('bij deze link');
    expect(await services.repo.get(keys.personal(requestId))).toBeUndefined();
    expect(await services.requests.head(requestId)).toMatchObject({ state: 'withdrawn', personalDataErased: true, topicId: 'groceries-errands' });
    await page.context().close();
  });

  it('opens by reference code plus e-mail, and says nothing about which part was wrong (en, JS off)', async () => {
    const first = await submitted('en');
    const reference = (await first.textContent('#reference-code'))!;
    await first.context().close();
    const page = await newPage(browser, { javaScriptEnabled: false, locale: 'en-GB' });
    await page.goto(base + '/en/');
    await page.getByRole('link', { name: 'Follow my request' }).click();
    await page.fill('#reference', reference);
    await page.fill('#contact', 'someone-else@example.nl');
    await page.getByRole('button', { name: 'Find my request' }).click();
    expect(await page.textContent('#error-summary')).toContain('do not belong together');
    expect(await page.inputValue('#reference')).toBe(reference);
    await page.fill('#contact', 'Resident@Example.nl');
    await page.getByRole('button', { name: 'Find my request' }).click();
    expect(await page.textContent('h1')).toBe('My request');
    expect(await page.textContent('main')).toContain(reference);
    await page.context().close();
  });
});

describe('by keyboard and on a phone', () => {
  it('withdraws and deletes by keyboard alone, with the confirmation step (en, JS off)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, locale: 'en-GB' });
    const asked = await services.desk.submit(intake({ language: 'en' }), { idempotencyKey: `keyboard-${Date.now()}`.padEnd(43, 'k') });
    await firstOffer(asked.requestId);
    await page.goto(`${base}${status.en}?t=${asked.statusToken}`);
    await tabTo(page, 'button[value="withdraw"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Are you sure?');
    await tabTo(page, 'button[value="withdraw-confirm"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**done=withdrawn');
    await tabTo(page, 'button[value="erase"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Are you sure?');
    await tabTo(page, 'button[value="erase-confirm"]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**erased=1');
    expect(await page.textContent('h1')).toBe('Your data has been deleted');
    await page.context().close();
  });

  it('fits a phone-sized screen: no sideways scrolling on the journey pages', async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const asked = await services.desk.submit(intake());
    for (const path of ['/', ask.nl, '/in-de-buurt/', status.nl, `${status.nl}?t=${asked.statusToken}&new=1`, '/en/', ask.en]) {
      await page.goto(base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('find help first', () => {
  it('shows the topic’s tips and the initiatives for it, with asking for help always offered (nl and en)', async () => {
    for (const [lang, path, button] of [
      ['nl', '/in-de-buurt/', 'Zoeken'],
      ['en', '/en/nearby/', 'Search'],
    ] as const) {
      const page = await newPage(browser);
      await page.goto(base + path);
      expect(await page.locator(`a[href="${ask[lang]}"]`).count()).toBeGreaterThan(0);
      await page.selectOption('#topicId', 'groceries-errands');
      await page.fill('#postcode', '1502');
      await page.getByRole('button', { name: button }).click();
      await expectAccessible(page);
      const main = await page.textContent('main');
      expect(main).toContain(lang === 'nl' ? 'Veel supermarkten bezorgen aan huis' : 'Many supermarkets deliver');
      expect(await page.locator(`main a[href="${ask[lang]}"]`).count()).toBe(1);
      await page.context().close();
    }
  });
});
