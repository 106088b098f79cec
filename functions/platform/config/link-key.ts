// Where a deployment keeps the key that signs referral links. In AWS: a Secrets Manager secret (created by
// the stateful stack, so links outlive deployments), read once per cold start and cached for an hour. On
// this machine: the local platform's own key (infra/local/platform.ts), or LINK_SIGNING_KEY when given.
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** Reads the signing key (the referral links' KeySource). */
export type KeySource = () => Promise<string>;

const CACHE_SECONDS = 3600;

export function linkKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeySource {
  const plain = env.LINK_SIGNING_KEY;
  if (plain) return () => Promise.resolve(plain);
  const secretId = env.LINK_SIGNING_SECRET_ARN;
  if (!secretId) return () => Promise.reject(new Error('no referral link key: set LINK_SIGNING_SECRET_ARN (AWS) or LINK_SIGNING_KEY'));
  return async () => {
    const key = await getSecret(secretId, { maxAge: CACHE_SECONDS });
    if (typeof key !== 'string') throw new Error('the referral link secret is not a string');
    return key;
  };
}
