// The skeleton through a real browser: Debian's Chromium, driven by Playwright, against `startPlatform`
// (the same composition as `npm start`), with axe-core checking WCAG 2.2 AA on every page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { axeViolations, launchChromium, newPage } from '../support/browser';

const base = inject('platformUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PAGES = [
  { path: '/', lang: 'nl', h1: 'Wijkloket Zaanstad' },
  { path: '/en/', lang: 'en', h1: 'Wijkloket Zaanstad' },
  { path: '/toegankelijkheid/', lang: 'nl', h1: 'Toegankelijkheidsverklaring' },
  { path: '/en/accessibility/', lang: 'en', h1: 'Accessibility statement' },
  { path: '/in-de-buurt/', lang: 'nl', h1: 'Wat is er in mijn buurt?' },
  { path: '/en/nearby/', lang: 'en', h1: 'What is there in my neighbourhood?' },
  { path: '/vraag/', lang: 'nl', h1: 'Waar zoekt u hulp bij?' },
  { path: '/en/ask/', lang: 'en', h1: 'What do you need help with?' },
  { path: '/mijn-vraag/', lang: 'nl', h1: 'Mijn vraag volgen' },
  { path: '/en/my-request/', lang: 'en', h1: 'Follow my request' },
  { path: '/inloggen/', lang: 'nl', h1: 'Inloggen' },
  { path: '/en/sign-in/', lang: 'en', h1: 'Sign in' },
  { path: '/vrijwilliger-worden/', lang: 'nl', h1: 'Vrijwilliger worden' },
  { path: '/en/become-a-volunteer/', lang: 'en', h1: 'Become a volunteer' },
  { path: '/initiatieven/', lang: 'nl', h1: 'Initiatieven in Zaanstad' },
  { path: '/en/initiatives/?district=zaandam-zuid', lang: 'en', h1: 'Initiatives in Zaanstad' },
];

