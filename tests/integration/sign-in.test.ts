// Passwordless sign-in against DynamoDB Local: a code by e-mail (through the outbox), single use, hashed,
// limited in tries and per hour; sessions that expire and can be revoked; nothing reveals an address.
import { describe, expect, it } from 'vitest';
import { emailKey, hashSecret } from '../../functions/identity/domain/sign-in';
import { keys } from '../../functions/platform/dynamodb/keys';
import { deskOnFreshTable } from '../support/engine';

const FATIMA = 'fatima@vrijwilliger.example';

async function codeFromOutbox(services: Awaited<ReturnType<typeof deskOnFreshTable>>): Promise<string> {
  const items = await services.repo.queryPartition<{ template: string; params?: { code: string } }>(keys.outboxPartition);
  const code = items.filter((i) => i.template === 'sign-in-code').at(-1)?.params?.code;
  if (!code) throw new Error('no sign-in code in the outbox');
  return code;
}

describe('sign-in by e-mail code', () => {
  it('signs a demo volunteer in with the code from the outbox, once; the code is stored only as its hash', async () => {
    const services = await deskOnFreshTable();
    const account = await services.signIn['accounts'].accountFor(FATIMA);
    expect(account).toEqual({ kind: 'volunteer', id: 'vol-fatima' });
    expect(await services.signIn.requestCode(` ${FATIMA.toUpperCase()} `)).toBe('issued');
    const code = await codeFromOutbox(services);
    const stored = await services.repo.get(keys.signIn(emailKey(FATIMA)));
    expect(stored!.codeHash).toBe(hashSecret(code));
    expect(JSON.stringify(stored)).not.toContain(code);

    const signedIn = await services.signIn.signIn(FATIMA, code.toLowerCase().replace('-', ' '));
    expect(signedIn?.session.account).toEqual({ kind: 'volunteer', id: 'vol-fatima' });
    expect(await services.signIn.session(signedIn!.token)).toMatchObject({ account: { id: 'vol-fatima' } });
    expect(await services.signIn.signIn(FATIMA, code)).toBeNull(); // used up
  });

  it('counts twenty wrong guesses at once: the right code after them no longer works', async () => {
    const services = await deskOnFreshTable();
    await services.signIn.requestCode(FATIMA);
    const code = await codeFromOutbox(services);
    const wrong = code.startsWith('A') ? 'BBBB-BBBB' : 'AAAA-AAAA';
    const guesses = await Promise.all(Array.from({ length: 20 }, () => services.signIn.signIn(FATIMA, wrong)));
    expect(guesses.every((g) => g === null)).toBe(true);
    expect(await services.signIn.signIn(FATIMA, code)).toBeNull();
    expect((await services.repo.get<{ attempts: number }>(keys.signIn(emailKey(FATIMA))))!.attempts).toBe(5);
  });

  it('lets exactly one of two tries with the right code at once sign in', async () => {
    const services = await deskOnFreshTable();
    await services.signIn.requestCode(FATIMA);
    const code = await codeFromOutbox(services);
    const both = await Promise.all([services.signIn.signIn(FATIMA, code), services.signIn.signIn(FATIMA, code)]);
    expect(both.filter((b) => b !== null)).toHaveLength(1);
  });

  it('answers an unknown address exactly like a known one, and e-mails nobody', async () => {
    const services = await deskOnFreshTable();
    expect(await services.signIn.requestCode('nobody@example.nl')).toBe('issued');
    const mails = (await services.repo.queryPartition<{ template: string }>(keys.outboxPartition)).filter((i) => i.template === 'sign-in-code');
    expect(mails).toEqual([]);
    expect(await services.signIn.signIn('nobody@example.nl', 'AAAA-AAAA')).toBeNull();
  });

  it('stops a code after five wrong tries, and an address after five codes an hour', async () => {
    const services = await deskOnFreshTable();
    await services.signIn.requestCode(FATIMA);
    const code = await codeFromOutbox(services);
    for (let i = 0; i < 5; i++) expect(await services.signIn.signIn(FATIMA, 'ZZZZ-ZZZZ')).toBeNull();
    expect(await services.signIn.signIn(FATIMA, code)).toBeNull();
    for (let i = 0; i < 4; i++) {
      services.clock.advanceHours(0.01);
      expect(await services.signIn.requestCode(FATIMA)).toBe('issued');
    }
    expect(await services.signIn.requestCode(FATIMA)).toBe('too-many');
    services.clock.advanceHours(1.1);
    expect(await services.signIn.requestCode(FATIMA)).toBe('issued');
  });

  it('lets a code expire after fifteen minutes', async () => {
    const services = await deskOnFreshTable();
    await services.signIn.requestCode(FATIMA);
    const code = await codeFromOutbox(services);
    services.clock.advanceHours(0.26);
    expect(await services.signIn.signIn(FATIMA, code)).toBeNull();
  });

  it('lets only one of two simultaneous sign-ins with the same code win', async () => {
    const services = await deskOnFreshTable();
    await services.signIn.requestCode(FATIMA);
    const code = await codeFromOutbox(services);
    const results = await Promise.all([
      services.signIn.signIn(FATIMA, code),
      services.signIn.signIn(FATIMA, code),
      services.signIn.signIn(FATIMA, code),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('expire after eight hours, end on sign-out, and are all revoked at once', async () => {
    const services = await deskOnFreshTable();
    const sign = async () => {
      services.clock.advanceHours(0.02); // each code its own moment, so the newest is last in the outbox
      await services.signIn.requestCode(FATIMA);
      return (await services.signIn.signIn(FATIMA, await codeFromOutbox(services)))!.token;
    };
    const [a, b, c] = [await sign(), await sign(), await sign()];
    await services.signIn.signOut(a);
    expect(await services.signIn.session(a)).toBeUndefined();
    expect(await services.signIn.revokeAll({ kind: 'volunteer', id: 'vol-fatima' })).toBe(2);
    expect(await services.signIn.session(b)).toBeUndefined();
    expect(await services.signIn.session(c)).toBeUndefined();
    const d = await sign();
    services.clock.advanceHours(8.1);
    expect(await services.signIn.session(d)).toBeUndefined();
    expect(await services.signIn.session('not a token')).toBeUndefined();
  });
});
