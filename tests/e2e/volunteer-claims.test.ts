// A volunteer's work in real browsers: the feed shows a fitting request without name or contact; two
// volunteers race to claim it and exactly one wins; the winner sees the contact details (and the resident
// sees that on their status page); "done" asks the resident whether it was solved; "needs a professional"
// sends it to the district team.
import type { Browser, Page } from 'playwright-core';
import { servicesFor } from '../support/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Services } from '../../functions/apps/wiring/services';
import { accountItem } from '../../functions/identity/store/account-store';
import { axeViolations, launchChromium, newPage, signIn as signInAs } from '../support/browser';
import { volunteer } from '../support/engine';
import { intake } from '../support/fixtures';

const base = inject('platformUrl');
const store = inject('platformStore');
let browser: Browser;
let services: Services;

beforeAll(async () => {
  browser = await launchChromium();
  services = servicesFor(store);
  // A second groceries volunteer in Zaandam-Zuid, with an account, to race Fatima.
  await services.volunteers.put([volunteer({ volunteerId: 'vol-e2e-racer', name: 'Rik Racer', email: 'rik@vrijwilliger.example' })]);
  await services.repo.putMany([accountItem('rik@vrijwilliger.example', { kind: 'volunteer', id: 'vol-e2e-racer' })]);
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (page: Page, email: string) => signInAs(page, base, email);

async function asked(description: string) {
  const receipt = await services.desk.submit(intake({ description, contact: { method: 'phone', phone: '06 11223344' } }));
  for (let i = 0; i < 100 && (await services.requests.head(receipt.requestId))?.due?.kind === 'match'; i++)
    await new Promise((r) => setTimeout(r, 50));
  return receipt;
}

describe('a volunteer picks up a neighbour request', () => {
  it('two volunteers race for one request: exactly one wins and sees the contact; the resident sees who looked', async () => {
    const receipt = await asked('Wie kan er morgen melk en brood halen? Mijn nummer is 06 11223344.');
    const fatima = await newPage(browser);
    const rik = await newPage(browser);
    await signIn(fatima, 'fatima@vrijwilliger.example');
    await signIn(rik, 'rik@vrijwilliger.example');
    for (const page of [fatima, rik]) {
      const card = page.locator(`li[data-request="${receipt.requestId}"]`);
      expect(await card.textContent()).toContain('[telefoonnummer]');
      expect(await card.textContent()).not.toContain('06 11223344');
      expect(await card.textContent()).toContain('Past bij u: in uw wijk');
      // Distances in Dutch, with a decimal comma (never "1.2 km").
      expect(await card.textContent()).toMatch(/ongeveer \d+(,\d)? km van uw huis/);
    }
    expect(await axeViolations(fatima)).toEqual([]);

    await Promise.all([fatima, rik].map((page) => page.locator(`li[data-request="${receipt.requestId}"] button`).click()));
    const won = [fatima, rik].filter((page) => new URL(page.url()).pathname === '/vrijwilliger/vraag/');
    const lost = [fatima, rik].filter((page) => new URL(page.url()).pathname === '/vrijwilliger/');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(await lost[0]!.textContent('#error-summary')).toContain('Iemand anders heeft deze vraag net opgepakt');
    expect(await won[0]!.textContent('#resident-contact')).toContain('06 11223344');
    // The helper sees the language to speak and for whom the help is.
    expect(await won[0]!.textContent('#resident-contact')).toContain('Nederlands');
    expect(await won[0]!.textContent('#resident-contact')).toContain('Voor zichzelf');
    expect(await axeViolations(won[0]!)).toEqual([]);

    // A note is confirmed and listed with its time.
    await won[0]!.fill('#text-note', 'Morgen om tien uur langs.');
    await won[0]!.getByRole('button', { name: 'Notitie opslaan' }).click();
    expect(await won[0]!.textContent('[role="status"]')).toContain('Uw notitie is opgeslagen');
    expect(await won[0]!.textContent('#notes')).toContain('Morgen om tien uur langs.');
    // The resident's reply reaches the helper.
    await services.desk.reply(receipt.statusToken, 'Na tienen ben ik thuis.');
    await won[0]!.reload();
    expect(await won[0]!.textContent('#resident-words')).toContain('Na tienen ben ik thuis.');

    // The loser cannot open the winner's request.
    await lost[0]!.goto(`${base}/vrijwilliger/vraag/?id=${receipt.requestId}`);
    expect(new URL(lost[0]!.url()).pathname).toBe('/vrijwilliger/');

    // The resident sees who looked at their contact details.
    const resident = await newPage(browser);
    await resident.goto(`${base}/mijn-vraag/?t=${receipt.statusToken}`);
    expect(await resident.textContent('main')).toMatch(/Vrijwilliger (Fatima|Rik): bekeek uw contactgegevens om u te helpen/);

    // Done: the resident is asked whether it was solved.
    await won[0]!.fill('#text-done', 'Boodschappen gebracht.');
    await won[0]!.getByRole('button', { name: 'Klaar: de inwoner is geholpen' }).click();
    expect(new URL(won[0]!.url()).pathname).toBe('/vrijwilliger/');
    await resident.goto(`${base}/mijn-vraag/?t=${receipt.statusToken}`);
    expect(await resident.textContent('#solved-heading')).toBe('Is uw vraag opgelost?');

    // After "done" the request stays on the helper's page for a while: a worry can still reach the team, once.
    const helped = won[0]!.locator(`li[data-helped="${receipt.requestId}"]`);
    await helped.locator('summary').click();
    await helped.getByLabel('Maakt u zich zorgen over deze persoon?').fill('Mevrouw vertelde dat ze al dagen niemand sprak.');
    await helped.getByRole('button', { name: 'Geef een zorgsignaal aan het wijkteam' }).click();
    expect(await won[0]!.textContent('[role="status"]')).toContain('Het wijkteam heeft uw zorgsignaal ontvangen');
    expect(await axeViolations(won[0]!)).toEqual([]);
    const again = won[0]!.locator(`li[data-helped="${receipt.requestId}"]`);
    await again.locator('summary').click();
    await again.getByLabel('Maakt u zich zorgen over deze persoon?').fill('Nog een keer.');
    await again.getByRole('button', { name: 'Geef een zorgsignaal aan het wijkteam' }).click();
    expect(await won[0]!.textContent('#error-summary')).toContain('U heeft over deze vraag al een zorgsignaal gegeven');
    const concerns = (await services.repo.queryIndex<{ requestId: string }>('gsi1', 'CONCERNS#zaandam-zuid')).filter(
      (c) => c.requestId === receipt.requestId,
    );
    expect(concerns).toHaveLength(1);
    for (const page of [fatima, rik, resident]) await page.context().close();
  });

  it('"this needs a professional" with a reason sends the request to the district team', async () => {
    const receipt = await asked('Ik heb hulp nodig bij de boodschappen, maar ik red het eigenlijk niet meer alleen.');
    const fatima = await newPage(browser, { javaScriptEnabled: false });
    await signIn(fatima, 'fatima@vrijwilliger.example');
    await fatima.locator(`li[data-request="${receipt.requestId}"] button`).click();
    const claimedPage = fatima.url();
    // A concern (zorgsignaal): a confirmation for the volunteer, the signal for the team.
    await fatima.fill('#text-concern', 'Meneer at nauwelijks en leek verward.');
    await fatima.getByRole('button', { name: 'Geef een zorgsignaal aan het wijkteam' }).click();
    expect(await fatima.textContent('[role="status"]')).toContain('Het wijkteam heeft uw zorgsignaal ontvangen');
    const queue = await services.repo.queryIndex('gsi1', 'CONCERNS#zaandam-zuid');
    expect(queue).toContainEqual(expect.objectContaining({ requestId: receipt.requestId, volunteerId: 'vol-fatima' }));
    await fatima.goto(claimedPage);
    await fatima.getByRole('button', { name: 'Dit heeft een professional nodig' }).click();
    expect(await fatima.textContent('#error-summary')).toContain('Schrijf kort waarom');
    await fatima.fill('#text-professional', 'Meneer lijkt erg in de war; graag iemand van het wijkteam.');
    await fatima.getByRole('button', { name: 'Dit heeft een professional nodig' }).click();
    expect(new URL(fatima.url()).pathname).toBe('/vrijwilliger/');
    expect(await services.requests.head(receipt.requestId)).toMatchObject({ state: 'escalated', level: 'district-team' });
    await fatima.context().close();
  });
});
