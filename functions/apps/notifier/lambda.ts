// Sends the outbox: a DynamoDB stream delivers every new OUTBOX item (filtered in the CDK stack), and this
// function e-mails it through SES. A failed send fails the batch, so the stream retries it: nothing is lost.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { linkKeyFromEnv } from '../../platform/config/link-key';
import { currentMunicipality } from '../../platform/config/municipality';
import { ReferralLinks } from '../../initiatives/app/referral-links';
import type { Notification } from '../../platform/outbox/notifications';
import { createLogger } from '../../platform/http/logger';
import { composeEmail } from './compose';
import { sendsNow } from '../../volunteers/app/digest';
import { createDocumentClient, storeConfigFromEnv } from '../../platform/dynamodb/client';
import { Repository } from '../../platform/dynamodb/repository';

const logger = createLogger('wijkloket-notifier');
const store = storeConfigFromEnv();
const repo = new Repository(createDocumentClient(store), store.tableName);
const municipality = currentMunicipality();
const ses = new SESv2Client({});
const sender = process.env.SENDER_EMAIL ?? '';
const context = { siteUrl: process.env.SITE_URL ?? '', links: new ReferralLinks(linkKeyFromEnv()) };

export async function handler(event: DynamoDBStreamEvent): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const n = unmarshall(image as Parameters<typeof unmarshall>[0]) as Notification;
    if (!sendsNow(n)) continue; // a non-urgent offer waits for the volunteer's daily digest
    try {
      const email = await composeEmail(repo, municipality, n, context);
      if (!email) {
        logger.info('no address, not sent', { notificationId: n.notificationId, template: n.template, to: n.to.kind });
        continue;
      }
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: sender,
          Destination: { ToAddresses: [email.to] },
          Content: { Simple: { Subject: { Data: email.subject }, Body: { Text: { Data: email.body } } } },
        }),
      );
      logger.info('sent', { notificationId: n.notificationId, template: n.template, to: n.to.kind });
    } catch (error) {
      logger.error('send failed', { notificationId: n.notificationId, error: error instanceof Error ? error.message : String(error) });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
}
