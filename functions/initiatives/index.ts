// The initiatives context: the directory of citizen initiatives (also as Open Referral HSDS), and their referrals through signed links.
// Its one public face: other contexts and the apps import from here, never from its folders.
export * from './domain/initiative';
export * from './domain/referral-link';
export * from './app/ports';
export * from './app/hsds';
export { InitiativeDesk } from './app/initiative-desk';
export { ReferralDesk, type OpenedReferral } from './app/referral-desk';
export { ReferralLinks, type KeySource } from './app/referral-links';
