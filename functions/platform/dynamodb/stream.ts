// The table's stream as the notifier reads it: a new outbox item's image, as a notification.
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Notification } from '../outbox/notifications';

export function notificationOf(record: DynamoDBRecord): Notification | undefined {
  const image = record.dynamodb?.NewImage;
  return image ? (unmarshall(image as Parameters<typeof unmarshall>[0]) as Notification) : undefined;
}
