// The resident's desk against DynamoDB Local: intake with personal data kept apart, the private link,
// lookup by reference code, reply, reopen, withdraw, feedback, erasure and retention.
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../functions/kernel/reference';
import { statusView } from '../../functions/stepped-care/app/status-view';
import { keys } from '../../functions/platform/dynamodb/keys';
import { deskOnFreshTable, intake, volunteer } from '../support/engine';
import { codeOf } from '../support/fixtures';

describe('asking for help', () => {
  it('stores the anonymous request apart from the personal data, and only hashes of the secrets', async () => {
    const { desk, repo, requests } = await deskOnFreshTable();
    const receipt = await desk.submit(intake(), { idempotencyKey: 'k'.repeat(43) });
    expect(receipt.referenceCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
    const head = await requests.head(receipt.requestId);
    expect(JSON.stringify(head)).not.toMatch(/Anna|anna@|heup|06-1234/);
    const events = await requests.events(receipt.requestId);
    expect(JSON.stringify(events)).not.toMatch(/Anna|anna@|heup|06-1234/);
    const personal = await repo.get(keys.personal(receipt.requestId));
    expect(personal).toMatchObject({ firstName: 'Anna', summary: 'Ik kan door mijn heup niet naar de supermarkt. Bel me op [telefoonnummer].' });
    expect(personal!.expiresAt).toBeTypeOf('number');
    // The token is stored only as its hash.
    expect(await repo.get(keys.statusToken(hashToken(receipt.statusToken)))).toMatchObject({ requestId: receipt.requestId });
    const partition = await repo.queryPartition(`REQUEST#${receipt.requestId}`);
    expect(JSON.stringify(partition)).not.toContain(receipt.statusToken);
    // The e-mail receipt is in the outbox, as ids only.
    const outbox = await repo.queryPartition(keys.outboxPartition);
    expect(outbox).toContainEqual(expect.objectContaining({ template: 'receipt', to: { kind: 'resident', id: receipt.requestId } }));
  });

  it('shows helpers the resident’s own summary, redacted all the same, and finds a sent form by its key', async () => {
    const { desk, repo, requests } = await deskOnFreshTable();
    const key = 'own-summary-'.padEnd(43, 's');
    expect(await desk.statusTokenForSent(key)).toBeUndefined();
    const receipt = await desk.submit({ ...intake(), helperSummary: 'Boodschappen halen, bel 06-12345678.' }, { idempotencyKey: key });
    expect((await requests.feedCard(receipt.requestId))?.summary).toBe('Boodschappen halen, bel [telefoonnummer].');
    expect(await repo.get(keys.personal(receipt.requestId))).toMatchObject({ summary: 'Boodschappen halen, bel [telefoonnummer].' });
    expect(await desk.statusTokenForSent(key)).toBe(receipt.statusToken);
  });

  it('answers a retry of the same form with the same reference and private link', async () => {
    const { desk, repo } = await deskOnFreshTable();
    const key = 'retry-key-'.padEnd(43, 'x');
    const [a, b] = await Promise.all([desk.submit(intake(), { idempotencyKey: key }), desk.submit(intake(), { idempotencyKey: key })]);
    const c = await desk.submit(intake(), { idempotencyKey: key });
    expect(new Set([a.requestId, b.requestId, c.requestId]).size).toBe(1);
    expect(c).toMatchObject({ referenceCode: a.referenceCode, statusToken: a.statusToken, created: false });
    const personalItems = (await repo.queryPartition(`REQUEST#${a.requestId}`)).filter((i) => i.sk === 'PERSONAL');
    expect(personalItems).toHaveLength(1);
  });

  it('sends a request with danger straight to the team and shows the emergency numbers', async () => {
    const { desk } = await deskOnFreshTable();
    const receipt = await desk.submit(intake({ dangerNow: true }));
    expect(receipt.showEmergencyNumbers).toBe(true);
    expect(receipt.head).toMatchObject({ state: 'escalated', priority: 'crisis' });
    const view = statusView(await desk.open(receipt.statusToken), 'en');
    expect(view.showEmergencyNumbers).toBe(true);
    expect(view.nextStep).toContain('112');
  });

  it('refuses a postcode outside the municipality and stores nothing', async () => {
    const { desk, repo } = await deskOnFreshTable();
    expect(await codeOf(desk.submit(intake({ postcode: '1011 AB' })))).toBe('postcode-outside');
    expect(await codeOf(desk.submit(intake({ topicId: 'no-such-topic' })))).toBe('unknown-topic');
    expect(await repo.queryIndex('gsi1', keys.retentionPartition)).toEqual([]);
  });
});

describe('the status page', () => {
  it('opens by private link, tells the history in plain words, and refuses forged tokens', async () => {
    const { desk } = await deskOnFreshTable();
    const receipt = await desk.submit(intake());
    const view = statusView(await desk.open(receipt.statusToken), 'nl');
    expect(view).toMatchObject({ referenceCode: receipt.referenceCode, state: 'offered', contactMethod: 'email', audit: [] });
    expect(view.history.map((h) => h.text)).toEqual([
      'Wij ontvingen uw vraag.',
      'Wij vroegen vrijwilligers en initiatieven in uw buurt of zij kunnen helpen.',
    ]);
    expect(view.routeReasons.length).toBeGreaterThan(0);
    expect(await codeOf(desk.open('x'.repeat(43)))).toBe('status-link-invalid');
    expect(await codeOf(desk.open('<script>'))).toBe('status-link-invalid');
  });

  it('opens by reference code plus the contact given, and says nothing about which part was wrong', async () => {
    const { desk, clock } = await deskOnFreshTable();
    const receipt = await desk.submit(intake({ contact: { method: 'phone', phone: '+31 6 1234 5678' } }));
    const token = await desk.lookup(receipt.referenceCode.toLowerCase().replace(/-/g, ' '), '06-12345678');
    expect((await desk.open(token)).head.requestId).toBe(receipt.requestId);
    expect(await codeOf(desk.lookup(receipt.referenceCode, '0612345670'))).toBe('lookup-failed');
    expect(await codeOf(desk.lookup('AAAA-AAAA-A', '06-12345678'))).toBe('lookup-failed');
    // A session from the lookup expires after two hours; the private link does not.
    clock.advanceHours(3);
    expect(await codeOf(desk.open(token))).toBe('status-link-invalid');
    expect(await codeOf(desk.open(receipt.statusToken))).toBe('resolved');
  });

  it('takes a reply, shows who looked at the data, and refuses a reply to a closed request', async () => {
    const { desk, residents, engine } = await deskOnFreshTable();
    const receipt = await desk.submit(intake());
    await engine.withdraw(receipt.requestId, 'test');
    expect(await codeOf(desk.reply(receipt.statusToken, 'nog iets'))).toBe('request-closed');
    const other = await desk.submit(intake());
    await desk.reply(other.statusToken, 'Ik ben er alleen in de ochtend.');
    await residents.recordAccess(
      other.requestId,
      {
        at: '2026-11-24T10:00:00.000Z',
        actor: { kind: 'volunteer', id: 'vol-fatima', label: 'Fatima' },
        action: 'looked-up-contact',
        reason: 'contactgegevens bekeken',
      },
      'a1',
    );
    const opened = await desk.open(other.statusToken);
    expect(opened.messages).toEqual([expect.objectContaining({ kind: 'reply', text: 'Ik ben er alleen in de ochtend.' })]);
    const view = statusView(opened, 'nl');
    expect(view.audit).toEqual([expect.objectContaining({ text: 'Vrijwilliger Fatima: contactgegevens bekeken' })]);
    expect(view.history.at(-1)!.text).toBe('U stuurde meer informatie.');
  });

  it('shows an open question until the resident replies, and tells them by e-mail', async () => {
    const { desk, repo, clock } = await deskOnFreshTable();
    const receipt = await desk.submit(intake());
    await desk.askResident(receipt.requestId, { kind: 'professional', id: 'pro-1' }, 'Welke dagen bent u thuis?');
    let view = statusView(await desk.open(receipt.statusToken), 'nl');
    expect(view).toMatchObject({ needsInformation: true, question: 'Welke dagen bent u thuis?' });
    const outbox = await repo.queryPartition(keys.outboxPartition);
    expect(outbox).toContainEqual(expect.objectContaining({ template: 'information-requested', to: { kind: 'resident', id: receipt.requestId } }));
    clock.advanceHours(1);
    await desk.reply(receipt.statusToken, 'Maandag en dinsdag.');
    view = statusView(await desk.open(receipt.statusToken), 'nl');
    expect(view).toMatchObject({ needsInformation: false, question: null });
    expect(view.messages.map((m) => [m.from, m.text])).toEqual([
      ['us', 'Welke dagen bent u thuis?'],
      ['you', 'Maandag en dinsdag.'],
    ]);
    // A volunteer may only ask about a request they hold.
    expect(await codeOf(desk.askResident(receipt.requestId, { kind: 'volunteer', id: 'vol-other' }, '?'))).toBe('volunteer-not-eligible');
  });

  it('reopens when not solved, closes when solved, then takes feedback once', async () => {
    const { desk, engine, volunteers } = await deskOnFreshTable();
    await volunteers.put([volunteer({ volunteerId: 'vol-test' })]);
    const receipt = await desk.submit(intake());
    await engine.claim(receipt.requestId, 'vol-test');
    await engine.markDone(receipt.requestId, 'vol-test', 'boodschappen gedaan');
    expect(statusView(await desk.open(receipt.statusToken), 'nl').can.confirm).toBe(true);
    expect((await desk.reopen(receipt.statusToken, 'de melk ontbrak')).state).toMatch(/offered|matching|escalated/);
    expect(await codeOf(desk.feedback(receipt.statusToken, 4, undefined))).toBe('illegal-transition');
    await engine.claim(receipt.requestId, 'vol-test');
    await engine.markDone(receipt.requestId, 'vol-test', 'nu wel');
    expect((await desk.confirmSolved(receipt.statusToken)).state).toBe('closed');
    expect((await desk.feedback(receipt.statusToken, 4, 'Fijn geholpen')).feedbackScore).toBe(4);
    expect(await codeOf(desk.feedback(receipt.statusToken, 5, undefined))).toBe('illegal-transition');
  });
});

describe('erasure and retention', () => {
  it('deletes every personal item and lookup on request, keeps the anonymous facts, and the link stops working', async () => {
    const { desk, repo, requests } = await deskOnFreshTable();
    const receipt = await desk.submit(intake());
    await desk.reply(receipt.statusToken, 'extra');
    const session = await desk.lookup(receipt.referenceCode, 'anna@example.nl');
    await desk.erase(receipt.statusToken);
    const partition = await repo.queryPartition(`REQUEST#${receipt.requestId}`);
    expect(partition.map((i) => String(i.sk).split('#')[0])).toEqual(expect.arrayContaining(['EVENT', 'HEAD']));
    expect(partition.filter((i) => /^(PERSONAL|MESSAGE|TOKEN)/.test(String(i.sk)))).toEqual([]);
    expect(await repo.get(keys.reference(receipt.referenceCode))).toBeUndefined();
    expect(await codeOf(desk.open(receipt.statusToken))).toBe('status-link-invalid');
    expect(await codeOf(desk.open(session))).toBe('status-link-invalid');
    const head = await requests.head(receipt.requestId);
    expect(head).toMatchObject({ state: 'withdrawn', personalDataErased: true, topicId: 'groceries-errands', districtId: 'zaandam-zuid' });
  });

  it('removes personal data past its retention moment in a sweep, before TTL gets to it', async () => {
    const { desk, repo, requests, clock } = await deskOnFreshTable();
    const old = await desk.submit(intake());
    clock.advanceHours(24 * 200);
    const recent = await desk.submit(intake());
    clock.advanceHours(24 * 170);
    expect(await desk.sweepRetention()).toBe(1);
    expect(await repo.get(keys.personal(old.requestId))).toBeUndefined();
    expect(await repo.get(keys.personal(recent.requestId))).toBeDefined();
    expect((await requests.head(old.requestId))!.personalDataErased).toBe(true);
    expect(await desk.sweepRetention()).toBe(0);
  });
});
