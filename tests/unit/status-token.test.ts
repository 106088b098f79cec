// A resident's private status link, derived from the form's or client's idempotency key with a server secret:
// the same key and secret give the same link (a retry), and without the secret nobody can work it out.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { statusTokenFor } from '../../functions/stepped-care/app/resident-desk';
import { isRandomIdempotencyKey } from '../../functions/kernel/reference';

describe('status links from idempotency keys', () => {
  const key = '6f1c2a9e-8d3b-4c7a-9e21-5b0d4f3a7c18';

  it('are the same for a retry, and depend on the server secret', () => {
    expect(statusTokenFor(key, 'secret-a')).toBe(statusTokenFor(key, 'secret-a'));
    expect(statusTokenFor(key, 'secret-a')).not.toBe(statusTokenFor(key, 'secret-b'));
    expect(statusTokenFor(key, 'secret-a')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('cannot be derived from the key alone (the unkeyed hash of before)', () => {
    const unkeyed = createHash('sha256').update(`wijkloket-status-token:${key}`, 'utf8').digest('base64url');
    expect(statusTokenFor(key, 'secret-a')).not.toBe(unkeyed);
  });

  it('accept only random UUIDs as client keys', () => {
    expect(isRandomIdempotencyKey(key)).toBe(true);
    expect(isRandomIdempotencyKey(crypto.randomUUID())).toBe(true);
    expect(isRandomIdempotencyKey('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(isRandomIdempotencyKey('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(isRandomIdempotencyKey('12345678-1234-1234-1234-123456789012')).toBe(false);
    expect(isRandomIdempotencyKey('not-a-uuid')).toBe(false);
  });
});
