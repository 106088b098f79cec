// Plain test data shared by tests and benchmarks (no Vitest imports here, so `npm run bench` can use it).
import type { ResidentIntake } from '../../functions/stepped-care/domain/intake';
import { DomainError } from '../../functions/kernel/errors';
import type { Volunteer } from '../../functions/volunteers/index';
import type { Municipality } from '../../functions/kernel/municipality';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import type { Intake, SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { parseNewRequest } from '../../functions/stepped-care/domain/new-request';

/** A complete, valid resident intake (groceries in Zaandam-Zuid, contact by e-mail). */
export function intake(overrides: Partial<ResidentIntake> = {}): ResidentIntake {
  return {
    topicId: 'groceries-errands',
    description: 'Ik kan door mijn heup niet naar de supermarkt. Bel me op 06-12345678.',
    postcode: '1502 AB',
    visitNeeded: false,
    urgency: 'this-week',
    dangerNow: false,
    forWhom: 'myself',
    language: 'nl',
    contact: { method: 'email', email: 'anna@example.nl' },
    firstName: 'Anna',
    consent: { volunteers: true, initiatives: true },
    wantsProfessional: false,
    formalWmoRequest: false,
    ...overrides,
  };
}

/** The DomainError code a promise rejects with, or 'resolved'; anything else is rethrown. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

export class TestClock {
  constructor(public now: Date) {}
  advanceHours(hours: number): void {
    this.now = new Date(this.now.getTime() + hours * 3_600_000);
  }
  read = () => this.now;
}

export function volunteer(overrides: Partial<Volunteer> & { volunteerId: string }): Volunteer {
  return {
    name: overrides.volunteerId,
    email: `${overrides.volunteerId}@vrijwilliger.example`,
    status: 'approved',
    homeDistrictId: 'zaandam-zuid',
    districts: ['zaandam-zuid'],
    maxDistanceKm: 2,
    topics: ['groceries-errands'],
    languages: ['nl'],
    availableDays: [1, 2, 3, 4, 5, 6, 7],
    openClaims: 0,
    maxOpenClaims: 3,
    ...overrides,
  };
}

export const groceries = {
  topicId: 'groceries-errands',
  description: 'Ik kan door mijn heup niet naar de supermarkt. Wie kan boodschappen doen?',
  urgency: 'this-week',
  dangerNow: false,
  wantsProfessional: false,
  formalWmoRequest: false,
  postcode: '1502 AB',
  language: 'nl',
};

/** The key test services sign referral links with (the local platform makes its own). */
export const TEST_LINK_KEY = 'test-link-key-'.repeat(4);

/**
 * What the engine takes, from a flat test intake (request fields plus an idempotency or household key):
 * the request validated and resolved at the boundary, as the desk does for a resident's form.
 */
export function intakeFor(raw: Record<string, unknown>, municipality: Municipality = currentMunicipality('zaanstad')): Intake {
  const { idempotencyKey, householdKey, ...request } = raw;
  return {
    request: parseNewRequest(request, municipality),
    ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
    ...(typeof householdKey === 'string' ? { householdKey } : {}),
  };
}

/** Submits a flat test intake; a refusal at the boundary is a rejected promise, like one from the engine. */
export async function submit(engine: SteppedCareEngine, raw: Record<string, unknown>) {
  return engine.submit(intakeFor(raw));
}

/** The server secrets of test services: referral links and status links. */
export const TEST_KEYS = {
  linkKey: () => Promise.resolve(TEST_LINK_KEY),
  statusTokenKey: () => Promise.resolve('test-status-token-key'),
};
