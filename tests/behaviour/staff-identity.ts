// Staff identity: sessions that end when idle, passkeys kept once per credential, enrolment rights (first,
// additional, recovery by the team lead, never by e-mail alone), and the checks before any cryptography. The
// WebAuthn ceremony itself runs in Chromium with a virtual authenticator (tests/e2e/district-team.test.ts).
// On the in-memory adapters (tests/unit) and on DynamoDB Local (tests/integration).
import { describe, expect, it } from 'vitest';
import type { Accounts, Passkey, PasskeyDesk, Passkeys, SignInDesk } from '../../functions/identity/index';
import type { Outbox } from '../../functions/platform/outbox/notifications';
import { codeOf, type TestClock } from '../support/fixtures';

export interface IdentityWorld {
  signIn: SignInDesk;
  passkeys: PasskeyDesk;
  passkeyStore: Passkeys;
  accounts: Accounts;
  outbox: Outbox;
  clock: TestClock;
}

const passkey = (credentialId: string, createdAt = '2026-11-24T09:00:00.000Z'): Passkey => ({
  credentialId,
  publicKey: Buffer.from(`public-key-of-${credentialId}`).toString('base64url'),
  counter: 0,
  createdAt,
});

const ID_OF: Record<string, string> = {
  'anouk.devries@zaanstad.example': 'pro-anouk',
  'marieke.bakker@zaanstad.example': 'lead-marieke',
  'fatima@vrijwilliger.example': 'vol-fatima',
};

/** Signs in with the e-mail code, read from the outbox as the person would read their mail. */
async function signInWithCode(w: IdentityWorld, email: string) {
  w.clock.advanceHours(1 / 3600); // a second later: the newest mail is the newest code
  await w.signIn.requestCode(email);
  const mails = await w.outbox.between('0', '~');
  const code = mails.findLast((m) => m.template === 'sign-in-code' && m.to.id === ID_OF[email])?.params?.code;
  const signed = await w.signIn.signIn(email, code ?? '');
  if (!signed) throw new Error(`no session for ${email}`);
  return signed;
}

