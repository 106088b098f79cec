// Volunteers hear of fitting requests at most once a day, unless one is urgent (issue #5). An urgent offer
// is e-mailed at once; other offers stay in the outbox as a record and are gathered into one daily digest
// per volunteer, written to the outbox like any e-mail. Running the digest twice a day sends nothing twice.
import { randomUUID } from 'node:crypto';
import type { Notification, Outbox } from '../../platform/outbox/notifications';
import { DAY_MS, DIGEST_MARKER_DAYS } from '../../kernel/durations';
import type { VolunteerProfiles } from './ports';

/** Whether the notifier e-mails this outbox item now, or leaves it for the daily digest. */
export function sendsNow(n: Pick<Notification, 'template' | 'urgent' | 'to'>): boolean {
  return !(n.template === 'request-offered' && n.to.kind === 'volunteer' && !n.urgent);
}

/** Writes one digest per volunteer with non-urgent offers in the past day; returns how many were written. */
export async function writeDailyDigests(outbox: Outbox, volunteers: VolunteerProfiles, now: Date): Promise<number> {
  // Outbox sort keys start with the moment: the past day is one range, not the whole outbox.
  const items = await outbox.between(new Date(now.getTime() - DAY_MS).toISOString(), now.toISOString());
  const offers = new Map<string, number>();
  for (const n of items) {
    if (sendsNow(n)) continue;
    offers.set(n.to.id, (offers.get(n.to.id) ?? 0) + 1);
  }
  const approved = new Set((await volunteers.profiles([...offers.keys()])).filter((v) => v.status === 'approved').map((v) => v.volunteerId));
  let written = 0;
  const day = now.toISOString().slice(0, 10);
  for (const [volunteerId, count] of offers) {
    if (!approved.has(volunteerId)) continue; // paused or no longer approved: no digest
    const digest: Notification = {
      notificationId: randomUUID(),
      at: now.toISOString(),
      template: 'offers-digest',
      to: { kind: 'volunteer', id: volunteerId },
      urgent: false,
      params: { count: String(count) },
    };
    // One digest per volunteer per day.
    if (await outbox.queueOnce(`digest#${day}#${volunteerId}`, digest, new Date(now.getTime() + DIGEST_MARKER_DAYS * DAY_MS))) written++;
  }
  return written;
}
