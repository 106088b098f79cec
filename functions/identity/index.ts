// The identity context: accounts, passwordless sign-in, sessions, staff roles, and the one access policy.
// Its one public face: other contexts and the apps import from here, never from its folders.
export * from './domain/access-policy';
export * from './domain/sign-in';
export * from './domain/passkey';
export { SignInDesk } from './app/sign-in-desk';
export { PasskeyDesk, type PasskeyStatus, type RelyingParty } from './app/passkey-desk';
export type { Accounts, Passkeys } from './app/ports';
