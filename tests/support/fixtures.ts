// Plain test data shared by tests and benchmarks (no Vitest imports here, so `npm run bench` can use it).
import type { ResidentIntake } from '../../functions/stepped-care/domain/intake';
import { DomainError } from '../../functions/kernel/errors';

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
