// The district team's workspace in a real browser: a resident's crisis request first in the queue, a
// professional signing in with a passkey (a virtual authenticator, the ceremony for real), the warm handover,
// contact, a question and the resident's reply, closing with an outcome; a phone intake, a concern and a
// reassignment by the team lead (en); forged posts and a passkey of another account refused.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  answerAskSteps,
  axeViolations,
  fillIntake,
  launchChromium,
  newPage,
  signIn,
  signInStaff,
  storedCredentials,
  virtualAuthenticator,
} from '../support/browser';
import { intake } from '../support/fixtures';
import { servicesFor } from '../support/store';

const base = inject('platformUrl');
const staffBase = inject('staffUrl');
const store = inject('platformStore');
const services = servicesFor(store);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const signInAsStaff = (page: Page, email: string, lang: 'nl' | 'en' = 'nl') => signInStaff(page, staffBase, store.endpoint, email, lang);

async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement === document.querySelector(s), selector);
}

/** Presses Tab until the element has focus: the workspace works from the keyboard. */
async function tabTo(page: Page, selector: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(page, selector)) return;
  }
  throw new Error(`${selector} cannot be reached by Tab`);
}

describe("the district team's workspace", () => {
  it('puts a crisis first; a professional takes it, makes contact, asks, reads the reply and closes it (nl)', async () => {
    // The resident asks through the form, without JavaScript, in words about suicide.
    const resident = await newPage(browser, { javaScriptEnabled: false });
    await services.desk.submit(intake({ topicId: 'money-debts', description: 'Schulden, geen haast.', urgency: 'no-rush' }));
    await resident.goto(base + '/vraag/');
    await answerAskSteps(resident, 'nl', {
      topicId: 'company-loneliness',
      description: 'Ik zie het niet meer zitten en wil er een eind aan maken.',
      contact: { email: 'crisis@example.nl' },
      firstName: 'Sanne',
    });
    // The check page says what the team sees, never what a volunteer would see; 113 comes first.
    expect(await resident.textContent('#who-sees')).toBe('Wie ziet uw vraag?');
    expect(await resident.textContent('#crisis-first')).toContain('0800-0113');
    await resident.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await resident.waitForURL('**/vraag/verstuurd/?t=*');
    expect(await resident.textContent('#crisis-first')).toContain('113 Zelfmoordpreventie');
    expect(await resident.textContent('main')).not.toContain('meteen op');
    const reference = (await resident.textContent('.wk-reference'))!.trim();
    await resident.click('#private-link');
    await resident.waitForURL('**/mijn-vraag/?t=*');
    const statusUrl = resident.url();
    expect(await resident.textContent('#crisis-first')).toContain('113 Zelfmoordpreventie');
    expect(await resident.textContent('main')).not.toContain('meteen op');

    // Anouk signs in: the e-mail code, then her passkey (created now, with the virtual authenticator).
    const anouk = await newPage(browser);
    await signInAsStaff(anouk, 'anouk.devries@zaanstad.example');
    expect(new URL(anouk.url()).pathname).toBe('/wijkteam/');
    // Crisis first (other tests' crises may be there too, ordered by deadline), before the debts question.
    const rows = await anouk.locator('#queue > li').allTextContents();
    const mine = rows.findIndex((row) => row.includes(reference));
    expect(mine).toBeGreaterThanOrEqual(0);
    expect(rows[mine]).toContain('Crisiswoorden of gevaar nu');
    expect(rows.slice(0, mine + 1).every((row) => row.includes('Crisiswoorden of gevaar nu'))).toBe(true);
    expect(rows.findIndex((row) => row.includes('Onderwerp met risico'))).toBeGreaterThan(mine);
    expect(await axeViolations(anouk)).toEqual([]);
    // A filtered view is a link: "not taken" and the reason as query parameters.
    await anouk.goto(staffBase + '/wijkteam/?reden=crisis&nietopgepakt=1');
    expect(await anouk.locator('#queue > li').count()).toBeGreaterThanOrEqual(1);
    expect(await anouk.locator('#queue').textContent()).not.toContain('Onderwerp met risico');

    await anouk.getByRole('link', { name: reference }).click();
    expect(await anouk.textContent('#case-words')).toBe('Ik zie het niet meer zitten en wil er een eind aan maken.');
    expect(await anouk.textContent('#case-contact')).toContain('crisis@example.nl');
    expect(await anouk.textContent('#case-ladder')).toContain('Naar het wijkteam');
    expect(await axeViolations(anouk)).toEqual([]);
    await tabTo(anouk, 'button[value="take"]');
    await anouk.keyboard.press('Enter');
    await anouk.waitForURL('**gedaan=1**');
    expect(await anouk.textContent('#case-coordinator')).toContain('Anouk de Vries');

    await anouk.fill('#how', 'Gebeld, samen een veiligheidsplan gemaakt.');
    await anouk.getByRole('button', { name: 'Contact vastleggen' }).click();
    // A standard text of the municipality (B1, in the resident's language) starts the question.
    await anouk.getByRole('link', { name: 'Vraag wanneer wij kunnen bellen' }).click();
    expect(await anouk.inputValue('#ask-text')).toBe('Wanneer kunnen wij u het beste bellen? Noem een dag en een tijd die u goed uitkomt.');
    await anouk.fill('#ask-text', 'Wanneer kunnen wij u morgen het beste bellen?');
    await anouk.getByRole('button', { name: 'Vraag versturen' }).click();
    expect(await anouk.textContent('[role="status"]')).toContain('Gelukt');

    // The resident answers on the status page; the reply appears in the workspace.
    await resident.goto(statusUrl);
    expect(await resident.textContent('main')).toContain('Wanneer kunnen wij u morgen het beste bellen?');
    expect(await resident.textContent('main')).toContain('Wijkteam (Anouk): bekeek uw gegevens');
    await resident.fill('#reply', 'Ja, na tienen graag.');
    await resident
      .getByRole('button', { name: /Verstuur/ })
      .first()
      .click();
    await anouk.reload();
    expect(await anouk.textContent('#case-conversation')).toContain('Ja, na tienen graag.');

    await anouk.check('#outcome');
    await anouk.getByRole('button', { name: 'Afsluiten' }).click();
    expect(await anouk.textContent('[role="status"]')).toContain('Gelukt');
    await resident.goto(statusUrl);
    expect(await resident.textContent('#solved-heading')).toBe('Is uw vraag opgelost?');
    await resident.context().close();
    await anouk.context().close();
  });

  it('takes a request by phone, reads a concern, and lets the team lead reassign a case (en)', async () => {
    // A volunteer's concern about someone they helped (set up through the desks, as the volunteer's pages do).
    const helped = await services.desk.submit(intake({ description: 'Boodschappen voor de concerntest.' }));
    for (let i = 0; i < 100 && (await services.requests.head(helped.requestId))?.due?.kind === 'match'; i++)
      await new Promise((r) => setTimeout(r, 50));
    const fatima = (await services.volunteers.get('vol-fatima'))!;
    await services.claims.claim(fatima, helped.requestId);
    await services.claims.raiseConcern(fatima, helped.requestId, 'The post has piled up for weeks.');
    await services.claims.release(fatima, helped.requestId, 'concern test done').catch(() => undefined);
    const waiting = await services.desk.submit(intake({ topicId: 'parenting', description: 'Worried about our son.' }));

    const marieke = await newPage(browser, { locale: 'en-GB' });
    await signInAsStaff(marieke, 'marieke.bakker@zaanstad.example', 'en');
    expect(new URL(marieke.url()).pathname).toBe('/en/district-team/');
    expect(await marieke.textContent('#caseload')).toContain('Caseload (team lead)');
    expect(await axeViolations(marieke)).toEqual([]);

    // The phone intake: the same questions, with the resident's consent to record recorded.
    await marieke.getByRole('link', { name: 'Take a request (phone or desk)' }).click();
    await marieke.getByRole('button', { name: 'Record request' }).click();
    expect(await marieke.textContent('#error-summary')).toContain('Ask the resident for consent');
    await fillIntake(marieke, {
      topicId: 'paperwork-forms',
      description: 'Called: needs help with a letter from the tax office.',
      urgency: 'this-week',
      language: 'en',
      contact: { phone: '06 98765432' },
      sharing: true,
      helperSummary: 'Help with a letter from the tax office.',
    });
    await marieke.check('#consentRecorded');
    await marieke.getByRole('button', { name: 'Record request' }).click();
    const done = (await marieke.textContent('#intake-done'))!;
    expect(done).toMatch(/Give the resident this reference: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]/);
    // Volunteers see the summary the professional wrote with the resident, not the notes of the call.
    const phoned = await services.desk.requestIdFor(await services.desk.lookup(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]/.exec(done)![0], '06 98765432'));
    expect((await services.requests.feedCard(phoned))?.summary).toBe('Help with a letter from the tax office.');
    expect(await axeViolations(marieke)).toEqual([]);

    // The concern stands in the queue with its request; read (the volunteer is told), then closed with an outcome.
    await marieke.goto(staffBase + '/en/district-team/?reden=concern');
    await marieke.locator(`#queue > li[data-request="${helped.requestId}"] a`).click();
    expect(await marieke.textContent('#concerns-heading')).toBe('Concerns');
    await marieke.getByRole('button', { name: 'Concern read' }).click();
    expect(await marieke.textContent('main')).toContain('Read on');
    await marieke.getByRole('button', { name: 'Close concern' }).click();
    expect(await marieke.textContent('#error-summary')).toBe('Choose an outcome.');
    await marieke.getByLabel('in touch with the resident').check();
    await marieke.getByRole('button', { name: 'Close concern' }).click();
    expect(await marieke.textContent('main')).toContain(': in touch with the resident.');
    await marieke.goto(staffBase + '/en/district-team/?reden=concern');
    expect(await marieke.locator(`[data-request="${helped.requestId}"]`).count()).toBe(0);
    const mails = await services.outbox.between('0', '~');
    expect(mails.some((m) => m.template === 'concern-acknowledged' && m.requestId === helped.requestId)).toBe(true);

    // Reassigning: Marieke takes a case and hands it to Anouk with a reason.
    await marieke.goto(`${staffBase}/en/district-team/request/?id=${waiting.requestId}`);
    await marieke.getByRole('button', { name: 'Take it: I become the coordinator' }).click();
    await marieke.selectOption('#hand-over-to', 'pro-anouk');
    await marieke.fill('#hand-over-reason', 'Anouk knows the family.');
    await marieke.getByRole('button', { name: 'Hand over' }).click();
    expect(await marieke.textContent('#case-coordinator')).toContain('Anouk de Vries');
    expect(await marieke.textContent('#case-ladder')).toContain('Anouk knows the family.');
    await marieke.context().close();
  });

  it('refuses forged posts, a close without an outcome, a replayed take, a code-only session, and a passkey of another account', async () => {
    const { requestId } = await services.desk.submit(intake({ topicId: 'money-debts', description: 'Voor de weigertest.' }));
    const anouk = await newPage(browser);
    await signInAsStaff(anouk, 'anouk.devries@zaanstad.example');
    await anouk.goto(`${staffBase}/wijkteam/vraag/?id=${requestId}`);
    const forged = await anouk.request.post(`${staffBase}/wijkteam/vraag/?id=${requestId}`, {
      form: { csrf: 'forged', action: 'take' },
      headers: { Origin: staffBase },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('Dit formulier is verlopen');
    expect((await services.requests.head(requestId))!.state).toBe('escalated');
    await anouk.getByRole('button', { name: 'Oppakken: ik word regisseur' }).click();
    await anouk.getByRole('button', { name: 'Afsluiten' }).click();
    expect(await anouk.textContent('#error-summary')).toBe('Kies een uitkomst.');
    expect((await services.requests.head(requestId))!.state).toBe('accepted-by-team');
    // Replaying the take is a clear message, not an error page.
    const replay = await anouk.request.post(`${staffBase}/wijkteam/vraag/?id=${requestId}`, {
      form: { csrf: await anouk.locator('input[name="csrf"]').first().inputValue(), action: 'take' },
      headers: { Origin: staffBase },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(409);
    await anouk.context().close();

    // Anouk after the code only: no staff page opens before the passkey step.
    const attempt = await newPage(browser);
    const authenticator = await virtualAuthenticator(attempt);
    await signIn(attempt, staffBase, 'anouk.devries@zaanstad.example');
    expect(new URL(attempt.url()).pathname).toBe('/inloggen/sleutel/');
    await attempt.goto(staffBase + '/wijkteam/');
    expect(new URL(attempt.url()).pathname).toBe('/inloggen/sleutel/');
    // With Marieke's passkey instead of her own (its id put in the request): refused, nothing opens.
    const marieke = storedCredentials(staffBase, store.endpoint)['marieke.bakker@zaanstad.example']![0]!;
    await authenticator.add(marieke);
    await attempt.evaluate((id) => {
      const form = document.getElementById('passkey-form')!;
      const options = JSON.parse(form.dataset.options!) as { allowCredentials: { id: string; type: string }[] };
      options.allowCredentials = [{ id, type: 'public-key' }];
      form.dataset.options = JSON.stringify(options);
    }, Buffer.from(marieke.credentialId, 'base64').toString('base64url'));
    await attempt.locator('#passkey-start').click();
    await attempt.waitForLoadState();
    expect(await attempt.textContent('#error-summary')).toBe('Deze inlogsleutel hoort niet bij uw account.');
    await attempt.goto(staffBase + '/wijkteam/');
    expect(new URL(attempt.url()).pathname).toBe('/inloggen/sleutel/');
    await attempt.context().close();
  });
});
