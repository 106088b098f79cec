// The stepped-care context: a resident's request and the ladder it climbs (triage, matching, claims, referrals, the safety net).
// Its one public face: other contexts and the apps import from here, never from its folders.
export * from './domain/access-facts';
export * from './domain/claiming';
export * from './domain/crisis';
export * from './domain/deadlines';
export * from './domain/feed-placement';
export * from './domain/intake';
export * from './domain/lifecycle';
export * from './domain/matching';
export * from './domain/new-request';
export * from './domain/offer-plan';
export * from './domain/redaction';
export * from './domain/referral';
export * from './domain/request';
export * from './domain/resident';
export * from './domain/resident-actions';
export * from './domain/safety-net';
export * from './domain/team-queue-placement';
export * from './domain/triage';
export { SteppedCareEngine, HeadCache, type EngineDeps, type Intake, type SubmitResult, type SweepCounts } from './app/engine';
export * from './app/ports';
export * from './app/intake-drafts';
export * from './app/resident-desk';
export * from './app/status-view';
export * from './app/wording';