export function staffIdentityBehaviour(adapter: string, fresh: () => Promise<IdentityWorld>): void {
  describe(`staff identity on ${adapter}`, () => {
    it('ends a staff session after 30 minutes without use; use keeps it; a volunteer’s lasts its hours', async () => {
      const w = await fresh();
      const staff = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      const volunteer = await signInWithCode(w, 'fatima@vrijwilliger.example');
      expect(staff.session.secondFactor).toBe(false);
      w.clock.advanceHours(20 / 60);
      expect(await w.signIn.session(staff.token)).toBeDefined(); // used: idle time starts again
      w.clock.advanceHours(20 / 60);
      expect(await w.signIn.session(staff.token)).toBeDefined();
      w.clock.advanceHours(31 / 60);
      expect(await w.signIn.session(staff.token)).toBeUndefined();
      expect(await w.signIn.session(volunteer.token)).toBeDefined();
    });

    it('keeps a credential id once, to one person, and marks the person as enrolled', async () => {
      const w = await fresh();
      expect(await w.passkeyStore.passkeyState('pro-anouk')).toEqual({ everEnrolled: false });
      await w.passkeyStore.addPasskey('pro-anouk', passkey('cred-a'));
      expect(await codeOf(w.passkeyStore.addPasskey('lead-marieke', passkey('cred-a')))).toBe('invalid-request');
      expect(await w.passkeyStore.ownerOf('cred-a')).toBe('pro-anouk');
      expect((await w.passkeyStore.passkeys('pro-anouk')).map((p) => p.credentialId)).toEqual(['cred-a']);
      expect(await w.passkeyStore.passkeys('lead-marieke')).toEqual([]);
      expect(await w.passkeyStore.passkeyState('pro-anouk')).toEqual({ everEnrolled: true });
      await w.passkeyStore.usePasskey('pro-anouk', 'cred-a', 7, '2026-11-24T10:00:00.000Z');
      expect(await w.passkeyStore.passkeys('pro-anouk')).toEqual([{ ...passkey('cred-a'), counter: 7, lastUsedAt: '2026-11-24T10:00:00.000Z' }]);
    });

    it('lets the first passkey be made after the code, but a lost one only after the team lead permits recovery', async () => {
      const w = await fresh();
      const first = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      expect((await w.passkeys.status(first.session)).right).toBe('first');
      await w.passkeyStore.addPasskey('pro-anouk', passkey('cred-lost'));
      // Lost it: the e-mail code alone gives no right to a new one.
      const again = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      expect((await w.passkeys.status(again.session)).right).toBe('none');
      expect(await codeOf(w.passkeys.registrationOptions(again.token, again.session))).toBe('forbidden');
      expect(await codeOf(w.passkeys.register(again.token, again.session, { id: 'x' }))).toBe('forbidden');

      // Recovery: only the team lead, signed in with a passkey, for a colleague of their districts.
      const lead = await signInWithCode(w, 'marieke.bakker@zaanstad.example');
      expect(await codeOf(w.passkeys.permitRecovery(lead.session, 'pro-anouk'))).toBe('forbidden'); // code only
      await w.accounts.elevateSession(lead.token);
      const elevated = (await w.signIn.session(lead.token))!;
      expect(await codeOf(w.passkeys.permitRecovery(elevated, 'pro-samir'))).toBe('invalid-request'); // Wormerveer, Zaandijk
      expect(await codeOf(w.passkeys.permitRecovery({ ...again.session, secondFactor: true }, 'lead-marieke'))).toBe('forbidden');
      await w.passkeys.permitRecovery(elevated, 'pro-anouk');
      expect(await w.passkeyStore.passkeys('pro-anouk')).toEqual([]);
      expect(await w.passkeyStore.ownerOf('cred-lost')).toBeUndefined();
      expect(await w.signIn.session(again.token)).toBeUndefined(); // signed out everywhere
      const recovering = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      expect((await w.passkeys.status(recovering.session)).right).toBe('recovery');
      // The new passkey uses the permit up: after it, the code alone gives no right again.
      await w.passkeyStore.addPasskey('pro-anouk', passkey('cred-new'));
      const later = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      expect((await w.passkeys.status(later.session)).right).toBe('none');
    });

    it('refuses a passkey of another account before any cryptography, and never removes the last passkey', async () => {
      const w = await fresh();
      await w.passkeyStore.addPasskey('lead-marieke', passkey('cred-marieke'));
      await w.passkeyStore.addPasskey('pro-anouk', passkey('cred-anouk'));
      const anouk = await signInWithCode(w, 'anouk.devries@zaanstad.example');
      await w.passkeys.authenticationOptions(anouk.token, anouk.session);
      const withChallenge = (await w.signIn.session(anouk.token))!;
      expect(withChallenge.challenge?.value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(await codeOf(w.passkeys.authenticate(anouk.token, withChallenge, { id: 'cred-marieke', response: {} }))).toBe('forbidden');
      expect(await codeOf(w.passkeys.authenticate(anouk.token, withChallenge, { id: 'cred-unknown', response: {} }))).toBe('forbidden');
      expect(await codeOf(w.passkeys.authenticate(anouk.token, withChallenge, 'not an answer'))).toBe('invalid-request');
      // A forged answer for her own passkey fails the library's checks: refused input, not a crash.
      expect(
        await codeOf(
          w.passkeys.authenticate(anouk.token, withChallenge, { id: 'cred-anouk', rawId: 'cred-anouk', type: 'public-key', response: {} }),
        ),
      ).toBe('invalid-request');
      expect((await w.signIn.session(anouk.token))!.secondFactor).toBe(false);
      // Managing passkeys needs the second factor; the last one stays.
      expect(await codeOf(w.passkeys.remove(anouk.session, 'cred-anouk'))).toBe('forbidden');
      await w.accounts.elevateSession(anouk.token);
      const elevated = (await w.signIn.session(anouk.token))!;
      expect(await codeOf(w.passkeys.remove(elevated, 'cred-anouk'))).toBe('invalid-request');
      expect(await codeOf(w.passkeys.remove(elevated, 'cred-marieke'))).toBe('invalid-request');
      // The challenge expires: a late answer is refused.
      await w.passkeys.authenticationOptions(anouk.token, elevated);
      w.clock.advanceHours(6 / 60);
      const late = (await w.signIn.session(anouk.token))!;
      expect(
        await codeOf(w.passkeys.authenticate(anouk.token, late, { id: 'cred-anouk', rawId: 'cred-anouk', type: 'public-key', response: {} })),
      ).toBe('invalid-request');
    });

    it('has no passkeys for volunteers', async () => {
      const w = await fresh();
      const fatima = await signInWithCode(w, 'fatima@vrijwilliger.example');
      expect(await codeOf(w.passkeys.status(fatima.session))).toBe('forbidden');
    });
  });
}