describe('pages', () => {
  for (const { path, lang, h1 } of PAGES) {
    it(`${path} renders in ${lang} with zero axe violations`, async () => {
      const page = await newPage(browser);
      const response = await page.goto(base + path);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('h1')).toBe(h1);
      // The title names the page, then the site once: never "Wijkloket Zaanstad | Wijkloket Zaanstad".
      expect(await page.title()).toBe(h1 === 'Wijkloket Zaanstad' ? h1 : `${h1} | Wijkloket Zaanstad`);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('the home page shows the crisis numbers and the district team', async () => {
    const page = await newPage(browser);
    await page.goto(base + '/');
    const text = await page.textContent('main');
    for (const number of ['112', '0800-2000', '0800-0113', '14 075']) expect(text).toContain(number);
    await page.context().close();
  });

  it('the language switch leads to the same page in the other language', async () => {
    const page = await newPage(browser);
    await page.goto(base + '/toegankelijkheid/');
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/accessibility/');
    await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
    expect(new URL(page.url()).pathname).toBe('/toegankelijkheid/');
    await page.context().close();
  });

  it('an unknown page is a friendly 404 in both languages, also accessible', async () => {
    const page = await newPage(browser);
    const response = await page.goto(base + '/bestaat-niet/');
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Deze pagina bestaat niet');
    expect(await page.textContent('[lang="en"] h2')).toBe('This page does not exist');
    expect(await axeViolations(page)).toEqual([]);
    // Under /en/ the page is English, with the Dutch text after it.
    const english = await page.goto(base + '/en/does-not-exist/');
    expect(english?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('This page does not exist');
    expect(await page.textContent('[lang="nl"] h2')).toBe('Deze pagina bestaat niet');
    // The footer's crisis numbers are under a heading, and a phone number never breaks inside.
    expect(await page.evaluate(() => document.getElementById('crisis-footer')?.tagName)).toBe('H2');
    expect(await page.textContent('#crisis-footer')).toBe('Need help right now?');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('a[href^="tel:"]')!).whiteSpace)).toBe('nowrap');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('serves security.txt', async () => {
    const page = await newPage(browser);
    const response = await page.goto(base + '/.well-known/security.txt');
    expect(response?.status()).toBe(200);
    expect(await response?.text()).toMatch(/^Contact: mailto:/m);
    await page.context().close();
  });
});

describe('the initiatives directory', () => {
  it('filters by district and topic with a plain GET form, and links to the open data', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/initiatieven/');
    const all = Number((await page.textContent('#directory-count'))!.split(' ')[0]);
    await page.selectOption('#district', 'zaandam-zuid');
    await page.selectOption('#topic', 'paperwork-forms');
    await page.getByRole('button', { name: 'Toon' }).click();
    expect(new URL(page.url()).search).toBe('?district=zaandam-zuid&topic=paperwork-forms');
    expect(await page.textContent('main')).toContain('Taalcafé Rosmolen');
    expect(Number((await page.textContent('#directory-count'))!.split(' ')[0])).toBeLessThan(all);
    const hsds = await page.request.get(base + (await page.getByRole('link', { name: /open data/ }).getAttribute('href'))!);
    expect(hsds.status()).toBe(200);
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await newPage(browser);
    await page.goto(base + '/en/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });
});

describe('the neighbourhood lookup without JavaScript', () => {
  it('finds the district and its initiatives with a plain form (a GET: the result is a link)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/in-de-buurt/');
    await page.getByLabel('Postcode').fill('1521 AB');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    expect(await page.textContent('#result-heading')).toBe('U woont in de wijk Wormerveer.');
    expect(await page.textContent('main')).toContain('Klusploeg Wormerveer');
    await page.context().close();
  });

  it('shows an error summary linked to the field, keeps the value, and stays accessible', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/en/nearby/');
    await page.getByLabel('Postcode').fill('hello');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('postcode=')),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(response.status()).toBe(400);
    expect(response.headers()['cache-control']).toBe('no-store');
    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain('Enter a postcode like 1503 AB');
    expect(await page.getByLabel('Postcode').inputValue()).toBe('hello');
    expect(await page.getAttribute('#postcode', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#error-summary a', 'href')).toBe('#postcode');
    await page.context().close();
  });

  it('a postcode outside the municipality gets a kind message with where to go', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/en/nearby/');
    await page.getByLabel('Postcode').fill('1011 AB');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('postcode=')),
      page.getByRole('button', { name: 'Search' }).click(),
    ]);
    expect(response.status()).toBe(422);
    expect(await page.getByRole('alert').textContent()).toContain('contact the municipality where you live');
    await page.context().close();
  });
});

describe('the neighbourhood lookup results', () => {
  // axe-core runs as script in the page, so these run with JavaScript on; the site sends none of its own,
  // so the pages are the same ones the JavaScript-free tests above see.
  it.each([
    ['a result', '1521 AB'],
    ['an error summary', 'hello'],
    ['a postcode outside the municipality', '1011 AB'],
  ])('%s has zero axe violations in both languages', async (_case, postcode) => {
    for (const path of ['/in-de-buurt/', '/en/nearby/']) {
      const page = await newPage(browser);
      await page.goto(base + path);
      await page.locator('#postcode').fill(postcode);
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});

describe('development outbox', () => {
  it('shows what would be e-mailed, accessibly', async () => {
    const page = await newPage(browser);
    const response = await page.goto(base + '/dev/outbox');
    expect(response?.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Outbox (alleen lokaal)');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('API through the same origin', () => {
  it('health answers from the browser origin', async () => {
    const page = await newPage(browser);
    await page.goto(base + '/');
    const health = await page.evaluate(async () => {
      const res = await fetch('/api/v1/health');
      return { status: res.status, body: await res.json() };
    });
    expect(health).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', checks: { store: 'ok' } }) });
    await page.context().close();
  });

  it('the site sends its security headers', async () => {
    const page = await newPage(browser);
    const response = await page.goto(base + '/');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    await page.context().close();
  });
});
