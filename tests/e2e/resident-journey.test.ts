// The resident's journey in a real browser (Debian's Chromium): find help first, ask step by step, check,
// the confirmation, status page, reply,
// "was it solved?", reopen, withdraw, delete, feedback and the lookup, with JavaScript on and off, in Dutch
// and English, by keyboard, with axe-core on every page state. Where the volunteer's pages do not exist yet
// (issue #5) the test acts as the volunteer through the engine on the platform's own store.
import type { Browser, Page } from 'playwright-core';
import { servicesFor } from '../support/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { keys } from '../../functions/platform/dynamodb/keys';
import { answerAskStep, answerAskSteps, askForHelp, axeViolations, launchChromium, newPage } from '../support/browser';
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
    it(`works end to end in English with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: find help first, one step at a time, check, confirmation`, async () => {
      const page = await newPage(browser, { javaScriptEnabled, locale: 'en-GB' });
      await page.goto(base + '/en/');
      // "I need help" passes by the tips and initiatives first; a result is a link of its own.
      await page.getByRole('link', { name: 'I need help' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/nearby/');
      await page.selectOption('#topicId', 'groceries-errands');
      await page.fill('#postcode', '1502 AB');
      await page.getByRole('button', { name: 'Search' }).click();
      expect(new URL(page.url()).search).toBe('?topicId=groceries-errands&postcode=1502+AB');
      expect(await page.textContent('main')).toContain('Many supermarkets deliver');
      // No initiative in Zaandam-Zuid does groceries: the page says which ones there help with other things.
      expect(await page.textContent('main')).toContain('There is no initiative for this topic in Zaandam-Zuid yet.');
      const others = await page.locator('#other-initiatives li').allTextContents();
      expect(others.map((text) => text.split(':')[0]).sort()).toEqual(['SchuldHulpMaatje Zaanstreek', 'Taalcafé Rosmolen']);
      await expectAccessible(page, javaScriptEnabled);
      // Asking carries the topic and the postcode: nothing is asked twice.
      await page.click('#ask-with-choice');
      expect(new URL(page.url()).pathname).toBe(ask.en);
      expect(await page.textContent('#step-of')).toBe('Step 1 of 7');
      expect(await page.isChecked('input[name="topicId"][value="groceries-errands"]')).toBe(true);
      await expectAccessible(page, javaScriptEnabled);

      // An empty question: the error summary is on top, has focus, and says what to do.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForSelector('#error-summary:focus', { timeout: 5000 });
      expect(await page.locator('#error-summary a').allTextContents()).toEqual(['Write in a few words what you need help with.']);
      expect(await page.getAttribute('#description', 'aria-invalid')).toBe('true');
      expect(await page.title()).toMatch(/^Error: /);
      await expectAccessible(page, javaScriptEnabled);
      await page.fill('#description', 'Groceries for Mrs De Boer (84). Call 06-12345678 or mail anna@example.nl <script>alert(1)</script>');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 2: nothing pre-selected; both missing answers are reported at once.
      expect(new URL(page.url()).pathname).toBe('/en/ask/urgency/');
      expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('#error-summary').waitFor();
      expect(await page.locator('#error-summary a').allTextContents()).toEqual([
        'Choose whether someone is in danger now.',
        'Choose how soon you need help.',
      ]);
      await page.check('input[name="dangerNow"][value="no"]');
      await page.check('input[name="urgency"][value="this-week"]');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 3: the postcode came along; one outside the municipality gets a kind message.
      expect(await page.inputValue('#postcode')).toBe('1502 AB');
      await page.check('input[name="forWhom"][value="someone-else"]');
      await page.fill('#postcode', '1011 AB');
      await page.check('input[name="visitNeeded"][value="no"]');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('#error-summary').waitFor();
      expect(await page.textContent('#error-summary')).toContain('not in Zaanstad');
      expect(await page.isChecked('input[name="forWhom"][value="someone-else"]')).toBe(true);
      await page.fill('#postcode', '1502 AB');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 4: contact; step 5 then asks only what applies: the e-mail address and the other person's agreement, no house number.
      await page.check('input[name="contactMethod"][value="email"]');
      await page.check('input[name="language"][value="en"]');
      await page.fill('#firstName', 'Anna');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/ask/details/');
      expect(await page.locator('#email').count()).toBe(1);
      expect(await page.locator('#otherPersonAgreed').count()).toBe(1);
      expect(await page.locator('#houseNumber, #phone').count()).toBe(0);
      await page.fill('#email', 'anna@example');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('#error-summary').waitFor();
      expect(await page.locator('#error-summary a').allTextContents()).toEqual([
        'Enter an e-mail address like name@example.com.',
        'First ask whether the other person agrees, then tick the box.',
      ]);
      await page.fill('#email', 'anna@exmaple.nl'); // a typo, caught on the check page
      await page.check('#otherPersonAgreed');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Step 6: consent is one question; "yes" leads to the summary helpers see, pre-filled and redacted.
      expect(await page.textContent('#step-of')).toBe('Step 6 of 7');
      expect(await page.locator('fieldset legend').first().textContent()).toBe(
        'May volunteers and initiatives in your neighbourhood see your request?',
      );
      await page.check('input[name="sharing"][value="yes"]');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.textContent('#step-of')).toBe('Step 7 of 7');
      expect(await page.inputValue('#helperSummary')).toBe(
        'Groceries for Mrs De Boer (84). Call [phone number] or mail [email address] <script>alert(1)</script>',
      );
      await page.fill('#helperSummary', 'Groceries for my neighbour, once a week. <script>alert(1)</script>');
      await page.getByRole('button', { name: 'Continue' }).click();

      // Check your answers: every answer with its own change link; the summary helpers see is the resident's own.
      expect(await page.textContent('h1')).toBe('Check your answers');
      const answers = await page.textContent('#answers');
      for (const shown of ['Groceries', '1502 AB', 'For someone else', 'By e-mail', 'English', 'anna@exmaple.nl', 'Anna'])
        expect(answers).toContain(shown);
      expect(await page.locator('#answers a', { hasText: 'Change' }).count()).toBe(await page.locator('#answers dt').count());
      expect(await page.textContent('#helper-summary')).toBe('Groceries for my neighbour, once a week. <script>alert(1)</script>');
      expect(await page.locator('main script').count()).toBe(0);
      await expectAccessible(page, javaScriptEnabled);
      await page.getByRole('link', { name: 'Change E-mail address' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/ask/details/');
      expect(await page.inputValue('#email')).toBe('anna@exmaple.nl');
      await page.fill('#email', 'anna@example.nl');
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(new URL(page.url()).pathname).toBe(ask.en + 'check/');
      expect(await page.textContent('#answers')).toContain('anna@example.nl');

      // Sent: the confirmation page with the reference code, the private link and a way to keep them.
      await page.getByRole('button', { name: 'Send my request' }).click();
      expect(new URL(page.url()).pathname).toBe('/en/ask/sent/');
      expect(await page.textContent('h1')).toBe('We have received your request');
      const reference = (await page.textContent('#reference-code'))!;
      expect(reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
      expect(await page.getAttribute('#private-link', 'href')).toBe(`${base}${status.en}?t=${tokenOf(page)}`);
      expect(await page.textContent('main')).toContain('We also sent a confirmation');
      expect(await page.textContent('#print-hint')).toContain('Ctrl+P');
      const file = await page.request.get(base + (await page.getAttribute('#save-file', 'href'))!);
      expect(file.headers()['content-type']).toBe('text/plain; charset=utf-8');
      expect(file.headers()['content-disposition']).toBe(`attachment; filename="wijkloket-${reference}.txt"`);
      expect(await file.text()).toContain(`Your reference code: ${reference}`);
      await expectAccessible(page, javaScriptEnabled);

      // The e-mail receipt is in the development outbox, in the resident's language, with the reference code;
      // the card volunteers see carries the resident's own summary.
      const requestId = await requestIdOf(tokenOf(page));
      const outbox = await services.repo.queryPartition(keys.outboxPartition);
      expect(outbox).toContainEqual(expect.objectContaining({ template: 'receipt', requestId }));
      expect((await services.requests.feedCard(requestId))?.summary).toBe('Groceries for my neighbour, once a week. <script>alert(1)</script>');
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
    // Each step's "Verder" leads to another page: wait for it before the next Tab.
    const next = async () => {
      const before = page.url();
      await tabTo(page, 'main button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.href !== before);
    };
    await tabTo(page, '#topicId'); // no topic chosen yet: Tab lands on the first, Space chooses it
    await page.keyboard.press('Space');
    await tabTo(page, '#description');
    await page.keyboard.type('Wie kan er deze week boodschappen voor mij doen?');
    await next();
    await tabTo(page, '#dangerNow');
    await page.keyboard.press('ArrowDown'); // "no"
    await tabTo(page, '#urgency');
    await page.keyboard.press('ArrowDown'); // "this week"
    await next();
    await tabTo(page, '#forWhom');
    await page.keyboard.press('Space'); // myself
    await tabTo(page, '#postcode');
    await page.keyboard.type('1502 AB');
    await tabTo(page, '#visitNeeded');
    await page.keyboard.press('ArrowDown'); // no
    await next();
    await tabTo(page, '#contactMethod');
    await page.keyboard.press('ArrowDown'); // phone
    await tabTo(page, '#language');
    await page.keyboard.press('Space'); // Nederlands
    await next();
    await tabTo(page, '#phone');
    await page.keyboard.type('06 12345678');
    await next();
    await tabTo(page, '#sharing');
    await page.keyboard.press('Space'); // yes
    await next();
    await next(); // the suggested summary as it is
    expect(await page.textContent('h1')).toBe('Controleer uw antwoorden');
    await tabTo(page, 'main button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/vraag/verstuurd/?t=*`);
    expect(await page.textContent('h1')).toBe('Wij hebben uw vraag ontvangen');
    expect(await page.textContent('#state-text')).toBe('Wij zoeken hulp in uw buurt');

    // The district team asks a question: the page says so, shows it, and the reply answers it.
    const requestId = await requestIdOf(tokenOf(page));
    await firstOffer(requestId);
    await services.desk.askResident(requestId, { kind: 'professional', id: 'pro-1' }, 'Op welke dagen bent u thuis?');
    await page.goto(`${base}${status.nl}?t=${tokenOf(page)}`);
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

  it('walks every step on a phone in Dutch with zero axe violations on each page, errors included', async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(base + ask.nl);
    const answers = {
      description: 'Boodschappen voor mijn buurvrouw.',
      forWhom: 'someone-else',
      visitNeeded: true,
      contact: { email: 'anna@example.nl' },
    } as const;
    const seen: string[] = [];
    for (let i = 0; i < 10 && new URL(page.url()).pathname !== ask.nl + 'controleren/'; i++) {
      seen.push((await page.textContent('#step-of')) ?? '');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Verder' }).click(); // unanswered: the page with its errors
      if (new URL(page.url()).pathname === ask.nl + 'controleren/') break; // the summary comes filled in
      expect(await page.locator('#error-summary').count()).toBe(1);
      await expectAccessible(page);
      await answerAskStep(page, 'nl', answers);
    }
    expect(seen).toEqual(['Stap 1 van 7', 'Stap 2 van 7', 'Stap 3 van 7', 'Stap 4 van 7', 'Stap 5 van 7', 'Stap 6 van 7', 'Stap 7 van 7']);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    expect(await page.textContent('h1')).toBe('Wij hebben uw vraag ontvangen');
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the emergency numbers from the next step on, on the crisis path, and routes to the team at top priority', async () => {
    const page = await newPage(browser);
    await page.goto(base + ask.nl);
    await page.check('input[name="topicId"][value="company-loneliness"]');
    await page.fill('#description', 'Ik wil niet meer leven, ik zie het niet meer zitten.');
    await page.getByRole('button', { name: 'Verder' }).click();
    // Before anything else is asked: 113 first and large.
    expect(await page.textContent('#crisis-first')).toContain('0800-0113');
    await expectAccessible(page);
    await answerAskSteps(page, 'nl', { topicId: 'company-loneliness', description: 'Ik wil niet meer leven, ik zie het niet meer zitten.' });
    const crisis = page.locator('.wk-crisis').first();
    expect(await crisis.textContent()).toContain('113');
    expect(await crisis.textContent()).toContain('0800-2000');
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    expect(await page.locator('main .wk-crisis').textContent()).toContain('112');
    const head = await services.requests.head(await requestIdOf(tokenOf(page)));
    expect(head).toMatchObject({ priority: 'crisis', level: 'district-team', state: 'escalated' });
    await page.context().close();
  });

  it('tells the true reason when no helper may see the request, and asks how helpers can reach a resident they could not', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + ask.nl);
    await answerAskSteps(page, 'nl', { description: 'Een lamp ophangen.', topicId: 'odd-jobs', sharing: false });
    // "No, only the district team": no summary step, and the reason is the resident's choice, not a wish for a professional.
    expect(await page.locator('#answers').textContent()).toContain('Nee, alleen het wijkteam');
    expect(await page.textContent('#route')).toBe('Waar gaat uw vraag heen?');
    const route = await page.locator('section[aria-labelledby="route"]').textContent();
    expect(route).toContain('U wilt niet dat vrijwilligers of initiatieven uw vraag zien. Daarom helpt het wijkteam u.');
    expect(route).not.toContain('professional');

    // No contact and no visit: a volunteer could not reach them. The check page says so and asks how, before sending.
    await page.goto(base + ask.nl);
    await answerAskSteps(page, 'nl', { description: 'Wie kan mijn gras maaien?', topicId: 'odd-jobs', sharing: true, helperSummary: 'Gras maaien.' });
    expect(await page.textContent('#unreachable')).toContain('Een vrijwilliger of initiatief kan u zo niet bereiken');
    expect(await page.locator('section[aria-labelledby="route"]').textContent()).toContain('Een vrijwilliger kan u dan niet bereiken.');
    await page.getByRole('link', { name: 'Toch hulp uit uw buurt? Kies hoe zij u kunnen bereiken' }).click();
    await page.check('input[name="contactMethod"][value="phone"]');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.fill('#phone', '06 12345678');
    await page.getByRole('button', { name: 'Verder' }).click();
    expect(new URL(page.url()).pathname).toBe(ask.nl + 'controleren/');
    expect(await page.locator('#unreachable').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="route"]').textContent()).toContain('Wij zoeken eerst iemand in uw buurt');
    await page.context().close();
  });

  it('says so when the answers could not be kept: a browser without the cookie, or a draft gone after two hours', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + ask.nl);
    await answerAskStep(page, 'nl', { description: 'Boodschappen' });
    expect(new URL(page.url()).pathname).toBe(ask.nl + 'spoed/');
    // As a browser that refuses cookies: the next step has nothing to build on.
    await page.context().clearCookies();
    await answerAskStep(page, 'nl', { description: 'Boodschappen' });
    expect(new URL(page.url()).pathname).toBe(ask.nl);
    expect(await page.textContent('#draft-not-kept')).toContain('als uw browser cookies weigert');
    // A cookie whose draft is gone (expired): the first step says the answers are gone.
    await page
      .context()
      .addCookies([
        { name: '__Host-wk-ask', value: 'x'.repeat(43), domain: new URL(base).hostname, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
      ]);
    await page.goto(base + ask.nl + 'contact/');
    expect(new URL(page.url()).pathname).toBe(ask.nl);
    expect(await page.textContent('main')).toContain('Uw eerdere antwoorden zijn weg');
    await page.context().close();
  });

  it('makes one request when the answers are sent twice (double click, refresh), and refuses a bot', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + ask.nl);
    await answerAskSteps(page, 'nl', { description: 'Dubbel verstuurd?' });
    const send = () => page.request.post(base + ask.nl + 'controleren/', { headers: { Origin: base }, maxRedirects: 0 });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.status()).toBe(303);
    expect(first.headers().location).toMatch(/^\/vraag\/verstuurd\/\?t=/);
    expect(second.headers().location).toBe(first.headers().location);
    const refreshed = await send();
    expect(refreshed.headers().location).toBe(first.headers().location);
    // A bot that fills in the hidden field gets a clear 400 and nothing is stored.
    const before = (await services.repo.queryIndex('gsi1', keys.retentionPartition)).length;
    const bot = await fetch(base + ask.nl, {
      method: 'POST',
      headers: { Origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ topicId: 'groceries-errands', description: 'Spam', website: 'https://spam.example' }),
      redirect: 'manual',
    });
    expect(bot.status).toBe(400);
    expect(await bot.text()).toContain('Laat het veld');
    expect(bot.headers.get('set-cookie')).toBeNull();
    expect((await services.repo.queryIndex('gsi1', keys.retentionPartition)).length).toBe(before);
    await page.context().close();
  });
});

describe('the status page', () => {
  async function submitted(lang: 'nl' | 'en', javaScriptEnabled = true): Promise<Page> {
    const page = await newPage(browser, { javaScriptEnabled, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const token = await askForHelp(page, base, lang, {
      description: 'Boodschappen, graag.',
      contact: { email: 'resident@example.nl' },
      firstName: 'Anna',
    });
    await page.goto(`${base}${status[lang]}?t=${token}`);
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
    // The choice first: no text field before it; what is still needed is asked after "no".
    expect(await page.locator('#reason').count()).toBe(0);
    await page.getByRole('button', { name: 'Nee, het is niet opgelost' }).click();
    expect(await page.textContent('h1')).toBe('Wat is er nog nodig?');
    await expectAccessible(page);
    await page.fill('#reason', 'De melk ontbrak.');
    await page.getByRole('button', { name: 'Verstuur' }).click();
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
    const reference = (await services.desk.referenceOf(await requestIdOf(tokenOf(first))))!;
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
