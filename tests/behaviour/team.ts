// The district team's desk: the queue and its order, district binding, the warm handover and its audit, taking
// a case (one winner), contact, questions, messages and notes, closing with an outcome, handing over, concerns,
// a phone intake, the Wmo steps, the caseload, and honest promises out of hours. On the in-memory adapters
// (tests/unit) and on DynamoDB Local (tests/integration).
import { describe, expect, it } from 'vitest';
import type { Account } from '../../functions/identity/index';
import type { TeamDesk } from '../../functions/district-team/index';
import type { Outbox } from '../../functions/platform/outbox/notifications';
import { statusView } from '../../functions/stepped-care/app/status-view';
import type { RequestLog, ResidentDesk } from '../../functions/stepped-care/index';
import type { Municipality } from '../../functions/kernel/municipality';
import { writeWmoWarnings } from '../../functions/district-team/index';
import type { ClaimDesk, Volunteer } from '../../functions/volunteers/index';
import { codeOf, intake, type TestClock } from '../support/fixtures';

export interface TeamWorld {
  team: TeamDesk;
  desk: ResidentDesk;
  claims: ClaimDesk;
  volunteers: { get(id: string): Promise<Volunteer | undefined> };
  outbox: Outbox;
  clock: TestClock;
  requests: RequestLog;
  municipality: Municipality;
}

const anouk: Account = { kind: 'staff', id: 'pro-anouk', role: 'professional' };
const samir: Account = { kind: 'staff', id: 'pro-samir', role: 'professional' };
const marieke: Account = { kind: 'staff', id: 'lead-marieke', role: 'team-lead' };
const jeroen: Account = { kind: 'staff', id: 'coord-jeroen', role: 'volunteer-coordinator' };

const crisis = intake({
  description: 'Ik wil er een eind aan maken, ik zie het niet meer zitten.',
  contact: { method: 'phone', phone: '06-11112222' },
});
const debts = intake({ topicId: 'money-debts', description: 'De deurwaarder komt volgende week. Ik weet niet wat ik moet doen.' });

