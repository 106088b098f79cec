// A per-client rate limit kept in memory: fixed one-minute windows, counted per key. In AWS the real limit
// is the WAF rate rule on CloudFront (one Lambda instance sees only part of the traffic); this one protects
// the local platform and stands behind the WAF as a second line inside each warm instance.
export interface RateLimitOptions {
  /** Requests per window per client. */
  limit: number;
  windowMs?: number;
  /** Bound on the clients remembered; the oldest window is dropped first. */
  maxClients?: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly windowMs: number;
  private readonly maxClients: number;

  constructor(private readonly options: RateLimitOptions) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Counts one request; returns the seconds to wait when the client is over its limit, else 0. */
  take(client: string, now = Date.now()): number {
    const current = this.windows.get(client);
    if (!current || now - current.start >= this.windowMs) {
      this.windows.delete(client);
      this.windows.set(client, { start: now, count: 1 });
      if (this.windows.size > this.maxClients) this.windows.delete(this.windows.keys().next().value!);
      return 0;
    }
    current.count += 1;
    return current.count > this.options.limit ? Math.ceil((current.start + this.windowMs - now) / 1000) : 0;
  }
}

/** How an app tells clients apart for its rate limit. */
export type ClientAddress = (request: Request) => string;

/**
 * Behind CloudFront and API Gateway: the first X-Forwarded-For address (CloudFront sets it). A client can
 * put its own addresses in front, so in AWS the WAF rule is the limit that counts; this one is a second line.
 */
export const forwardedClient: ClientAddress = (request) => request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';

/** The header the local platform sets from the socket's address, overwriting whatever a client sent. */
export const CLIENT_ADDRESS_HEADER = 'x-wijkloket-client';

/** Under `npm start`: the socket's address, as the local server put it in CLIENT_ADDRESS_HEADER. */
export const localClient: ClientAddress = (request) => request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
