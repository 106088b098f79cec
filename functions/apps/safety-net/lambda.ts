// The safety net in AWS, invoked two ways:
//   - by an EventBridge schedule every few minutes: one sweep moves every request whose deadline passed one
//     step up the ladder (running two at once is safe, see engine.sweep), and removes residents' personal
//     data past its retention moment (DynamoDB's TTL may lag days);
//   - by the table stream, for each new request waiting for its first offer (deferred matching): it matches
//     at once. A failed record is retried by the stream, and the next sweep matches it in any case;
//   - by a daily schedule with { digest: true }: one e-mail per volunteer with the day's non-urgent offers,
//     and the team's warnings of Wmo deadlines within a week or past.
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { storeConfigFromEnv } from '../../platform/dynamodb/client';
import { OutboxStore } from '../../platform/dynamodb/outbox';
import { createLogger } from '../../platform/http/logger';
import { createCoreServices } from '../wiring/core-services';
import { safetyNet } from './run';

const logger = createLogger('wijkloket-safety-net');
const { engine, desk, repo, volunteers, requests, municipality } = createCoreServices(storeConfigFromEnv());
const net = safetyNet({ engine, desk, outbox: new OutboxStore(repo), volunteers, requests, municipality, logger });

type Result = { actions: number; erased: number } | { digests: number } | { batchItemFailures: { itemIdentifier: string }[] };

export async function handler(event: Partial<DynamoDBStreamEvent> & { digest?: boolean } = {}): Promise<Result> {
  if (Array.isArray(event.Records)) return matchNew(event as DynamoDBStreamEvent);
  if (event.digest) return { digests: await net.digest() };
  return net.sweep();
}

async function matchNew(event: DynamoDBStreamEvent): Promise<Result> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const requestId = record.dynamodb?.NewImage?.requestId?.S;
    if (!requestId) continue;
    try {
      const head = await net.matchNow(requestId);
      logger.info('matched', { requestId, state: head.state });
    } catch (error) {
      logger.error('matching failed', { requestId, error: error instanceof Error ? error.message : String(error) });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures: failures };
}
