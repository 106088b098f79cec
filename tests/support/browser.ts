// Debian's Chromium driven by Playwright (playwright-core never downloads a browser of its own).
// Playwright gives every launch a fresh, temporary profile directory.
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's full Chromium: what Lighthouse drives in the benchmark. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/**
 * What the end-to-end tests drive: Debian's Chromium headless shell when it is installed (the same Blink and
 * V8, without the browser's window layers; the suite runs in half the time), else full Chromium.
 */
export const E2E_BROWSER_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(E2E_BROWSER_PATH)) {
    throw new Error(
      `Chromium not found at ${E2E_BROWSER_PATH}: install it with \`apt-get install -y chromium-headless-shell\` (or chromium), or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: E2E_BROWSER_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  return context.newPage();
}

/** axe-core violations for WCAG 2.2 AA, as short readable lines (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself: no blank page is opened to gather results (our pages have no
  // frames, so nothing is missed), which halves what each check costs.
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The newest sign-in code for an address, read from /dev/outbox like a person would (newest first). */
export async function codeFor(context: BrowserContext, base: string, email: string): Promise<string> {
  const outbox = await context.newPage();
  await outbox.goto(base + '/dev/outbox');
  const row = outbox.locator('tbody tr', { hasText: email }).filter({ hasText: /code/i }).first();
  const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await row.textContent()) ?? '')?.[1];
  await outbox.close();
  if (!code) throw new Error(`no code for ${email} in the outbox`);
  return code;
}

/** Signs in like a person: the address, then the newest code for it from the development outbox. */
export async function signIn(page: Page, base: string, email: string, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  await page.goto(base + (lang === 'nl' ? '/inloggen/' : '/en/sign-in/'));
  await page.fill('#email', email);
  await page.getByRole('button', { name: lang === 'nl' ? 'Stuur mij een code' : 'Send me a code' }).click();
  await page.fill('#code', await codeFor(page.context(), base, email));
  await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : 'Sign in' }).click();
}
