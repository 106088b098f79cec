// Telling "the store cannot answer now" from a fault of our own, without the SDK: the API's error handler, the
// site's error page and its host all ask this, and the pages must not pull the DynamoDB client in to do so.

/** What a client is told to wait before trying again when the store is unavailable (seconds). */
export const STORE_RETRY_AFTER_SECONDS = 5;

const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether an error means "the store cannot answer now" (a timeout, a refused or reset connection, a 5xx or a
 * throttle from DynamoDB) rather than a fault in our code: that is a 503 with Retry-After, never a 500.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { name, code, $metadata } = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (UNAVAILABLE_NAMES.has(name) || (code !== undefined && UNAVAILABLE_CODES.has(code))) return true;
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Node's own errors of a dead socket sometimes arrive wrapped.
  return error.cause !== undefined && error.cause !== error && isStoreUnavailable(error.cause);
}
