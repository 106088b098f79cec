import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/kernel/errors';
import {
  deriveState,
  EVENT_TYPES,
  FINAL_STATES,
  nextState,
  STATES,
  TRANSITIONS,
  type ActorKind,
  type EventType,
  type RequestEvent,
  type RequestState,
} from '../../functions/stepped-care/domain/lifecycle';
import { groceries, submit, volunteer } from '../support/fixtures';
import { engineInMemory } from '../support/memory';

const transitionTypes = Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[];

describe('transition table', () => {
  it('every transition leads to a known state, from known states', () => {
    for (const [type, t] of Object.entries(TRANSITIONS)) {
      for (const from of t.from) expect(STATES, type).toContain(from);
      if (t.to) expect(STATES, type).toContain(t.to);
    }
  });

  // Written out by hand from the workflow (not read from the table under test): who may do what, from where.
  const CASES: [RequestState, EventType, ActorKind, RequestState | 'refused'][] = [
    ['submitted', 'matching-started', 'system', 'matching'],
    ['submitted', 'matching-started', 'volunteer', 'refused'],
    ['not-solved', 'matching-started', 'resident', 'matching'],
    ['matching', 'offered', 'system', 'offered'],
    ['offered', 'offered', 'system', 'offered'],
    ['offered', 'offered', 'volunteer', 'refused'],
    ['claimed', 'offered', 'system', 'refused'],
    ['offered', 'search-widened', 'system', 'matching'],
    ['escalated', 'search-widened', 'system', 'refused'],
    ['offered', 'claimed', 'volunteer', 'claimed'],
    ['matching', 'claimed', 'volunteer', 'claimed'],
    ['offered', 'claimed', 'resident', 'refused'],
    ['claimed', 'claimed', 'volunteer', 'refused'],
    ['escalated', 'claimed', 'volunteer', 'refused'],
    ['claimed', 'progress-noted', 'volunteer', 'in-progress'],
    ['in-progress', 'progress-noted', 'volunteer', 'in-progress'],
    ['offered', 'progress-noted', 'volunteer', 'refused'],
    ['claimed', 'reminder-sent', 'system', 'claimed'],
    ['in-progress', 'reminder-sent', 'system', 'in-progress'],
    ['in-progress', 'released', 'volunteer', 'matching'],
    ['claimed', 'released', 'system', 'matching'],
    ['claimed', 'released', 'resident', 'refused'],
    ['in-progress', 'marked-done', 'volunteer', 'done'],
    ['offered', 'marked-done', 'volunteer', 'refused'],
    ['in-progress', 'marked-done', 'professional', 'refused'],
    ['done', 'confirmed-solved', 'resident', 'closed'],
    ['done', 'confirmed-solved', 'system', 'closed'],
    ['done', 'confirmed-solved', 'volunteer', 'refused'],
    ['done', 'reported-not-solved', 'resident', 'not-solved'],
    ['done', 'reported-not-solved', 'system', 'refused'],
    ['in-progress', 'needs-professional', 'volunteer', 'escalated'],
    ['offered', 'needs-professional', 'volunteer', 'refused'],
    ['offered', 'referral-accepted', 'initiative', 'claimed'],
    ['offered', 'referral-accepted', 'volunteer', 'refused'],
    ['offered', 'referral-declined', 'initiative', 'matching'],
    ['claimed', 'referral-declined', 'initiative', 'refused'],
    ['claimed', 'referral-closed', 'initiative', 'done'],
    ['claimed', 'referral-closed', 'volunteer', 'refused'],
    ['in-progress', 'referral-returned', 'initiative', 'matching'],
    ['claimed', 'referral-returned', 'system', 'matching'],
    ['submitted', 'escalated', 'system', 'escalated'],
    ['not-solved', 'escalated', 'resident', 'escalated'],
    ['claimed', 'escalated', 'system', 'refused'],
    ['escalated', 'team-alerted', 'system', 'escalated'],
    ['accepted-by-team', 'team-alerted', 'system', 'accepted-by-team'],
    ['offered', 'team-alerted', 'system', 'refused'],
    ['accepted-by-team', 'handed-over', 'professional', 'accepted-by-team'],
    ['referred', 'handed-over', 'professional', 'referred'],
    ['escalated', 'handed-over', 'professional', 'refused'],
    ['escalated', 'contact-recorded', 'professional', 'escalated'],
    ['accepted-by-team', 'contact-recorded', 'professional', 'accepted-by-team'],
    ['offered', 'contact-recorded', 'professional', 'refused'],
    ['accepted-by-team', 'contact-attempted', 'professional', 'accepted-by-team'],
    ['closed', 'contact-attempted', 'professional', 'refused'],
    ['accepted-by-team', 'team-finished', 'professional', 'done'],
    ['escalated', 'team-finished', 'professional', 'refused'],
    ['accepted-by-team', 'team-finished', 'volunteer', 'refused'],
    ['escalated', 'message-sent', 'professional', 'escalated'],
    ['escalated', 'message-sent', 'volunteer', 'refused'],
    ['closed', 'note-added', 'professional', 'closed'],
    ['offered', 'note-added', 'volunteer', 'refused'],
    ['accepted-by-team', 'wmo-step-recorded', 'professional', 'accepted-by-team'],
    ['closed', 'wmo-step-recorded', 'professional', 'closed'],
    ['closed', 'concern-acknowledged', 'professional', 'closed'],
    ['claimed', 'concern-acknowledged', 'volunteer', 'refused'],
    ['closed', 'concern-closed', 'professional', 'closed'],
    ['offered', 'concern-closed', 'system', 'refused'],
    ['escalated', 'accepted-by-team', 'professional', 'accepted-by-team'],
    ['escalated', 'accepted-by-team', 'volunteer', 'refused'],
    ['offered', 'accepted-by-team', 'professional', 'refused'],
    ['accepted-by-team', 'sent-back-to-zeroth-line', 'professional', 'matching'],
    ['escalated', 'sent-back-to-zeroth-line', 'professional', 'refused'],
    ['accepted-by-team', 'referred', 'professional', 'referred'],
    ['accepted-by-team', 'referred', 'system', 'refused'],
    ['referred', 'closed', 'professional', 'closed'],
    ['submitted', 'closed', 'system', 'closed'],
    ['not-solved', 'closed', 'professional', 'closed'],
    ['offered', 'closed', 'professional', 'refused'],
    ['accepted-by-team', 'closed', 'resident', 'refused'],
    ['offered', 'withdrawn', 'resident', 'withdrawn'],
    ['accepted-by-team', 'withdrawn', 'resident', 'withdrawn'],
    ['offered', 'withdrawn', 'system', 'refused'],
    ['in-progress', 'information-requested', 'volunteer', 'in-progress'],
    ['escalated', 'information-requested', 'professional', 'escalated'],
    ['offered', 'information-requested', 'resident', 'refused'],
    ['escalated', 'resident-replied', 'resident', 'escalated'],
    ['escalated', 'resident-replied', 'volunteer', 'refused'],
    ['closed', 'feedback-given', 'resident', 'closed'],
    ['done', 'feedback-given', 'resident', 'refused'],
    ['withdrawn', 'personal-data-erased', 'system', 'withdrawn'],
    ['offered', 'personal-data-erased', 'resident', 'offered'],
    ['closed', 'personal-data-erased', 'volunteer', 'refused'],
    ['closed', 'concern-raised', 'volunteer', 'closed'],
    ['in-progress', 'concern-raised', 'volunteer', 'in-progress'],
    ['in-progress', 'concern-raised', 'system', 'refused'],
    ['closed', 'claimed', 'volunteer', 'refused'],
    ['withdrawn', 'escalated', 'system', 'refused'],
  ];
  it.each(CASES)('%s --%s by %s--> %s', (from, type, actor, expected) => {
    if (expected === 'refused') expect(() => nextState(from, type, { kind: actor })).toThrow(DomainError);
    else expect(nextState(from, type, { kind: actor })).toBe(expected);
  });

  it('the cases above name every event', () => {
    expect(new Set(CASES.map(([, type]) => type))).toEqual(new Set(EVENT_TYPES.filter((t) => t !== 'submitted')));
  });

  it('a request starts only by being submitted, once', () => {
    expect(nextState(null, 'submitted', { kind: 'resident' })).toBe('submitted');
    expect(() => nextState('submitted', 'submitted', { kind: 'resident' })).toThrow(/cannot happen/);
    expect(() => nextState(null, 'claimed', { kind: 'volunteer' })).toThrow(DomainError);
  });

  it('closed and withdrawn requests stay so: only erasure and feedback are recorded, the rest is request-closed', () => {
    for (const state of FINAL_STATES) {
      for (const type of transitionTypes) {
        if ((TRANSITIONS[type].from as readonly string[]).includes(state)) {
          // What may still be recorded on a closed request: erasure, feedback, a concern and the team's reading
          // of it, the team's notes, and the Wmo procedure (a melding outlives the request that started it).
          expect([
            'personal-data-erased',
            'feedback-given',
            'concern-raised',
            'concern-acknowledged',
            'concern-closed',
            'note-added',
            'wmo-step-recorded',
          ]).toContain(type);
          expect(TRANSITIONS[type].to).toBeNull();
          continue;
        }
        try {
          nextState(state, type, { kind: 'system' });
          expect.unreachable();
        } catch (error) {
          expect((error as DomainError).code).toBe('request-closed');
        }
      }
    }
  });

  it('deriveState replays a log and rejects a gap in the sequence', () => {
    const log: RequestEvent[] = [
      { seq: 1, type: 'submitted', at: 't', actor: { kind: 'resident' }, reason: '' },
      { seq: 2, type: 'matching-started', at: 't', actor: { kind: 'system' }, reason: '' },
      { seq: 3, type: 'claimed', at: 't', actor: { kind: 'volunteer', id: 'v' }, reason: '' },
    ];
    expect(deriveState(log)).toBe('claimed');
    expect(() => deriveState([log[0]!, { ...log[2]!, seq: 3 }])).toThrow(DomainError);
  });
});

