// The stepped-care engine's scenarios: routes, claims under concurrency, the safety net, deferred matching.
// Run on the in-memory adapters (tests/unit, no Java) and on DynamoDB Local (tests/integration).
import { describe, expect, it } from 'vitest';
import { SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { deriveState } from '../../functions/stepped-care/domain/lifecycle';
import type { HelperPool, RequestLog } from '../../functions/stepped-care/index';
import type { Outbox } from '../../functions/platform/outbox/notifications';
import type { Municipality } from '../../functions/kernel/municipality';
import type { Volunteer } from '../../functions/volunteers/index';
import { codeOf, groceries, submit, volunteer, type TestClock } from '../support/fixtures';

export interface EngineWorld {
  engine: SteppedCareEngine;
  requests: RequestLog;
  helpers: HelperPool;
  volunteers: {
    put(v: Volunteer[]): Promise<void>;
    get(id: string): Promise<Volunteer | undefined>;
    profiles(ids: readonly string[]): Promise<Volunteer[]>;
  };
  outbox: Outbox;
  clock: TestClock;
  municipality: Municipality;
}

/** Every notification in the outbox. */
const everything = (outbox: Outbox) => outbox.between('0', '~');

export function engineBehaviour(adapter: string, engineOnFreshTable: () => Promise<EngineWorld>): void {
  describe(`the engine on ${adapter}`, () => {
    describe('submitting a request', () => {
      it('starts at the 0th line and is offered to fitting volunteers, with reasons and notifications', async () => {
        const { engine, requests, outbox } = await engineOnFreshTable();
        const { requestId, head, decision } = await submit(engine, groceries);
        expect(decision.level).toBe('zeroth-line');
        expect(head.state).toBe('offered');
        expect(head.offeredTo).toEqual(['vol-fatima']); // the only approved groceries volunteer in Zaandam-Zuid
        const events = await requests.events(requestId);
        expect(events.map((e) => e.type)).toEqual(['submitted', 'matching-started', 'offered']);
        expect(deriveState(events)).toBe(head.state);
        expect((events[2]!.data!.volunteers as { reasons: string[] }[])[0]!.reasons).toContain('own-district');
        expect(await everything(outbox)).toEqual([
          expect.objectContaining({ template: 'request-offered', to: { kind: 'volunteer', id: 'vol-fatima' }, requestId }),
        ]);
        expect(head.due?.kind).toBe('response');
      });

      it('is idempotent: the same key, also twice at once, makes one request', async () => {
        const { engine } = await engineOnFreshTable();
        const first = await submit(engine, { ...groceries, idempotencyKey: 'form-123' });
        const again = await submit(engine, { ...groceries, idempotencyKey: 'form-123' });
        expect(again).toMatchObject({ requestId: first.requestId, created: false });
        const racing = await Promise.all([1, 2, 3].map(() => submit(engine, { ...groceries, idempotencyKey: 'form-456' })));
        expect(new Set(racing.map((r) => r.requestId)).size).toBe(1);
      });

      it('routes a crisis straight to the team at top priority with a one-hour deadline', async () => {
        const { engine, clock } = await engineOnFreshTable();
        const { head, decision } = await submit(engine, { ...groceries, description: 'Mijn man slaat me en ik durf niet naar huis.' });
        expect(decision).toMatchObject({ level: 'district-team', priority: 'crisis', showEmergencyNumbers: true });
        expect(head.state).toBe('escalated');
        expect(head.due).toEqual({ kind: 'team', at: new Date(clock.now.getTime() + 3_600_000).toISOString() });
      });

      it('starts the Wmo clock for a formal request and never offers it to the 0th line', async () => {
        const { engine } = await engineOnFreshTable();
        const { head } = await submit(engine, { ...groceries, formalWmoRequest: true });
        expect(head.state).toBe('escalated');
        expect(head.offeredTo).toBeUndefined();
        expect(head.wmo?.investigationDeadline).toBe('2027-01-05T09:00:00.000Z');
      });

      it('rejects bad input with typed errors and stores nothing', async () => {
        const { engine, outbox } = await engineOnFreshTable();
        expect(await codeOf(submit(engine, { ...groceries, topicId: 'astrology' }))).toBe('unknown-topic');
        expect(await codeOf(submit(engine, { ...groceries, urgency: 'yesterday' }))).toBe('invalid-request');
        expect(await codeOf(submit(engine, { ...groceries, description: 'x'.repeat(2001) }))).toBe('invalid-request');
        expect(await codeOf(submit(engine, { ...groceries, description: '   ' }))).toBe('invalid-request');
        expect(await codeOf(submit(engine, { ...groceries, postcode: '1011 AB' }))).toBe('postcode-outside');
        expect(await codeOf(submit(engine, { ...groceries, postcode: 'nope' }))).toBe('invalid-request');
        expect(await everything(outbox)).toEqual([]);
      });
    });

    describe('claims', () => {
      it('exactly one of many concurrent claims wins; the others hear it was taken', async () => {
        const { engine, volunteers } = await engineOnFreshTable();
        const crowd = Array.from({ length: 20 }, (_, i) => volunteer({ volunteerId: `racer-${i}` }));
        await volunteers.put(crowd);
        const { requestId } = await submit(engine, groceries);
        const results = await Promise.all(crowd.map((v) => codeOf(engine.claim(requestId, v.volunteerId))));
        expect(results.filter((r) => r === 'resolved')).toHaveLength(1);
        expect(results.filter((r) => r === 'already-claimed')).toHaveLength(19);
        const profiles = await volunteers.profiles(crowd.map((v) => v.volunteerId));
        expect(profiles.reduce((sum, p) => sum + p.openClaims, 0)).toBe(1);
      });

      it('refuses a pending volunteer, one outside the area, and one at their cap, changing nothing', async () => {
        const { engine, volunteers, requests } = await engineOnFreshTable();
        await volunteers.put([
          volunteer({ volunteerId: 'far', homeDistrictId: 'assendelft', districts: ['assendelft'] }),
          volunteer({ volunteerId: 'busy', openClaims: 3, maxOpenClaims: 3 }),
        ]);
        const { requestId } = await submit(engine, groceries);
        const before = await requests.head(requestId);
        expect(await codeOf(engine.claim(requestId, 'vol-noor'))).toBe('volunteer-not-eligible');
        expect(await codeOf(engine.claim(requestId, 'far'))).toBe('volunteer-not-eligible');
        expect(await codeOf(engine.claim(requestId, 'busy'))).toBe('volunteer-not-eligible');
        expect(await codeOf(engine.claim(requestId, 'nobody'))).toBe('volunteer-not-found');
        expect(await requests.head(requestId)).toEqual(before);
      });

      it('goes through progress, done and the resident\'s "solved", and frees the volunteer', async () => {
        const { engine, volunteers, requests } = await engineOnFreshTable();
        const { requestId } = await submit(engine, { ...groceries, householdKey: 'household-1' });
        await engine.claim(requestId, 'vol-fatima');
        expect(await codeOf(engine.markDone(requestId, 'vol-kees', 'not mine'))).toBe('volunteer-not-eligible');
        await engine.noteProgress(requestId, 'vol-fatima', 'Afgesproken voor donderdag');
        await engine.markDone(requestId, 'vol-fatima', 'Boodschappen gedaan');
        const closed = await engine.confirmSolved(requestId);
        expect(closed.state).toBe('closed');
        expect(await codeOf(engine.claim(requestId, 'vol-fatima'))).toBe('request-closed');
        const fatima = await volunteers.get('vol-fatima');
        expect(fatima?.openClaims).toBe(0);
        expect([...(fatima?.helpedHouseholds as unknown as Set<string>)]).toEqual(['household-1']);
        expect(deriveState(await requests.events(requestId))).toBe('closed');
      });

      it('rejects an illegal transition with a clear error', async () => {
        const { engine } = await engineOnFreshTable();
        const { requestId } = await submit(engine, groceries);
        expect(await codeOf(engine.confirmSolved(requestId))).toBe('illegal-transition');
        expect(await codeOf(engine.acceptByTeam(requestId, 'pro-anouk'))).toBe('illegal-transition');
      });

      it('"this needs a professional" escalates to the team, which accepts it', async () => {
        const { engine } = await engineOnFreshTable();
        const { requestId } = await submit(engine, groceries);
        await engine.claim(requestId, 'vol-fatima');
        const escalated = await engine.needsProfessional(requestId, 'vol-fatima', 'Er liggen veel onbetaalde rekeningen');
        expect(escalated).toMatchObject({ state: 'escalated', due: { kind: 'team' } });
        expect(escalated.claimedBy).toBeUndefined();
        const accepted = await engine.acceptByTeam(requestId, 'pro-anouk');
        expect(accepted.state).toBe('accepted-by-team');
      });
    });

    describe('several processes, each with its own memory of heads', () => {
      it('a stale remembered head costs a retry, never a wrong answer', async () => {
        const { engine, requests, helpers, municipality, clock } = await engineOnFreshTable();
        // A second "Lambda container" on the same table, with an empty head cache.
        const other = new SteppedCareEngine({ requests, helpers, municipality, clock: clock.read });
        const { requestId } = await submit(engine, groceries); // `engine` remembers the request as offered
        await other.claim(requestId, 'vol-fatima'); // `other` moves it on
        // `engine` still remembers "offered": its release is refused on that head, then retried on the stored one.
        const released = await engine.release(requestId, 'vol-fatima', 'Lukt toch niet');
        expect(released.claimedBy).toBeUndefined();
        expect(['offered', 'escalated']).toContain(released.state);
        // And `other` now remembers "claimed": its markDone is refused on the stored head too.
        expect(await codeOf(other.markDone(requestId, 'vol-fatima', 'klaar'))).toBe('volunteer-not-eligible');
        expect(deriveState(await requests.events(requestId))).toBe(released.state);
      });
    });

    describe('the safety net', () => {
      it('widens once, then escalates; running twice at once changes nothing twice', async () => {
        const { engine, clock, requests } = await engineOnFreshTable();
        const { requestId, head } = await submit(engine, groceries);
        clock.advanceHours(47);
        expect((await engine.sweep()).widened).toBe(0); // not yet due
        clock.advanceHours(2);
        const [a, b] = await Promise.all([engine.sweep(), engine.sweep()]);
        expect(a.widened + b.widened).toBe(1);
        const widened = await requests.head(requestId);
        expect(widened).toMatchObject({ widened: true, state: 'offered' });
        expect(widened!.responseDeadline! > head.responseDeadline!).toBe(true);
        clock.advanceHours(25);
        const [c, d] = await Promise.all([engine.sweep(), engine.sweep()]);
        expect(c.escalated + d.escalated).toBe(1);
        const escalated = await requests.head(requestId);
        expect(escalated).toMatchObject({ state: 'escalated', due: { kind: 'team' } });
        const events = await requests.events(requestId);
        expect(events.map((e) => e.type)).toEqual(['submitted', 'matching-started', 'offered', 'search-widened', 'offered', 'escalated']);
      });

      it('reminds a volunteer without progress, then releases the claim back to matching', async () => {
        const { engine, clock, requests, volunteers } = await engineOnFreshTable();
        const { requestId } = await submit(engine, groceries);
        await engine.claim(requestId, 'vol-fatima');
        clock.advanceHours(49);
        expect((await engine.sweep()).reminded).toBe(1);
        clock.advanceHours(49);
        expect((await engine.sweep()).released).toBe(1);
        const head = await requests.head(requestId);
        expect(head?.claimedBy).toBeUndefined();
        // Fatima was the only fitting volunteer and let it lie: it is not offered to her again but goes further.
        expect(head?.offeredTo ?? []).not.toContain('vol-fatima');
        expect(['offered', 'escalated']).toContain(head?.state);
        expect((await volunteers.get('vol-fatima'))?.openClaims).toBe(0);
      });

      it('alerts the team when it has not responded, and closes an unanswered "done" after 14 days', async () => {
        const { engine, clock, requests } = await engineOnFreshTable();
        const crisis = await submit(engine, { ...groceries, dangerNow: true });
        const { requestId } = await submit(engine, groceries);
        await engine.claim(requestId, 'vol-fatima');
        await engine.markDone(requestId, 'vol-fatima', 'klaar');
        clock.advanceHours(2);
        expect((await engine.sweep())['team-alerted']).toBe(1);
        expect((await requests.events(crisis.requestId)).at(-1)?.type).toBe('team-alerted');
        clock.advanceHours(14 * 24);
        expect((await engine.sweep())['closed-unanswered']).toBe(1);
        expect((await requests.head(requestId))?.state).toBe('closed');
      });
    });

    describe('deferred matching', () => {
      it('records the request in one write, then matches once: by the hook, the stream or the sweep', async () => {
        const base = await engineOnFreshTable();
        const due: string[] = [];
        const engine = new SteppedCareEngine({
          ...base,
          municipality: base.municipality,
          clock: base.clock.read,
          matching: 'deferred',
          onMatchDue: (id) => due.push(id),
        });
        const { requestId, head } = await submit(engine, groceries);
        expect(head).toMatchObject({ state: 'matching', due: { kind: 'match' } });
        expect(head.responseDeadline).toBeDefined();
        expect(due).toEqual([requestId]);
        expect((await engine.matchNow(requestId)).state).toBe('offered');
        const again = await engine.matchNow(requestId);
        expect(again.version).toBe((await base.requests.head(requestId))!.version);
        // Missed by hook and stream: the sweep makes the offer.
        const missed = await submit(engine, { ...groceries, description: 'Nog een vraag over boodschappen.' });
        base.clock.advanceHours(0.01);
        const swept = await engine.sweep();
        expect(swept.matched).toBe(1);
        expect((await base.requests.head(missed.requestId))!.state).toBe('offered');
      });
    });
  });
}
