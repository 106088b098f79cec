// Sends the outbox: a DynamoDB stream delivers every new OUTBOX item (filtered in the CDK stack), and this
// function e-mails it through SES. A failed send fails the batch, so the stream retries it: nothing is lost.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { linkKeyFromEnv } from '../../platform/config/link-key';
import { currentMunicipality } from '../../platform/config/municipality';
import { ReferralLinks } from '../../initiatives/app/referral-links';
import { createLogger } from '../../platform/http/logger';
import { composeEmail } from './compose';
import { sendsNow } from '../../volunteers/app/digest';
import { createDocumentClient, storeConfigFromEnv } from '../../platform/dynamodb/client';
import { Repository } from '../../platform/dynamodb/repository';
import { addressBookOn } from '../../platform/dynamodb/address-book';
import { notificationOf } from '../../platform/dynamodb/stream';
import { SesMailer } from '../../platform/email/ses';

const logger = createLogger('wijkloket-notifier');
const store = storeConfigFromEnv();
const book = addressBookOn(new Repository(createDocumentClient(store), store.tableName));
const municipality = currentMunicipality();
const mailer = new SesMailer(process.env.SENDER_EMAIL ?? '');
const context = { siteUrl: process.env.SITE_URL ?? '', links: new ReferralLinks(linkKeyFromEnv()) };

export async function handler(event: DynamoDBStreamEvent): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const n = notificationOf(record);
    if (!n) continue;
    if (!sendsNow(n)) continue; // a non-urgent offer waits for the volunteer's daily digest
    try {
      const email = await composeEmail(book, municipality, n, context);
      if (!email) {
        logger.info('no address, not sent', { notificationId: n.notificationId, template: n.template, to: n.to.kind });
        continue;
      }
      await mailer.send(email);
      logger.info('sent', { notificationId: n.notificationId, template: n.template, to: n.to.kind });
    } catch (error) {
      logger.error('send failed', { notificationId: n.notificationId, error: error instanceof Error ? error.message : String(error) });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
}
