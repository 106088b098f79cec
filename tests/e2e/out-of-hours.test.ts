// Honest promises out of hours, in the browser: a platform of its own whose clock reads Sunday evening
// (21:00 in Zaandam) takes a crisis request. The receipt says the team is closed and when it will call
// (Monday, the first working hour), shows 113 first and large, and never promises "straight away".
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from '../../infra/local/platform';
import { askForHelp, axeViolations, launchChromium, newPage } from '../support/browser';

const SUNDAY_EVENING = Date.parse('2026-11-29T20:00:00Z');
let platform: Platform;
let browser: Browser;

beforeAll(async () => {
  const startedAt = Date.now();
  platform = await startPlatform({ port: 0, clock: () => new Date(SUNDAY_EVENING + (Date.now() - startedAt)) });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('out of hours', () => {
  for (const lang of ['nl', 'en'] as const) {
    // Dutch without JavaScript; English with it, so axe-core (which runs in the page) checks the same HTML.
    const javaScriptEnabled = lang === 'en';
    it(`promises Monday morning for a crisis on Sunday evening, with 113 first (${lang}, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await newPage(browser, { javaScriptEnabled, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      await askForHelp(page, platform.url, lang, {
        topicId: 'company-loneliness',
        description: lang === 'nl' ? 'Ik wil niet meer leven.' : "I don't want to live anymore.",
        contact: { phone: '06 12345678' },
      });
      const main = (await page.textContent('main'))!;
      if (lang === 'nl') {
        expect(main).toContain('Het wijkteam is nu gesloten');
        expect(main).toContain('uiterlijk maandag 30 november 2026 om 09:30');
        expect(main).not.toMatch(/meteen op|zo snel mogelijk/);
        // Contact by phone: no e-mails, and how to follow the request instead.
        expect(main).toContain('U krijgt dus geen e-mails van ons');
        expect(main).toContain('Met dit nummer en uw telefoonnummer');
      } else {
        expect(main).toContain('The district team is closed right now');
        expect(main).toContain('by Monday, 30 November 2026 at 09:30');
        expect(main).not.toMatch(/straight away|as soon as possible/);
        expect(main).toContain('you will get no e-mails from us');
      }
      expect(await page.textContent('#crisis-first')).toContain('0800-0113');
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
