// The outbox on the table: one partition ordered by moment, so a day of it is one range. Items carry ids,
// never addresses; the notifier (SES in AWS, /dev/outbox locally) composes and sends them.
import { outboxExpiry, type Notification, type Outbox } from '../outbox/notifications';
import { keys } from './keys';
import { AlreadyExistsError, type Item, type Key, type Repository } from './repository';

export function outboxItem(n: Notification): Item & Key {
  return { ...keys.outbox(n.at, n.notificationId), type: 'notification', ...n, expiresAt: outboxExpiry(n) };
}

export class OutboxStore implements Outbox {
  constructor(private readonly repo: Repository) {}

  async queue(n: Notification): Promise<void> {
    await this.repo.putMany([outboxItem(n)]);
  }

  async queueOnce(onceKey: string, n: Notification, until: Date): Promise<boolean> {
    try {
      // The marker first, under a condition: two runs at once queue one notification.
      await this.repo.create({ ...keys.outboxOnce(onceKey), type: 'outbox-once', expiresAt: Math.floor(until.getTime() / 1000) });
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
    await this.queue(n);
    return true;
  }

  /** The newest notifications, newest first (the development outbox page). */
  async newest(limit: number): Promise<Notification[]> {
    const items = await this.repo.newestInPartition<Notification & Item>(keys.outboxPartition, limit);
    return items.map(({ pk: _pk, sk: _sk, type: _t, expiresAt: _e, ...n }) => n as unknown as Notification);
  }

  async between(from: string, to: string): Promise<Notification[]> {
    const items = await this.repo.queryPartitionRange<Notification & Item>(keys.outboxPartition, from, `${to}#~`);
    return items.map(({ pk: _pk, sk: _sk, type: _t, expiresAt: _e, ...n }) => n as unknown as Notification);
  }
}