// Random histories through the real engine on in-memory adapters: whatever residents, volunteers, the team
// and the clock do, in whatever order, the stored log replays to the stored state, nobody holds a request
// that is not held, a volunteer's load is the number of requests they hold, and a final request stays final.
const VOLUNTEERS = ['vol-fatima', 'vol-kees', 'racer-1'];
const step = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), who: fc.constantFrom(...VOLUNTEERS) }),
  fc.record({
    kind: fc.constantFrom('note' as const, 'release' as const, 'done' as const, 'professional' as const),
    who: fc.constantFrom(...VOLUNTEERS),
  }),
  fc.record({ kind: fc.constantFrom('solved' as const, 'not-solved' as const, 'withdraw' as const, 'erase' as const, 'reply' as const) }),
  fc.record({ kind: fc.constantFrom('team-accept' as const, 'team-send-back' as const, 'team-close' as const) }),
  fc.record({ kind: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 400 }) }),
);

describe('property: no history of commands breaks the ladder', () => {
  it('holds for 150 random histories of up to 25 commands on the real engine', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(step, { maxLength: 25 }), async (crisis, steps) => {
        const { engine, requests, volunteers, clock } = await engineInMemory();
        await volunteers.put([volunteer({ volunteerId: 'racer-1' })]);
        const { requestId } = await submit(engine, { ...groceries, dangerNow: crisis });
        let wasFinal = false;
        for (const s of steps) {
          const run = (): Promise<unknown> => {
            switch (s.kind) {
              case 'claim':
                return engine.claim(requestId, s.who);
              case 'note':
                return engine.noteProgress(requestId, s.who, 'bezig');
              case 'release':
                return engine.release(requestId, s.who, 'lukt niet');
              case 'done':
                return engine.markDone(requestId, s.who, 'klaar');
              case 'professional':
                return engine.needsProfessional(requestId, s.who, 'zorgen');
              case 'solved':
                return engine.confirmSolved(requestId);
              case 'not-solved':
                return engine.reportNotSolved(requestId, 'nog niet');
              case 'withdraw':
                return engine.withdraw(requestId, 'niet meer nodig');
              case 'erase':
                return engine.erasePersonalData(requestId, 'resident', 'weg ermee', []);
              case 'reply':
                return engine.residentReplied(requestId, []);
              case 'team-accept':
                return engine.acceptByTeam(requestId, 'pro-anouk');
              case 'team-send-back':
                return engine.sendBackToZerothLine(requestId, 'pro-anouk', 'buren kunnen dit');
              case 'team-close':
                return engine.close(requestId, 'pro-anouk', 'opgelost');
              case 'time':
                clock.advanceHours(s.hours);
                return engine.sweep();
            }
          };
          try {
            await run();
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError); // refused with a reason, never a crash
          }
          const head = (await requests.head(requestId))!;
          const events = await requests.events(requestId);
          expect(deriveState(events)).toBe(head.state);
          expect(head.version).toBe(events.length);
          if (head.claimedBy) expect(['claimed', 'in-progress']).toContain(head.state);
          if (wasFinal) expect(FINAL_STATES.has(head.state)).toBe(true);
          wasFinal = FINAL_STATES.has(head.state);
          const held = (await volunteers.profiles(VOLUNTEERS)).map((v) => [v.volunteerId, v.openClaims]);
          expect(held).toEqual(VOLUNTEERS.map((id) => [id, head.claimedBy === id ? 1 : 0]));
        }
      }),
      { numRuns: 150 },
    );
  });
});
