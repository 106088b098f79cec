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
  type Actor,
  type ActorKind,
  type EventType,
  type RequestEvent,
  type RequestState,
} from '../../functions/stepped-care/domain/lifecycle';

const ACTORS: ActorKind[] = ['resident', 'volunteer', 'initiative', 'professional', 'system'];
const transitionTypes = Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[];

describe('transition table', () => {
  it('every transition leads to a known state, from known states', () => {
    for (const [type, t] of Object.entries(TRANSITIONS)) {
      for (const from of t.from) expect(STATES, type).toContain(from);
      if (t.to) expect(STATES, type).toContain(t.to);
    }
  });

  // Every (state, event, actor) combination: allowed exactly when the table says so.
  for (const state of STATES) {
    for (const type of transitionTypes) {
      for (const actor of ACTORS) {
        const t = TRANSITIONS[type];
        const allowed = (t.from as readonly string[]).includes(state) && (t.by as readonly string[]).includes(actor);
        it(`${state} --${type} by ${actor}--> ${allowed ? (t.to ?? state) : 'rejected'}`, () => {
          if (allowed) {
            expect(nextState(state, type, { kind: actor })).toBe(t.to ?? state);
          } else {
            expect(() => nextState(state, type, { kind: actor })).toThrow(DomainError);
          }
        });
      }
    }
  }

  it('a request starts only by being submitted, once', () => {
    expect(nextState(null, 'submitted', { kind: 'resident' })).toBe('submitted');
    expect(() => nextState('submitted', 'submitted', { kind: 'resident' })).toThrow(/cannot happen/);
    expect(() => nextState(null, 'claimed', { kind: 'volunteer' })).toThrow(DomainError);
  });

  it('closed and withdrawn requests stay so: only erasure and feedback are recorded, the rest is request-closed', () => {
    for (const state of FINAL_STATES) {
      for (const type of transitionTypes) {
        if ((TRANSITIONS[type].from as readonly string[]).includes(state)) {
          expect(['personal-data-erased', 'feedback-given', 'concern-raised']).toContain(type);
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

// A small model of a request, driven by random commands through the domain's transition table: whatever
// the order, it never reaches an unknown state and never has two claimers.
interface Model {
  state: RequestState;
  claimedBy?: string;
  log: RequestEvent[];
}

function apply(model: Model, type: EventType, actor: Actor): Model {
  let state: RequestState;
  try {
    state = nextState(model.state, type, actor);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return model; // rejected: nothing changes
  }
  const takes = type === 'claimed' || type === 'referral-accepted';
  const letsGo = ['released', 'needs-professional', 'withdrawn', 'marked-done', 'referral-closed', 'referral-returned'].includes(type);
  const claimedBy = takes ? actor.id : letsGo ? undefined : model.claimedBy;
  const log = [...model.log, { seq: model.log.length + 1, type, at: 't', actor, reason: '' }];
  return { state, ...(claimedBy ? { claimedBy } : {}), log };
}

describe('property: no sequence of commands reaches an illegal state or double-claims', () => {
  const command = fc.record({
    type: fc.constantFrom(...(EVENT_TYPES.filter((t) => t !== 'submitted') as EventType[])),
    actor: fc.constantFrom<Actor>(
      { kind: 'resident' },
      { kind: 'system' },
      { kind: 'professional', id: 'pro-1' },
      { kind: 'volunteer', id: 'vol-a' },
      { kind: 'volunteer', id: 'vol-b' },
      { kind: 'volunteer', id: 'vol-c' },
      { kind: 'initiative', id: 'buurtkamer' },
    ),
  });

  it('holds for 2,000 random histories of up to 60 commands', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let model: Model = { state: 'submitted', log: [{ seq: 1, type: 'submitted', at: 't', actor: { kind: 'resident' }, reason: '' }] };
        for (const { type, actor } of commands) {
          const before = model;
          model = apply(model, type, actor);
          expect(STATES).toContain(model.state);
          // A claim (or an initiative's acceptance) can only succeed when nobody holds the request.
          if ((type === 'claimed' || type === 'referral-accepted') && model !== before) expect(before.claimedBy).toBeUndefined();
          if (model.claimedBy) expect(['claimed', 'in-progress']).toContain(model.state);
          if (FINAL_STATES.has(before.state)) expect(model.state).toBe(before.state);
        }
        // The log is a legal history that replays to the same state.
        expect(deriveState(model.log)).toBe(model.state);
      }),
      { numRuns: 2000 },
    );
  });
});
