// Passwordless sign-in in a real browser: the code arrives in the development outbox (as a newcomer would
// read it), the session is an HttpOnly cookie, sign-out needs the session's CSRF token, and the pages of
// signed-in people send everyone else to sign in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { axeViolations, launchChromium, newPage, signIn as signInAs, signInStaff } from '../support/browser';
import { servicesFor } from '../support/store';

const base = inject('platformUrl');
const staffBase = inject('staffUrl');
const store = inject('platformStore');
/** Staff sign in on the host name (passkeys refuse an IP address): the code, then the passkey. */
const signInAsStaff = (page: Page, email: string, lang: 'nl' | 'en' = 'nl') => signInStaff(page, staffBase, store.endpoint, email, lang);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (page: Page, email: string, lang: 'nl' | 'en' = 'nl') => signInAs(page, base, email, lang);

describe('sign-in without a password', () => {
  it('signs a volunteer in with the code from the outbox, without JavaScript, and out again (nl)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await signIn(page, 'fatima@vrijwilliger.example');
    expect(new URL(page.url()).pathname).toBe('/vrijwilliger/');
    expect(await page.textContent('#volunteer-status')).toBe('U bent goedgekeurd als vrijwilliger.');
    const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-wk-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    expect(await page.textContent('h1')).toBe('Uitgelogd');
    const after = await page.goto(base + '/vrijwilliger/');
    expect(new URL(page.url()).pathname).toBe('/inloggen/');
    expect(after?.status()).toBe(200);
    await page.context().close();
  });

  it('shows a pending volunteer where they stand, and a coordinator their role (en), accessibly', async () => {
    const noor = await newPage(browser, { locale: 'en-GB' });
    await signIn(noor, 'noor@vrijwilliger.example', 'en');
    expect(new URL(noor.url()).pathname).toBe('/en/volunteer/');
    expect(await noor.textContent('#volunteer-status')).toContain('waiting for approval');
    expect(await axeViolations(noor)).toEqual([]);
    // A volunteer cannot open staff pages.
    await noor.goto(base + '/en/staff/');
    expect(new URL(noor.url()).pathname).toBe('/en/volunteer/');
    await noor.context().close();

    const jeroen = await newPage(browser, { locale: 'en-GB' });
    await signInAsStaff(jeroen, 'jeroen.visser@zaanstad.example', 'en');
    expect(new URL(jeroen.url()).pathname).toBe('/en/staff/');
    expect(await jeroen.textContent('#staff-role')).toContain('volunteer coordinator');
    expect(await axeViolations(jeroen)).toEqual([]);
    await jeroen.context().close();
  });

  it('says the same for an unknown address, and refuses a wrong code with a clear message', async () => {
    const page = await newPage(browser);
    await page.goto(base + '/inloggen/');
    await page.fill('#email', 'onbekend@example.nl');
    await page.getByRole('button', { name: 'Stuur mij een code' }).click();
    expect(await page.textContent('[role="status"]')).toContain('Als wij dit adres kennen');
    await page.fill('#code', 'AAAA-BBBB');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await page.textContent('#error-summary')).toContain('Deze code klopt niet');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('refuses a sign-out without the session’s CSRF token, and the session stays', async () => {
    const page = await newPage(browser);
    await signIn(page, 'kees@vrijwilliger.example');
    const forged = await page.request.post(base + '/uitloggen/', { form: { csrf: 'forged' }, headers: { Origin: base } });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Dit formulier is verlopen');
    await page.goto(base + '/vrijwilliger/');
    expect(new URL(page.url()).pathname).toBe('/vrijwilliger/');
    await page.context().close();
  });
});

