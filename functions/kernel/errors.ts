// Typed domain errors. The HTTP layer maps each code to a translated problem (functions/platform/http/problem.ts);
// the domain itself never speaks HTTP and never changes anything when it throws one.
export type DomainErrorCode =
  | 'unknown-topic'
  | 'postcode-outside'
  | 'invalid-request'
  | 'illegal-transition'
  | 'request-not-found'
  | 'request-closed'
  | 'already-claimed'
  | 'volunteer-not-eligible'
  | 'volunteer-not-found'
  | 'concurrent-change'
  | 'status-link-invalid'
  | 'lookup-failed'
  | 'forbidden'
  | 'concern-exists'
  /** An idempotency key used again with another body: the first answer belongs to someone else's request. */
  | 'idempotency-key-reused'
  /** A referral link that is malformed, not signed by us, or expired (details.reason says which). */
  | 'referral-link-invalid'
  /** The referral moved on: answered already, taken by someone else, or the request went elsewhere. */
  | 'referral-not-open';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * True for a DomainError, also one from another copy of this module: the site's server bundle has its own
 * copy, while the services it is handed (and their errors) come from the host's.
 */
export function isDomainError(error: unknown, ...codes: DomainErrorCode[]): error is DomainError {
  if (!(error instanceof Error) || error.name !== 'DomainError' || !('code' in error)) return false;
  return codes.length === 0 || codes.includes((error as DomainError).code);
}
