// An initiative answers its referral through the signed link in its e-mail, against DynamoDB Local: it
// sees the request without personal data, accepts (then sees the contact, each view audited for the
// resident) and closes with an outcome, or declines because it is full (its week is full, the request goes
// to the next helper). Forged, expired and stale links change nothing.
import { describe, expect, it } from 'vitest';
import { referralStage } from '../../functions/stepped-care/domain/referral';
import { isoWeek } from '../../functions/stepped-care/domain/referral';
import type { Notification } from '../../functions/platform/outbox/notifications';
import { composeEmail } from '../../functions/apps/notifier/compose';
import { addressBookOn } from '../../functions/platform/dynamodb/address-book';
import { statusView } from '../../functions/stepped-care/app/status-view';
import { keys } from '../../functions/platform/dynamodb/keys';
import { deskOnFreshTable } from '../support/engine';
import { codeOf, intake } from '../support/fixtures';

type Services = Awaited<ReturnType<typeof deskOnFreshTable>>;

/** A request about forms in Zaandam-Zuid: two initiatives cover it there. Volunteers may not see it. */
async function referred(s: Services, overrides: Parameters<typeof intake>[0] = {}) {
  const receipt = await s.desk.submit(
    intake({
      topicId: 'paperwork-forms',
      description: 'Ik begrijp de brief van de belasting niet. Mail me op anna@example.nl.',
      consent: { volunteers: false, initiatives: true },
      ...overrides,
    }),
  );
  const head = (await s.requests.head(receipt.requestId))!;
  return { receipt, head, initiativeId: head.offeredInitiatives![0]! };
}

/** The token of the link in the e-mail the initiative got, composed as the notifier composes it. */
async function mailedToken(s: Services, requestId: string, initiativeId: string, template = 'referral-offered'): Promise<string> {
  const mails = await s.repo.queryPartition<Notification & Record<string, unknown>>(keys.outboxPartition);
  const mail = mails.findLast((n) => n.requestId === requestId && n.to.kind === 'initiative' && n.to.id === initiativeId && n.template === template);
  expect(mail, `${template} to ${initiativeId}`).toBeDefined();
  const email = await composeEmail(addressBookOn(s.repo), s.municipality, mail!, { siteUrl: 'https://wijkloket.example', links: s.links });
  const link = /https:\/\/wijkloket\.example\/doorverwijzing\/\?t=(\S+)/.exec(email!.body);
  expect(link, email!.body).not.toBeNull();
  return link![1]!;
}

