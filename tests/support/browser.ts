// Debian's Chromium driven by Playwright (playwright-core never downloads a browser of its own).
// Playwright gives every launch a fresh, temporary profile directory.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A virtual authenticator on a page, through the DevTools protocol's WebAuthn domain: a platform passkey
 * (like a laptop's or phone's) that verifies the user and is present at once. The ceremony itself is real.
 */
export async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    add: async (credential: Awaited<ReturnType<typeof cdp.send<'WebAuthn.getCredentials'>>>['credentials'][number]) =>
      cdp.send('WebAuthn.addCredential', { authenticatorId, credential }),
  };
}

type StoredCredentials = Record<string, Awaited<ReturnType<Awaited<ReturnType<typeof virtualAuthenticator>>['credentials']>>>;

/** Each person's passkeys across the test files of one run (as a person keeps their phone): a file per platform. */
function passkeyFile(staffBase: string, runId: string): string {
  return join(tmpdir(), `wijkloket-e2e-passkeys-${new URL(staffBase).port}-${runId.replace(/\W/g, '')}.json`);
}

/** The passkeys people made in this run, by e-mail address. */
export function storedCredentials(staffBase: string, runId: string): StoredCredentials {
  const file = passkeyFile(staffBase, runId);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredCredentials) : {};
}

/**
 * Signs a staff member in like a person: the e-mail code, then their passkey with a virtual authenticator
 * (created at their first sign-in, kept for later tests). Staff pages live on `staffBase` (localhost).
 */
export async function signInStaff(page: Page, staffBase: string, runId: string, email: string, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  const authenticator = await virtualAuthenticator(page);
  const file = passkeyFile(staffBase, runId);
  for (const credential of storedCredentials(staffBase, runId)[email] ?? []) await authenticator.add(credential);
  await signIn(page, staffBase, email, lang);
  const passkeyPath = lang === 'nl' ? '/inloggen/sleutel/' : '/en/sign-in/passkey/';
  if (new URL(page.url()).pathname !== passkeyPath) throw new Error(`expected the passkey step, got ${page.url()}`);
  await page.locator('#passkey-start').click();
  await page.waitForURL((url) => url.pathname !== passkeyPath);
  writeFileSync(file, JSON.stringify({ ...storedCredentials(staffBase, runId), [email]: await authenticator.credentials() }));
}

/** The answers of an intake (the resident's form and the team's phone intake ask the same questions). */
export interface IntakeAnswers {
  topicId: string;
  description: string;
  urgency?: 'today' | 'this-week' | 'no-rush';
  language: 'nl' | 'en';
  contact: { email: string } | { phone: string };
  firstName?: string;
  /** May volunteers and initiatives see it (the one consent question); no when left out. */
  sharing?: boolean;
  /** What helpers see, when they may; left out: the redacted question. */
  helperSummary?: string;
}

/** Fills the intake questions like a person: postcode 1502 AB, no visit, no danger now, for themselves. */
export async function fillIntake(page: Page, a: IntakeAnswers): Promise<void> {
  await page.selectOption('#topicId', a.topicId);
  await page.fill('#description', a.description);
  await page.fill('#postcode', '1502 AB');
  await page.check('#visitNeeded-no');
  await page.check(a.urgency === undefined || a.urgency === 'today' ? '#urgency' : `#urgency-${a.urgency}`);
  await page.check('#dangerNow-no');
  await page.check('#forWhom');
  await page.check(a.language === 'nl' ? '#language' : '#language-en');
  if ('email' in a.contact) {
    await page.check('#contactMethod');
    await page.fill('#email', a.contact.email);
  } else {
    await page.check('#contactMethod-phone');
    await page.fill('#phone', a.contact.phone);
  }
  if (a.firstName) await page.fill('#firstName', a.firstName);
  await page.check(`input[name="sharing"][value="${a.sharing ? 'yes' : 'no'}"]`);
  if (a.helperSummary !== undefined) await page.fill('#helperSummary', a.helperSummary);
}

