// Where a deployment keeps its server secrets: the key that signs referral links, and the key that makes a
// resident's private status link from their form's key. In AWS: Secrets Manager secrets (created by the
// stateful stack, so links outlive deployments), read once per cold start and cached for an hour. On this
// machine: the local platform's own keys (infra/local/platform.ts), or the plain variables when given.

/** Reads the signing key (the referral links' KeySource). */
export type KeySource = () => Promise<string>;

const CACHE_SECONDS = 3600;

export function linkKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeySource {
  return secretFromEnv(env, 'LINK_SIGNING_KEY', 'LINK_SIGNING_SECRET_ARN', 'referral link key');
}

/** The key of residents' status links (an HMAC over the form's or client's idempotency key). */
export function statusTokenKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeySource {
  return secretFromEnv(env, 'STATUS_TOKEN_KEY', 'STATUS_TOKEN_SECRET_ARN', 'status link key');
}

function secretFromEnv(env: NodeJS.ProcessEnv, plainVar: string, arnVar: string, what: string): KeySource {
  const plain = env[plainVar];
  if (plain) return () => Promise.resolve(plain);
  const secretId = env[arnVar];
  if (!secretId) return () => Promise.reject(new Error(`no ${what}: set ${arnVar} (AWS) or ${plainVar}`));
  return async () => {
    // Loaded when a key is first needed, not at a cold start: most requests never need one.
    const { getSecret } = await import('@aws-lambda-powertools/parameters/secrets');
    const key = await getSecret(secretId, { maxAge: CACHE_SECONDS });
    if (typeof key !== 'string') throw new Error(`the ${what} secret is not a string`);
    return key;
  };
}
