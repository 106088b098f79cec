// A citizen initiative answers a referral in a real browser, through the signed link read from the
// development outbox like its e-mail: it sees the request without personal data, accepts, sees the contact
// (the resident sees that), and closes with an outcome (the resident is asked "was it solved?"); another
// declines because it is full and the request goes to the next initiative. A forged link changes nothing.
import type { Browser } from 'playwright-core';
import { servicesFor } from '../support/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { axeViolations, launchChromium, newPage } from '../support/browser';
import { intake } from '../support/fixtures';
import { referralLinkFromOutbox } from '../support/outbox';

const base = inject('platformUrl');
const store = inject('platformStore');
const COORDINATOR = { kind: 'staff' as const, id: 'coord-jeroen', role: 'volunteer-coordinator' as const };
let browser: Browser;
let services: Services;

beforeAll(async () => {
  browser = await launchChromium();
  services = servicesFor(store);
  // Two initiatives for odd jobs in Assendelft, a district no other test asks in.
  for (const [id, name, capacityPerWeek] of [
    ['ini-e2e-klus-a', 'Klusteam Assendelft', 5],
    ['ini-e2e-klus-b', 'Handige Buren Assendelft', 4],
  ] as const) {
    await services.initiatives.save(COORDINATOR, {
      id,
      name,
      description: { nl: 'Kleine klussen in huis.', en: 'Small jobs at home.' },
      email: `${id}@initiatief.example`,
      districts: ['assendelft'],
      topics: ['odd-jobs'],
      capacityPerWeek,
    });
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('an initiative answers its referral through the link in its e-mail', () => {
  it('accepts, sees the contact (the resident sees that), and closes with an outcome', async () => {
    const receipt = await services.desk.submit(
      intake({
        topicId: 'company-loneliness',
        description: 'Ik ben veel alleen sinds mijn man overleed. Bel me gerust: 06 55443322.',
        firstName: 'Bea',
        contact: { method: 'phone', phone: '06 55443322' },
        consent: { volunteers: false, initiatives: true },
      }),
    );
    const link = await referralLinkFromOutbox(base, receipt.requestId);
    const page = await newPage(browser);
    await page.goto(link);
    expect(await page.textContent('h1')).toContain('Doorverwijzing voor Taalcafé');
    expect(await page.textContent('#referral-summary')).toContain('[telefoonnummer]');
    expect(await page.textContent('main')).not.toContain('06 55443322');
    expect(await page.locator('#resident-contact').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ja, wij helpen' }).click();
    expect(await page.textContent('[role="status"]')).toContain('De vraag is nu van u');
    expect(await page.textContent('#resident-contact')).toContain('06 55443322');
    expect(await page.textContent('#resident-contact')).toContain('Bea');
    expect(await axeViolations(page)).toEqual([]);

    const resident = await newPage(browser);
    await resident.goto(`${base}/mijn-vraag/?t=${receipt.statusToken}`);
    expect(await resident.textContent('main')).toContain('Een initiatief uit uw buurt gaat u helpen');
    expect(await resident.textContent('main')).toMatch(/Initiatief Taalcafé[^:]*: bekeek uw contactgegevens/);

    // The resident adds something on their status page: the initiative that holds the request reads it.
    await resident.fill('#reply', 'Dinsdagochtend kan ik het best.');
    await resident.getByRole('button', { name: 'Verstuur' }).click();
    await page.reload();
    expect(await page.textContent('#resident-words')).toContain('Dinsdagochtend kan ik het best.');
    expect(await axeViolations(page)).toEqual([]);

    // Closing without saying how it went is refused, kindly, with the focus on the message.
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    expect(await page.textContent('#error-summary')).toContain('Kies hoe het ging');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await page.getByLabel('De inwoner is geholpen', { exact: true }).check();
    await page.fill('#note', 'Elke dinsdag koffie in het taalcafé.');
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    expect(await page.textContent('h1')).toBe('Dank u wel voor uw hulp');

    await resident.reload();
    expect(await resident.textContent('#solved-heading')).toBe('Is uw vraag opgelost?');
    expect(await resident.textContent('main')).toContain('Het initiatief meldt dat de hulp klaar is.');

    // The same link afterwards: nothing to see or do any more.
    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Deze doorverwijzing staat niet meer open');
    expect(await page.textContent('main')).not.toContain('06 55443322');
  });

  it('declines because it is full: the next initiative gets the referral, the first link is closed', async () => {
    const receipt = await services.desk.submit(
      intake({
        topicId: 'odd-jobs',
        postcode: '1566 AB',
        description: 'Mijn kraan lekt en ik kan niet bukken.',
        consent: { volunteers: false, initiatives: true },
      }),
    );
    const first = (await services.requests.head(receipt.requestId))!.offeredInitiatives![0]!;
    expect(first).toBe('ini-e2e-klus-a');
    const link = await referralLinkFromOutbox(base, receipt.requestId, first);
    const page = await newPage(browser);
    await page.goto(link);
    expect(await page.textContent('main')).toContain('Deze week kreeg u 1 van de 5 doorverwijzingen');
    await page.getByRole('button', { name: 'Nee, wij zitten vol' }).click();
    expect(await page.textContent('h1')).toBe('Dank u voor het laten weten');
    expect(await axeViolations(page)).toEqual([]);

    const next = await referralLinkFromOutbox(base, receipt.requestId, 'ini-e2e-klus-b');
    await page.goto(next);
    expect(await page.textContent('h1')).toContain('Handige Buren Assendelft');
    await page.goto(link);
    expect(await page.textContent('h1')).toBe('Deze doorverwijzing staat niet meer open');
  });

  it('a forged or broken link gets a clear page in Dutch and English, and changes nothing', async () => {
    const receipt = await services.desk.submit(
      intake({
        topicId: 'odd-jobs',
        postcode: '1567 AB',
        description: 'De deur van mijn schuur klemt.',
        consent: { volunteers: false, initiatives: true },
      }),
    );
    const before = (await services.requests.head(receipt.requestId))!;
    const link = new URL(await referralLinkFromOutbox(base, receipt.requestId));
    const token = link.searchParams.get('t')!;
    const forged = token.replace('ini-e2e-klus-', 'ini-e2e-klus-x');
    const page = await newPage(browser);
    const response = await page.goto(`${base}/doorverwijzing/?t=${encodeURIComponent(forged)}`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Deze link werkt niet');
    const english = await page.goto(`${base}/en/referral/?t=broken`);
    expect(english?.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('This link does not work');
    expect(await axeViolations(page)).toEqual([]);
    // A post with a forged token is refused the same way.
    const post = await page.request.post(`${base}/doorverwijzing/`, {
      form: { t: forged, action: 'accept' },
      headers: { origin: base },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect((await services.requests.head(receipt.requestId))!.version).toBe(before.version);
  });
});
