// The outbox in memory: for unit tests and simulations (the DynamoDB one is platform/dynamodb/outbox.ts).
import type { Notification, Outbox } from './notifications';

export class MemoryOutbox implements Outbox {
  private readonly once = new Set<string>();
  constructor(readonly sent: Notification[] = []) {}

  async queue(n: Notification): Promise<void> {
    this.sent.push(structuredClone(n));
  }

  async queueOnce(onceKey: string, n: Notification): Promise<boolean> {
    if (this.once.has(onceKey)) return false;
    this.once.add(onceKey);
    await this.queue(n);
    return true;
  }

  async between(from: string, to: string): Promise<Notification[]> {
    return this.sent
      .filter((n) => n.at >= from && n.at <= `${to}#~`)
      .sort((a, b) => a.at.localeCompare(b.at) || a.notificationId.localeCompare(b.notificationId));
  }
}