describe('an initiative answers a referral through its signed link', () => {
  it('is mailed a link that shows the request without personal data; accepting shows the contact, audited for the resident', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    const token = await mailedToken(s, receipt.requestId, initiativeId);

    const offered = await s.referrals.open(token);
    expect(offered.stage).toBe('offered');
    expect(offered.summary).toContain('[e-mailadres]');
    expect(offered.summary).not.toContain('anna@example.nl');
    expect(offered.contact).toBeUndefined();
    expect(offered.initiative.usedThisWeek).toBe(1);
    expect(await s.residents.audit(receipt.requestId)).toEqual([]);

    const accepted = await s.referrals.accept(token);
    expect(accepted).toMatchObject({ state: 'claimed', heldByInitiative: initiativeId, due: { kind: 'progress' } });
    expect(accepted.firstHumanResponseAt).toBeDefined();
    const told = (await s.repo.queryPartition<Notification & Record<string, unknown>>(keys.outboxPartition)).filter(
      (n) => n.template === 'request-claimed',
    );
    expect(told).toEqual([expect.objectContaining({ to: { kind: 'resident', id: receipt.requestId } })]);
    const mail = await composeEmail(addressBookOn(s.repo), s.municipality, told[0]!, { siteUrl: 'https://wijkloket.example', links: s.links });
    expect(mail).toMatchObject({ to: 'anna@example.nl', subject: `Iemand gaat u helpen (${receipt.referenceCode})` });

    const held = await s.referrals.open(token);
    expect(held.stage).toBe('held');
    expect(held.contact).toMatchObject({ firstName: 'Anna', contact: { method: 'email', email: 'anna@example.nl' }, postcode: '1502 AB' });
    const audit = await s.residents.audit(receipt.requestId);
    expect(audit).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ kind: 'initiative', id: initiativeId }), action: 'viewed-contact' }),
    ]);
    const view = statusView(await s.desk.open(receipt.statusToken), 'nl');
    expect(view.history.map((h) => h.text)).toContain('Een initiatief uit uw buurt gaat u helpen en neemt contact met u op.');
    expect(view.audit[0]!.text).toMatch(/^Initiatief .+: bekeek uw contactgegevens/);

    // Accepting twice, or declining after accepting, changes nothing.
    expect(await codeOf(s.referrals.accept(token))).toBe('referral-not-open');
    expect(await codeOf(s.referrals.decline(token))).toBe('referral-not-open');
    expect((await s.requests.head(receipt.requestId))!.version).toBe(accepted.version);
  });

  it('closing with an outcome asks the resident "was it solved?"; the link then shows nothing any more', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s, { contact: { method: 'email', email: 'anna@example.nl' } });
    const token = await mailedToken(s, receipt.requestId, initiativeId);
    await s.referrals.accept(token);
    expect(await codeOf(s.referrals.close(token, 'brilliant', ''))).toBe('invalid-request');

    const closed = await s.referrals.close(token, 'helped', 'Samen de brief beantwoord.');
    expect(closed).toMatchObject({ state: 'done', due: { kind: 'confirmation' } });
    expect(closed.heldByInitiative).toBeUndefined();
    const events = await s.requests.events(receipt.requestId);
    expect(events.at(-1)).toMatchObject({ type: 'referral-closed', actor: { kind: 'initiative', id: initiativeId }, data: { outcome: 'helped' } });
    const mails = await s.repo.queryPartition<Notification & Record<string, unknown>>(keys.outboxPartition);
    expect(mails.filter((n) => n.requestId === receipt.requestId && n.template === 'was-it-solved')).toHaveLength(1);
    expect(await codeOf(s.referrals.open(token))).toBe('referral-not-open');
    // The resident reads which initiative says it is finished, not "the volunteer".
    const name = (await s.initiatives.list({ kind: 'staff', id: 'coord-jeroen', role: 'volunteer-coordinator' })).find(
      (i) => i.initiativeId === initiativeId,
    )!.name;
    expect(statusView(await s.desk.open(receipt.statusToken), 'en').nextStep).toBe(
      `The initiative ${name} says it is finished. Let us know below whether your question is solved.`,
    );

    // The resident answers as after a volunteer's "done".
    await s.desk.confirmSolved(receipt.statusToken);
    expect((await s.requests.head(receipt.requestId))!.state).toBe('closed');
  });

  it('declining because full marks its week full and asks the next helper; it is never asked about this request again', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    const token = await mailedToken(s, receipt.requestId, initiativeId);
    const after = await s.referrals.decline(token);

    const week = isoWeek(s.clock.now);
    const profile = await s.repo.get<{ capacityPerWeek: number; referralsByWeek: Record<string, number> }>(keys.initiative(initiativeId));
    expect(profile!.referralsByWeek[week]).toBe(profile!.capacityPerWeek);
    expect(after.initiativesDeclined).toEqual([initiativeId]);
    expect(after.state).toBe('offered');
    const next = after.offeredInitiatives![0]!;
    expect(next).toBeDefined();
    expect(next).not.toBe(initiativeId);
    expect(await mailedToken(s, receipt.requestId, next)).toBeTruthy();
    expect(referralStage(after, initiativeId)).toBe('over');
    expect(await codeOf(s.referrals.open(token))).toBe('referral-not-open');
    expect(await codeOf(s.referrals.decline(token))).toBe('referral-not-open');
    expect(statusView(await s.desk.open(receipt.statusToken), 'en').history.map((h) => h.text)).toContain(
      'An initiative had no room. We are looking further.',
    );

    // A full initiative gets no other referral this week.
    const another = await referred(s);
    expect(another.head.offeredInitiatives).not.toContain(initiativeId);
  });

  it('when the last initiative declines and no volunteer may see the request, it goes to the district team', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    const first = await s.referrals.decline(await mailedToken(s, receipt.requestId, initiativeId));
    const second = first.offeredInitiatives![0]!;
    const last = await s.referrals.decline(await mailedToken(s, receipt.requestId, second));
    expect(last.state).toBe('escalated');
    expect(last.initiativesDeclined).toEqual([initiativeId, second]);
  });

  it('"could not help" returns the request to matching without that initiative', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    const token = await mailedToken(s, receipt.requestId, initiativeId);
    await s.referrals.accept(token);
    const after = await s.referrals.close(token, 'could-not-help', 'Wij spreken de taal niet.');
    expect(after.state).toBe('offered');
    expect(after.heldByInitiative).toBeUndefined();
    expect(after.offeredInitiatives).not.toContain(initiativeId);
    expect(after.initiativesDeclined).toContain(initiativeId);
    expect((await s.requests.events(receipt.requestId)).map((e) => e.type)).toContain('referral-returned');
  });

  it('an initiative that does not report back is reminded with a fresh link, then the request moves on', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    await s.referrals.accept(await mailedToken(s, receipt.requestId, initiativeId));
    s.clock.advanceHours(7 * 24 + 1);
    expect((await s.engine.at(s.clock.now).sweep()).reminded).toBe(1);
    const fresh = await mailedToken(s, receipt.requestId, initiativeId, 'referral-reminder');
    expect((await s.referrals.open(fresh)).stage).toBe('held');

    s.clock.advanceHours(7 * 24 + 1);
    expect((await s.engine.at(s.clock.now).sweep()).released).toBe(1);
    const head = (await s.requests.head(receipt.requestId))!;
    expect(head.heldByInitiative).toBeUndefined();
    expect(head.offeredInitiatives).not.toContain(initiativeId);
    const mails = await s.repo.queryPartition<Notification & Record<string, unknown>>(keys.outboxPartition);
    expect(mails.some((n) => n.template === 'referral-returned' && n.to.id === initiativeId)).toBe(true);
  });

  it('a forged, expired or malformed link is refused and changes nothing', async () => {
    const s = await deskOnFreshTable();
    const { receipt, initiativeId } = await referred(s);
    const token = await mailedToken(s, receipt.requestId, initiativeId);
    const before = (await s.requests.head(receipt.requestId))!;
    const [r, , e, mac] = token.split('.');
    const forged = [r, 'ini-koffie-ontmoeting', e, mac].join('.');
    for (const bad of [forged, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'nonsense', '']) {
      expect(await codeOf(s.referrals.accept(bad)), bad).toBe('referral-link-invalid');
      expect(await codeOf(s.referrals.open(bad)), bad).toBe('referral-link-invalid');
    }
    s.clock.advanceHours(31 * 24);
    try {
      await s.referrals.accept(token);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'referral-link-invalid', details: { reason: 'expired' } });
    }
    expect((await s.requests.head(receipt.requestId))!.version).toBe(before.version);
  });

  it('an initiative and a volunteer answering at once: exactly one gets the request', async () => {
    const s = await deskOnFreshTable();
    // Groceries in Zaandam-Zuid are offered to volunteers; this initiative is made to cover them too.
    await s.initiatives.save(
      { kind: 'staff', id: 'coord-jeroen', role: 'volunteer-coordinator' },
      {
        id: 'ini-boodschappen',
        name: 'Boodschappenhulp Zuid',
        description: { nl: 'Wij doen boodschappen.', en: 'We do groceries.' },
        email: 'boodschappen@initiatief.example',
        districts: ['zaandam-zuid'],
        topics: ['groceries-errands'],
        capacityPerWeek: 10,
      },
    );
    const receipt = await s.desk.submit(intake());
    const head = (await s.requests.head(receipt.requestId))!;
    expect(head.offeredInitiatives).toEqual(['ini-boodschappen']);
    const token = await mailedToken(s, receipt.requestId, 'ini-boodschappen');
    const outcomes = await Promise.all([codeOf(s.referrals.accept(token)), codeOf(s.engine.claim(receipt.requestId, 'vol-fatima'))]);
    expect(outcomes.filter((o) => o === 'resolved')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'resolved')[0]).toMatch(/referral-not-open|already-claimed/);
    const after = (await s.requests.head(receipt.requestId))!;
    expect(Boolean(after.claimedBy) !== Boolean(after.heldByInitiative)).toBe(true);
  });
});
