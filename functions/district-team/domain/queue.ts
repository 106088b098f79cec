// The district team's queue, pure: why a request is in it, how late it is, and in which order the team sees
// it (crisis first, then the nearest deadline, then the longest waiting). The entries are the team's view of
// a request, built by the context's application layer from the stepped-care context's public face.

/** Why a request is in the team's queue (worded from the catalogue: `queue.reason.<code>`). */
export const QUEUE_REASONS = [
  'crisis',
  'asked-for-professional',
  'risk-topic',
  'no-consent-for-zeroth-line',
  'unreachable-for-helpers',
  'not-picked-up',
  'needs-professional',
  'concern',
  'formal-wmo-request',
  'not-solved-after-help',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

export function isQueueReason(value: unknown): value is QueueReason {
  return (QUEUE_REASONS as readonly unknown[]).includes(value);
}

export type Lateness = 'on-time' | 'late' | 'very-late';

export interface QueueEntry {
  requestId: string;
  crisis: boolean;
  reason: QueueReason;
  /** Since when the request waits for the team (ISO). */
  waitingSince: string;
  /** The team's response deadline, and the Wmo legal dates if it is a formal request (ISO). */
  responseDeadline?: string;
  wmoDeadlines?: readonly string[];
}

/** The earliest deadline that applies to an entry, if any. */
export function nearestDeadline(entry: Pick<QueueEntry, 'responseDeadline' | 'wmoDeadlines'>): string | undefined {
  return [entry.responseDeadline, ...(entry.wmoDeadlines ?? [])].filter((d): d is string => Boolean(d)).sort()[0];
}

/**
 * On time before its deadline; late after it; very late once it is past by as long again as the time it had
 * (a request that waited twice its promise).
 */
export function lateness(entry: Pick<QueueEntry, 'waitingSince' | 'responseDeadline' | 'wmoDeadlines'>, now: Date): Lateness {
  const deadline = nearestDeadline(entry);
  if (!deadline) return 'on-time';
  const due = Date.parse(deadline);
  if (now.getTime() <= due) return 'on-time';
  const given = Math.max(0, due - Date.parse(entry.waitingSince));
  return now.getTime() - due > given ? 'very-late' : 'late';
}

/** The queue's order: crisis first, then the nearest deadline (none last), then the longest waiting. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  if (a.crisis !== b.crisis) return a.crisis ? -1 : 1;
  const [da, db] = [nearestDeadline(a), nearestDeadline(b)];
  if (da !== db) {
    if (!da) return 1;
    if (!db) return -1;
    return da < db ? -1 : 1;
  }
  return a.waitingSince.localeCompare(b.waitingSince) || a.requestId.localeCompare(b.requestId);
}