/** A resident's answers on the step-by-step form; what is left out gets the usual answer of a neighbour's request. */
export interface AskAnswers {
  topicId?: string;
  description: string;
  dangerNow?: boolean;
  urgency?: 'today' | 'this-week' | 'no-rush';
  forWhom?: 'myself' | 'someone-else';
  postcode?: string;
  visitNeeded?: boolean;
  houseNumber?: string;
  contact?: { email: string } | { phone: string } | 'none';
  language?: 'nl' | 'en';
  firstName?: string;
  sharing?: boolean;
  wantsProfessional?: boolean;
  /** What helpers see; left as the form suggests it when absent. */
  helperSummary?: string;
}

/** The form's pages by language: the first step, and the check page the walk ends on. */
export const ASK_PATHS = {
  nl: { first: '/vraag/', check: '/vraag/controleren/', sent: '/vraag/verstuurd/' },
  en: { first: '/en/ask/', check: '/en/ask/check/', sent: '/en/ask/sent/' },
} as const;

/** Answers the questions the page of the step-by-step form asks, then chooses "Continue". */
export async function answerAskStep(page: Page, lang: 'nl' | 'en', a: AskAnswers): Promise<void> {
  const on = async (selector: string) => (await page.locator(selector).count()) > 0;
  const radio = (name: string, value: string) => page.check(`input[name="${name}"][value="${value}"]`);
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  const contact = a.contact ?? 'none';
  if (await on('input[name="topicId"]')) await radio('topicId', a.topicId ?? 'groceries-errands');
  if (await on('#description')) await page.fill('#description', a.description);
  if (await on('input[name="dangerNow"]')) await radio('dangerNow', yesNo(a.dangerNow ?? false));
  if (await on('input[name="urgency"]')) await radio('urgency', a.urgency ?? 'this-week');
  if (await on('input[name="forWhom"]')) await radio('forWhom', a.forWhom ?? 'myself');
  if (await on('#postcode')) await page.fill('#postcode', a.postcode ?? '1502 AB');
  if (await on('input[name="visitNeeded"]')) await radio('visitNeeded', yesNo(a.visitNeeded ?? false));
  if (await on('input[name="contactMethod"]')) await radio('contactMethod', contact === 'none' ? 'none' : 'email' in contact ? 'email' : 'phone');
  if (await on('input[name="language"]')) await radio('language', a.language ?? lang);
  if (await on('#firstName')) await page.fill('#firstName', a.firstName ?? '');
  if ((await on('#email')) && contact !== 'none' && 'email' in contact) await page.fill('#email', contact.email);
  if ((await on('#phone')) && contact !== 'none' && 'phone' in contact) await page.fill('#phone', contact.phone);
  if (await on('#houseNumber')) await page.fill('#houseNumber', a.houseNumber ?? '12');
  if (await on('#otherPersonAgreed')) await page.check('#otherPersonAgreed');
  if (await on('input[name="sharing"]')) await radio('sharing', yesNo(a.sharing ?? true));
  if ((await on('#wantsProfessional')) && a.wantsProfessional) await page.check('#wantsProfessional');
  if ((await on('#helperSummary')) && a.helperSummary !== undefined) await page.fill('#helperSummary', a.helperSummary);
  await page.getByRole('button', { name: lang === 'nl' ? 'Verder' : 'Continue' }).click();
}

/**
 * Answers the step-by-step form like a person, from the page it is on (a step) to "check your answers".
 * Fails on a page that comes back with errors, or when the walk does not end.
 */
export async function answerAskSteps(page: Page, lang: 'nl' | 'en', a: AskAnswers): Promise<void> {
  for (let i = 0; i < 10; i++) {
    if (new URL(page.url()).pathname === ASK_PATHS[lang].check) return;
    await answerAskStep(page, lang, a);
    if ((await page.locator('#error-summary').count()) > 0)
      throw new Error(`the form came back with errors on ${page.url()}: ${await page.textContent('#error-summary')}`);
  }
  throw new Error(`the form did not reach "check your answers" (${page.url()})`);
}

/** Asks for help from the first step to the confirmation; returns the private status token. */
export async function askForHelp(page: Page, base: string, lang: 'nl' | 'en', a: AskAnswers): Promise<string> {
  await page.goto(base + ASK_PATHS[lang].first);
  await answerAskSteps(page, lang, a);
  await page.getByRole('button', { name: lang === 'nl' ? 'Verstuur mijn vraag' : 'Send my request' }).click();
  await page.waitForURL(`**${ASK_PATHS[lang].sent}?t=*`);
  return new URL(page.url()).searchParams.get('t')!;
}
