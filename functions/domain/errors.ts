// Typed domain errors. The HTTP layer maps each code to a translated problem (functions/http/problem.ts);
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
  | 'lookup-failed';

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