export function teamBehaviour(adapter: string, fresh: (start?: Date) => Promise<TeamWorld>): void {
  describe(`the district team's desk on ${adapter}`, () => {
    it('shows crisis first, then the nearest deadline, only in the districts of the person asking', async () => {
      const w = await fresh();
      const a = await w.desk.submit(debts);
      w.clock.advanceHours(0.1);
      const b = await w.desk.submit(crisis);
      const queue = await w.team.queue(anouk);
      expect(queue.rows.map((r) => r.requestId)).toEqual([b.requestId, a.requestId]);
      expect(queue.rows.map((r) => r.reason)).toEqual(['crisis', 'risk-topic']);
      expect(queue.rows[0]!.referenceCode).toBe(b.referenceCode);
      expect(queue.counts).toMatchObject({ all: 2, notTaken: 2, mine: 0, late: 0 });
      // Samir works in Wormerveer and Zaandijk: nothing of Zaandam-Zuid, and its cases are refused.
      expect((await w.team.queue(samir)).rows).toEqual([]);
      expect(await codeOf(w.team.open(samir, a.requestId))).toBe('forbidden');
      expect(await codeOf(w.team.take(samir, a.requestId))).toBe('forbidden');
      expect(await codeOf(w.team.queue(samir, { district: 'zaandam-zuid' }))).toBe('forbidden');
      // The coordinator of volunteers sees no case data at all.
      expect(await codeOf(w.team.queue(jeroen))).toBe('forbidden');
      expect(await codeOf(w.team.open(jeroen, a.requestId))).toBe('forbidden');
      // The reference goes with the personal data: erased, the request leaves the queue without it.
      await w.desk.erase(a.statusToken);
      expect((await w.requests.head(a.requestId))?.referenceCode).toBeUndefined();
      expect((await w.team.queue(anouk)).rows.map((r) => r.requestId)).toEqual([b.requestId]);
    });

    it('filters by reason, lateness, "not taken" and "mine", with counts over the whole queue', async () => {
      const w = await fresh();
      const a = await w.desk.submit(debts);
      const b = await w.desk.submit(crisis);
      await w.team.take(anouk, b.requestId);
      expect((await w.team.queue(anouk, { mine: true })).rows.map((r) => r.requestId)).toEqual([b.requestId]);
      expect((await w.team.queue(anouk, { notTaken: true })).rows.map((r) => r.requestId)).toEqual([a.requestId]);
      expect((await w.team.queue(anouk, { reason: 'risk-topic' })).rows.map((r) => r.requestId)).toEqual([a.requestId]);
      // Tuesday 10:00 + 8 working hours for a normal priority: late on Wednesday afternoon, very late later.
      w.clock.advanceHours(30);
      const late = await w.team.queue(anouk, { late: true });
      expect(late.rows.map((r) => [r.requestId, r.lateness])).toEqual([
        [b.requestId, 'very-late'],
        [a.requestId, 'late'],
      ]);
      expect(late.counts.all).toBe(2);
    });

    it('opens the warm handover: the own words, contact, consent, the ladder; each view is audited, shown once', async () => {
      const w = await fresh();
      const earlier = await w.desk.submit(intake({ contact: { method: 'email', email: 'anna@example.nl' } }));
      const receipt = await w.desk.submit(debts);
      const view = await w.team.open(anouk, receipt.requestId);
      expect(view.personal?.description).toBe(debts.description);
      expect(view.personal?.contact).toEqual(debts.contact);
      expect(view.personal?.consent).toEqual(debts.consent);
      expect(view.events.map((e) => e.type)).toEqual(['submitted', 'escalated']);
      expect(view.earlier).toEqual({ total: 1, open: 1, notSolved: 0 });
      expect(view.can).toMatchObject({ take: true, handOver: false, finish: false });
      await w.team.open(anouk, receipt.requestId);
      const seen = statusView(await w.desk.open(receipt.statusToken), 'nl').audit.map((a) => a.text);
      expect(seen).toEqual(['Wijkteam (Anouk): bekeek uw gegevens']);
      w.clock.advanceHours(1);
      await w.team.open(anouk, receipt.requestId);
      expect(statusView(await w.desk.open(receipt.statusToken), 'en').audit.map((a) => a.text)).toEqual([
        'District team (Anouk): viewed your details',
        'District team (Anouk): viewed your details',
      ]);
      expect(earlier.requestId).not.toBe(receipt.requestId);
    });

    it('lets exactly one of two professionals take a case at once; the taker coordinates it', async () => {
      const w = await fresh();
      const { requestId } = await w.desk.submit(debts);
      const results = await Promise.allSettled([w.team.take(anouk, requestId), w.team.take(marieke, requestId)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const view = await w.team.open(anouk, requestId);
      expect(view.head.state).toBe('accepted-by-team');
      expect(['pro-anouk', 'lead-marieke']).toContain(view.head.coordinator);
      expect(await codeOf(w.team.take(anouk, requestId))).toBe('illegal-transition');
    });

    it('records the first contact (the promise is kept), asks the resident and shows the reply, keeps notes internal', async () => {
      const w = await fresh();
      const receipt = await w.desk.submit(debts);
      await w.team.take(anouk, receipt.requestId);
      const contacted = await w.team.recordContact(anouk, receipt.requestId, 'Gebeld; afspraak donderdag.');
      expect(contacted.teamContactedAt).toBeDefined();
      expect(contacted.due).toBeUndefined();
      // A minute apart, as people write: the conversation reads in the order it happened.
      await w.team.ask(anouk, receipt.requestId, 'Welke brieven heeft u gekregen?');
      w.clock.advanceHours(1 / 60);
      await w.desk.reply(receipt.statusToken, 'Twee van de deurwaarder.');
      w.clock.advanceHours(1 / 60);
      await w.team.message(anouk, receipt.requestId, 'Neem de brieven donderdag mee.');
      w.clock.advanceHours(1 / 60);
      await w.team.note(anouk, receipt.requestId, 'Mogelijk ook huurachterstand.');
      const view = await w.team.open(anouk, receipt.requestId);
      expect(view.messages.map((m) => [m.kind, m.text])).toEqual([
        ['question', 'Welke brieven heeft u gekregen?'],
        ['reply', 'Twee van de deurwaarder.'],
        ['team-message', 'Neem de brieven donderdag mee.'],
        ['team-note', 'Mogelijk ook huurachterstand.'],
      ]);
      const resident = statusView(await w.desk.open(receipt.statusToken), 'nl');
      expect(resident.messages.map((m) => m.text)).toEqual([
        'Welke brieven heeft u gekregen?',
        'Twee van de deurwaarder.',
        'Neem de brieven donderdag mee.',
      ]);
      expect(resident.nextStep).toContain('contact met u gehad');
      const mails = await w.outbox.between('0', '~');
      expect(mails.filter((m) => m.requestId === receipt.requestId).map((m) => m.template)).toEqual(
        expect.arrayContaining(['escalated-to-team', 'information-requested', 'team-message']),
      );
      expect(await codeOf(w.team.note(anouk, receipt.requestId, ' '))).toBe('invalid-request');
      expect(await codeOf(w.team.note(anouk, receipt.requestId, 'x'.repeat(3001)))).toBe('invalid-request');
    });

    it('closes with an outcome: the resident is asked "was it solved?", and "not solved" brings it back to the team', async () => {
      const w = await fresh();
      const receipt = await w.desk.submit(debts);
      await w.team.take(anouk, receipt.requestId);
      expect(await codeOf(w.team.close(samir, receipt.requestId, 'solved-by-team'))).toBe('forbidden');
      const finished = await w.team.close(anouk, receipt.requestId, 'solved-by-team');
      expect(finished.state).toBe('done');
      expect(statusView(await w.desk.open(receipt.statusToken), 'nl').can.confirm).toBe(true);
      const mails = await w.outbox.between('0', '~');
      expect(mails.some((m) => m.template === 'was-it-solved' && m.requestId === receipt.requestId)).toBe(true);
      await w.desk.reopen(receipt.statusToken, 'De deurwaarder komt nog steeds.');
      const back = (await w.team.queue(anouk)).rows.find((r) => r.requestId === receipt.requestId);
      expect(back).toMatchObject({ reason: 'not-solved-after-help', state: 'escalated' });
    });

    it('sends a case back to the 0th line with advice that the next volunteer reads', async () => {
      const w = await fresh();
      const receipt = await w.desk.submit(intake({ wantsProfessional: true, description: 'Ik wil graag met iemand praten over boodschappen.' }));
      await w.team.take(anouk, receipt.requestId);
      const back = await w.team.sendBack(anouk, receipt.requestId, 'Mevrouw hoort slecht: bel niet, ga langs.');
      expect(['offered', 'matching']).toContain(back.state);
      expect(back.coordinator).toBeUndefined();
      const fatima = (await w.volunteers.get('vol-fatima'))!;
      await w.claims.claim(fatima, receipt.requestId);
      expect((await w.claims.open(fatima, receipt.requestId)).teamAdvice).toBe('Mevrouw hoort slecht: bel niet, ga langs.');
    });

    it('closes at once when no answer is needed, after which nothing more can be sent', async () => {
      const w = await fresh();
      const receipt = await w.desk.submit(debts);
      await w.team.take(anouk, receipt.requestId);
      expect((await w.team.close(anouk, receipt.requestId, 'no-help-needed')).state).toBe('closed');
      expect(await codeOf(w.desk.reply(receipt.statusToken, 'Nog een vraag'))).toBe('request-closed');
      expect(await codeOf(w.team.message(anouk, receipt.requestId, 'Hallo'))).toBe('request-closed');
      // A note is still possible on a closed case.
      expect((await w.team.note(anouk, receipt.requestId, 'Afgesloten na gesprek.')).state).toBe('closed');
    });

    it('closes as "not reached" only after three attempts to make contact are on record', async () => {
      const w = await fresh();
      const { requestId } = await w.desk.submit(debts);
      await w.team.take(anouk, requestId);
      expect(await codeOf(w.team.close(anouk, requestId, 'not-reached'))).toBe('invalid-request');
      for (const how of ['Gebeld, geen gehoor', 'Gebeld, voicemail', 'Gebeld, nummer in gesprek'])
        await w.team.recordContactAttempt(anouk, requestId, how);
      const head = await w.team.close(anouk, requestId, 'not-reached');
      expect(head.state).toBe('closed');
      expect(head.teamContactedAt).toBeUndefined();
    });

    it('hands a case to a colleague of the same district with a reason; the team lead may too', async () => {
      const w = await fresh();
      const { requestId } = await w.desk.submit(debts);
      await w.team.take(anouk, requestId);
      expect(await codeOf(w.team.handOver(anouk, requestId, 'pro-samir', 'Samir spreekt Arabisch'))).toBe('invalid-request');
      const handed = await w.team.handOver(marieke, requestId, 'lead-marieke', 'Ik neem het over');
      expect(handed.coordinator).toBe('lead-marieke');
      const event = (await w.team.open(marieke, requestId)).events.at(-1)!;
      expect(event).toMatchObject({ type: 'handed-over', reason: 'Ik neem het over', data: { from: 'pro-anouk', to: 'lead-marieke' } });
      expect(await codeOf(w.team.handOver(anouk, requestId, 'pro-anouk', 'terug'))).toBe('forbidden');
    });

    it("acknowledges a volunteer's concern once (the volunteer is told), and closes it with an outcome", async () => {
      const w = await fresh();
      const receipt = await w.desk.submit(intake());
      const fatima = (await w.volunteers.get('vol-fatima'))!;
      await w.claims.claim(fatima, receipt.requestId);
      await w.claims.raiseConcern(fatima, receipt.requestId, 'Mevrouw leek erg verward en er lag post van weken.');
      const row = (await w.team.queue(anouk)).rows.find((r) => r.reason === 'concern');
      expect(row?.concern?.text).toContain('verward');
      await w.team.acknowledgeConcern(anouk, receipt.requestId, 'vol-fatima');
      expect(await codeOf(w.team.acknowledgeConcern(anouk, receipt.requestId, 'vol-fatima'))).toBe('invalid-request');
      // Read, it stays in the queue until it is closed with an outcome.
      expect((await w.team.queue(anouk)).rows.find((r) => r.reason === 'concern')?.concern?.acknowledgedBy).toBe('pro-anouk');
      await w.team.closeConcern(anouk, receipt.requestId, 'vol-fatima', 'contact-made');
      expect((await w.team.queue(anouk)).rows.some((r) => r.reason === 'concern')).toBe(false);
      expect((await w.team.open(anouk, receipt.requestId)).concerns[0]).toMatchObject({ outcome: 'contact-made', closedBy: 'pro-anouk' });
      expect(await codeOf(w.team.closeConcern(anouk, receipt.requestId, 'vol-fatima', 'no-action-needed'))).toBe('invalid-request');
      expect(await codeOf(w.team.closeConcern(samir, receipt.requestId, 'vol-fatima', 'no-action-needed'))).toBe('forbidden');
      const mails = await w.outbox.between('0', '~');
      expect(mails.filter((m) => m.template === 'concern-acknowledged').map((m) => m.to)).toEqual([{ kind: 'volunteer', id: 'vol-fatima' }]);
    });

    it('takes a request by phone through the same intake: same reference, audited, only in the own districts', async () => {
      const w = await fresh();
      const receipt = await w.team.phoneIntake(anouk, debts, 'phone-intake-key-000000000000000000000000000');
      expect(receipt.referenceCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$/);
      const again = await w.team.phoneIntake(anouk, debts, 'phone-intake-key-000000000000000000000000000');
      expect(again.requestId).toBe(receipt.requestId);
      const seen = statusView(await w.desk.open(receipt.statusToken), 'nl').audit.map((a) => a.text);
      expect(seen).toEqual(['Wijkteam (Anouk): nam uw vraag telefonisch of aan de balie op']);
      expect((await w.team.open(anouk, receipt.requestId)).personal?.takenBy).toEqual({
        staffId: 'pro-anouk',
        consentConfirmedAt: '2026-11-24T09:00:00.000Z',
      });
      expect(await codeOf(w.team.phoneIntake(samir, debts, 'phone-intake-key-111111111111111111111111111'))).toBe('forbidden');
    });

    it('keeps the Wmo clocks: a melding registered by staff, the application starts two weeks to decide', async () => {
      const w = await fresh();
      const { requestId } = await w.desk.submit(debts);
      await w.team.take(anouk, requestId);
      expect(await codeOf(w.team.recordWmoStep(anouk, requestId, 'report-sent'))).toBe('invalid-request');
      const melding = await w.team.recordWmoStep(anouk, requestId, 'melding');
      expect(melding.wmo?.investigationDeadline).toBe('2027-01-05T09:00:00.000Z');
      w.clock.advanceHours(24 * 20);
      const applied = await w.team.recordWmoStep(anouk, requestId, 'application-received');
      expect(applied.wmo?.decisionDeadline).toBe('2026-12-28T09:00:00.000Z');
      expect(await codeOf(w.team.recordWmoStep(anouk, requestId, 'application-received'))).toBe('invalid-request');
      const view = await w.team.open(anouk, requestId);
      expect(view.wmo?.daysLeft).toBe(14);
    });

    it('never sends a formal Wmo request back to the 0th line, and warns the team before and after its deadline, once each', async () => {
      const w = await fresh();
      const melding = await w.desk.submit(
        intake({ topicId: 'care-at-home', description: 'Ik wil een officiële melding doen voor hulp thuis.', formalWmoRequest: true }),
      );
      expect(melding.head.wmo?.investigationDeadline).toBe('2027-01-05T09:00:00.000Z');
      await w.team.take(anouk, melding.requestId);
      expect((await w.team.open(anouk, melding.requestId)).can.sendBack).toBe(false);
      expect(await codeOf(w.team.sendBack(anouk, melding.requestId, 'Een buur kan helpen'))).toBe('invalid-request');
      const deps = { requests: w.requests, outbox: w.outbox, municipality: w.municipality, newId: () => crypto.randomUUID() };
      const warnings = async (at: string) => {
        const written = await writeWmoWarnings(deps, new Date(at));
        const mails = (await w.outbox.between('0', '~')).filter((m) => m.requestId === melding.requestId && m.template.startsWith('wmo-'));
        return [written, mails.map((m) => `${m.template} to ${m.to.kind} ${m.to.id}`)];
      };
      expect(await warnings('2026-12-20T07:00:00Z')).toEqual([0, []]);
      expect(await warnings('2026-12-30T07:00:00Z')).toEqual([1, ['wmo-deadline-near to team zaandam-zuid']]);
      expect(await warnings('2026-12-31T07:00:00Z')).toEqual([0, ['wmo-deadline-near to team zaandam-zuid']]);
      expect(await warnings('2027-01-06T07:00:00Z')).toEqual([
        1,
        ['wmo-deadline-near to team zaandam-zuid', 'wmo-deadline-passed to team zaandam-zuid'],
      ]);
      // The report is sent: the investigation's clock stops, and no more warnings come.
      await w.team.recordWmoStep(anouk, melding.requestId, 'report-sent');
      expect((await warnings('2027-01-07T07:00:00Z'))[0]).toBe(0);
    });

    it('gives the team lead the caseload, and nobody else', async () => {
      const w = await fresh();
      const a = await w.desk.submit(debts);
      await w.desk.submit(crisis);
      await w.team.take(anouk, a.requestId);
      const caseload = await w.team.caseload(marieke);
      expect(caseload.waiting).toHaveLength(1);
      expect(caseload.perProfessional.find((p) => p.member.id === 'pro-anouk')?.open).toBe(1);
      expect(await codeOf(w.team.caseload(anouk))).toBe('forbidden');
      // The lead's queue carries the same caseload from its own reads; a professional's carries none.
      expect((await w.team.queue(marieke)).caseload).toEqual(caseload);
      expect((await w.team.queue(anouk)).caseload).toBeNull();
    });

    it('promises out of hours what the team can keep: Monday morning, with the crisis lines, never "straight away"', async () => {
      // Sunday 29 November 2026, 21:00 in Zaandam.
      const w = await fresh(new Date('2026-11-29T20:00:00Z'));
      const receipt = await w.desk.submit(crisis);
      expect(receipt.teamOpen).toBe(false);
      expect(receipt.head.due?.at).toBe('2026-11-30T08:30:00.000Z');
      const view = statusView(await w.desk.open(receipt.statusToken), 'nl');
      expect(view.nextStep).toContain('Het wijkteam is nu gesloten');
      expect(view.nextStep).toContain('maandag 30 november 2026 om 09:30');
      expect(view.nextStep).toContain('0800-0113');
      expect(view.nextStep).not.toMatch(/meteen|zo snel mogelijk/);
      expect(view.crisisLineFirst).toBe('113');
    });
  });
}
