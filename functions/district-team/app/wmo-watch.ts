// The Wmo watch: once a day, the team is warned by e-mail of every formal Wmo request in its queue whose legal
// deadline ends within a week, and again when it has passed; each warning once per deadline.
import { DAY_MS, WMO_WARNING_DAYS } from '../../kernel/durations';
import type { Municipality } from '../../kernel/municipality';
import type { Notification, Outbox } from '../../platform/outbox/notifications';
import { runningWmoDeadlines, type RequestLog } from '../../stepped-care/index';
import { QUEUE_PAGE } from './team-desk';

export interface WmoWatchDeps {
  requests: Pick<RequestLog, 'teamQueue'>;
  outbox: Pick<Outbox, 'queueOnce'>;
  municipality: Municipality;
  newId: () => string;
}

/** Writes the day's warnings to the outbox; how many were new. */
export async function writeWmoWarnings({ requests, outbox, municipality, newId }: WmoWatchDeps, now: Date): Promise<number> {
  let written = 0;
  for (const district of municipality.districts) {
    for (const head of await requests.teamQueue(district.id, QUEUE_PAGE)) {
      for (const deadline of runningWmoDeadlines(head.wmo)) {
        const left = Date.parse(deadline) - now.getTime();
        const template = left < 0 ? 'wmo-deadline-passed' : left <= WMO_WARNING_DAYS * DAY_MS ? 'wmo-deadline-near' : undefined;
        if (!template) continue;
        const notification: Notification = {
          notificationId: newId(),
          at: now.toISOString(),
          template,
          to: { kind: 'team', id: district.id },
          requestId: head.requestId,
          urgent: template === 'wmo-deadline-passed',
        };
        // Kept until the deadline is long gone: one warning of each kind per deadline.
        const until = new Date(Date.parse(deadline) + 30 * DAY_MS);
        if (await outbox.queueOnce(`${template}#${head.requestId}#${deadline}`, notification, until)) written++;
      }
    }
  }
  return written;
}