describe('becoming a volunteer', () => {
  it('signs up without JavaScript, is approved by the coordinator, and then signs in approved', async () => {
    const email = `nieuw-${Date.now()}@example.nl`;
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(base + '/');
    await page.getByRole('link', { name: 'Ik wil helpen' }).click();
    // What happens after signing up, and what a VOG is (who pays, how long), before the form.
    expect(await page.textContent('#signup-after-heading')).toBe('Wat gebeurt er na uw aanmelding?');
    expect(await page.textContent('main')).toContain('De gemeente vraagt de VOG voor u aan en betaalt hem.');
    // Nothing filled in: every field says what is missing.
    await page.getByRole('button', { name: 'Meld mij aan' }).click();
    expect(await page.locator('#error-summary li').count()).toBeGreaterThanOrEqual(8);
    await page.fill('#name', 'Pieter Jansen');
    await page.fill('#email', email);
    await page.fill('#phone', '06 12345678');
    await page.fill('#postcode', '1502 AB');
    await page.check('input[name="districts"][value="zaandam-zuid"]');
    await page.check('#topics'); // the first topic: groceries and errands
    await page.check('#languages');
    await page.check('#availableDays');
    await page.check('#codeOfConduct');
    await page.getByRole('button', { name: 'Meld mij aan' }).click();
    expect(await page.textContent('h1')).toBe('Dank u wel voor uw aanmelding');
    await page.context().close();

    const coordinator = await newPage(browser);
    await signInAsStaff(coordinator, 'jeroen.visser@zaanstad.example');
    expect(await coordinator.textContent('#pending-heading')).toBe('Aanmeldingen die wachten');
    expect(await axeViolations(coordinator)).toEqual([]);
    await coordinator.getByRole('button', { name: 'Goedkeuren: Pieter Jansen' }).first().click();
    expect(await coordinator.textContent('[role="status"]')).toContain('Gelukt');
    await coordinator.context().close();

    const pieter = await newPage(browser);
    await signIn(pieter, email);
    expect(await pieter.textContent('#volunteer-status')).toBe('U bent goedgekeurd als vrijwilliger.');
    await pieter.context().close();
  });

  it('keeps the coordinator’s page for the coordinator: a professional goes to the team’s queue and approves nobody', async () => {
    const samir = await newPage(browser);
    await signInAsStaff(samir, 'samir.elamrani@zaanstad.example');
    expect(new URL(samir.url()).pathname).toBe('/wijkteam/');
    const forged = await samir.request.post(staffBase + '/medewerker/', {
      form: { csrf: await samir.locator('input[name="csrf"]').first().inputValue(), action: 'approve', volunteerId: 'vol-noor' },
      headers: { Origin: staffBase },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(303);
    expect(forged.headers().location).toBe('/wijkteam/');
    expect((await servicesFor(store).volunteers.get('vol-noor'))?.status).toBe('pending');
    await samir.context().close();
  });
});

describe('the coordinator’s destructive actions', () => {
  it('ask first, never act on a pre-selected person, tell the person by e-mail, and can be undone by approving again', async () => {
    const email = `afwijzen-${Date.now()}@example.nl`;
    const services = servicesFor(store);
    await services.volunteering.signUp({
      name: 'Lotte Smit',
      email,
      phone: '06 12345678',
      postcode: '1502 AB',
      districts: ['zaandam-zuid'],
      maxDistanceKm: 0,
      topics: ['groceries-errands'],
      languages: ['nl'],
      availableDays: [1, 2, 3],
      codeOfConduct: true,
    });
    const lotte = (await services.volunteers.byStatus('pending')).find((v) => v.email === email)!;
    // Staff sign in with a passkey, which needs JavaScript; the coordinator's forms themselves use none.
    const page = await newPage(browser);
    await signInAsStaff(page, 'jeroen.visser@zaanstad.example');
    // Reject asks first, naming the person; nothing changes until the confirmation.
    await page.getByRole('button', { name: 'Afwijzen: Lotte Smit' }).click();
    expect(await page.textContent('#confirm')).toContain('U wijst de aanmelding van Lotte Smit af');
    expect((await services.volunteers.get(lotte.volunteerId))?.status).toBe('pending');
    await page.getByRole('button', { name: 'Ja, wijs de aanmelding van Lotte Smit af' }).click();
    expect((await services.volunteers.get(lotte.volunteerId))?.status).toBe('rejected');
    const mails = await services.outbox.between('0', '~');
    expect(mails.some((m) => m.template === 'volunteer-rejected' && m.to.id === lotte.volunteerId)).toBe(true);
    // Still findable, and approved after all.
    await page.getByRole('button', { name: 'Toch goedkeuren: Lotte Smit' }).click();
    expect((await services.volunteers.get(lotte.volunteerId))?.status).toBe('approved');
    // A certificate after approval: without a date the field's error; one that expires soon is on top.
    await page.selectOption('#vog-volunteer', lotte.volunteerId);
    await page.locator('#certificates-heading ~ form button[value="vog"]').click();
    expect(await page.textContent('#error-summary')).toBe('Vul de datum in tot wanneer de VOG geldig is (vandaag of later).');
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.selectOption('#vog-volunteer', lotte.volunteerId);
    await page.fill('#vog-renewal', soon);
    await page.locator('#certificates-heading ~ form button[value="vog"]').click();
    expect(await page.locator('#certificates li').first().textContent()).toContain(`Lotte Smit: VOG verloopt op ${soon}`);
    // Withdrawing: no one is pre-selected; choosing nobody is an error, choosing Lotte asks first.
    expect(await page.inputValue('#withdraw-volunteer')).toBe('');
    await page.getByRole('button', { name: 'Trek de goedkeuring in' }).click();
    expect(await page.textContent('#error-summary')).toBe('Kies eerst een vrijwilliger.');
    await page.selectOption('#withdraw-volunteer', lotte.volunteerId);
    await page.getByRole('button', { name: 'Trek de goedkeuring in' }).click();
    await page.getByRole('button', { name: 'Ja, trek de goedkeuring van Lotte Smit in' }).click();
    expect((await services.volunteers.get(lotte.volunteerId))?.status).toBe('withdrawn');
    expect((await services.outbox.between('0', '~')).some((m) => m.template === 'volunteer-withdrawn' && m.to.id === lotte.volunteerId)).toBe(true);
    await page.context().close();
  });
});

describe('the coordinator registers an initiative', () => {
  it('adds one through the staff page; it shows in the public directory and the open data', async () => {
    const page = await newPage(browser);
    await signInAsStaff(page, 'jeroen.visser@zaanstad.example');
    expect(await page.textContent('#initiative-form-heading')).toBe('Nieuw initiatief');
    expect(await axeViolations(page)).toEqual([]);
    const id = `ini-e2e-${Date.now()}`;
    await page.fill('#id', id);
    // The initiative form has its own labels, not the volunteer sign-up's.
    expect(await page.textContent('label[for="name"]')).toBe('Naam van het initiatief');
    expect(await page.textContent('#sections-heading')).toBe('Op deze pagina');
    await page.fill('#name', 'Repair Café Zuid');
    await page.fill('#descriptionNl', 'Samen spullen repareren, elke eerste zaterdag in het buurthuis.');
    await page.fill('#descriptionEn', 'Repairing things together, every first Saturday in the community centre.');
    await page.fill('#email', 'repair@initiatief.example');
    await page.check('#initiative-form input[name="districts"][value="zaandam-zuid"]');
    await page.check('#initiative-form input[name="topics"][value="odd-jobs"]');
    await page.fill('#capacityPerWeek', '4');
    await page.getByRole('button', { name: 'Initiatief opslaan' }).click();
    expect(await page.textContent('[role="status"]')).toContain('Gelukt');
    await page.goto(staffBase + '/initiatieven/?district=zaandam-zuid&topic=odd-jobs');
    expect(await page.textContent('main')).toContain('Repair Café Zuid');
    const hsds = (await (await page.request.get(staffBase + '/api/v1/open-data/hsds/organizations')).json()) as { name: string }[];
    expect(hsds.map((o) => o.name)).toContain('Repair Café Zuid');
    await page.context().close();
  });
});
