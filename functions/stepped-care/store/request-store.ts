// Help requests on DynamoDB: an append-only event log per request plus a head item that is the projection of
// those events (current state, version, pending deadline). Both are written in one transaction whose
// conditions make every change an optimistic, all-or-nothing step: no lost update, no double claim.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../kernel/errors';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Repository } from '../../platform/dynamodb/repository';
import { TABLE } from '../../platform/dynamodb/table-definition';
import type { Concern, Effect, FeedCard, RequestLog } from '../app/ports';
import { teamQueuePlacement } from '../domain/team-queue-placement';
import type { RequestEvent } from '../domain/lifecycle';
import type { DueKind, RequestHead } from '../domain/request';
import { writesOf, type TableWrite } from './effects';

export type { DueKind, RequestHead } from '../domain/request';

export class RequestStore implements RequestLog {
  constructor(
    private readonly repo: Repository,
    private readonly client: DynamoDBDocumentClient,
  ) {}

  async head(requestId: string): Promise<RequestHead | undefined> {
    const item = await this.repo.get<RequestHead & Item>(keys.requestHead(requestId));
    if (!item) return undefined;
    return headOf(item);
  }

  /** Heads of many requests, for reports and simulations, not for user paths. */
  async heads(requestIds: string[]): Promise<RequestHead[]> {
    return (await this.repo.getMany<RequestHead & Item>(requestIds.map((id) => keys.requestHead(id)))).map(headOf);
  }

  async events(requestId: string): Promise<RequestEvent[]> {
    const items = await this.repo.queryPartition<RequestEvent & Item>(keys.requestHead(requestId).pk, keys.requestEventPrefix);
    return items.map(({ seq, type, at, actor, reason, data }) => ({ seq, type, at, actor, reason, ...(data ? { data } : {}) }));
  }

  /**
   * Writes new events and the new head in one transaction. Fails with `concurrent-change` when another
   * writer moved the request first (head version or event sequence taken), or with the effect's own error
   * when its condition fails. Nothing is written when anything fails.
   */
  async commit(head: RequestHead, expectedVersion: number, events: RequestEvent[], effects: Effect[] = []): Promise<void> {
    const extra: TableWrite[] = effects.flatMap(writesOf);
    const table = this.repo.tableName;
    const pkName = TABLE.partitionKey.name;
    const headItem: Item = { ...keys.requestHead(head.requestId), type: 'request', ...head };
    if (head.due) Object.assign(headItem, keys.due(head.due.kind, head.due.at, head.requestId));
    const inQueue = teamQueuePlacement(head);
    if (inQueue)
      Object.assign(headItem, keys.teamQueueListing(inQueue.districtId, inQueue.crisis, inQueue.deadline, inQueue.since, inQueue.requestId));
    const headCondition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': pkName } as Record<string, string> }
        : {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' } as Record<string, string>,
            ExpressionAttributeValues: { ':version': expectedVersion },
          };
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      { Put: { TableName: table, Item: headItem, ...headCondition } },
      ...events.map((event) => ({
        Put: {
          TableName: table,
          Item: { ...keys.requestEvent(head.requestId, event.seq), entity: 'request-event', requestId: head.requestId, ...event },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': pkName },
        },
      })),
      ...extra.map((write) =>
        write.kind === 'delete'
          ? { Delete: { TableName: table, Key: write.key } }
          : write.kind === 'put'
            ? {
                Put: {
                  TableName: table,
                  Item: write.item,
                  ...(write.ifAbsent ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': pkName } } : {}),
                },
              }
            : {
                Update: {
                  TableName: table,
                  Key: write.key,
                  UpdateExpression: write.update,
                  ...(write.condition ? { ConditionExpression: write.condition } : {}),
                  ...(write.names ? { ExpressionAttributeNames: write.names } : {}),
                  ...(write.values ? { ExpressionAttributeValues: write.values } : {}),
                },
              },
      ),
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      const extraIndex = failed - 1 - events.length;
      if (failed > 0 && extraIndex >= 0) {
        const write = extra[extraIndex]!;
        throw write.onConditionFailed ?? new DomainError('concurrent-change', 'an item written with this change already exists');
      }
      if (failed >= 0) throw new DomainError('concurrent-change', `request ${head.requestId} was changed by someone else first`);
      if (reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw new DomainError('concurrent-change', `request ${head.requestId} is being changed by someone else`);
      }
      throw error;
    }
  }

  /**
   * Requests whose deadline has passed, oldest first: one Query on the due index (sparse: only requests
   * with a pending deadline have one), never a Scan.
   */
  async due(now: Date, limit = 500): Promise<{ requestId: string; kind: DueKind; at: string }[]> {
    const index = TABLE.globalSecondaryIndexes[0];
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.repo.tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk AND #sk <= :now',
        ExpressionAttributeNames: { '#pk': index.partitionKey.name, '#sk': index.sortKey.name },
        ExpressionAttributeValues: { ':pk': keys.duePartition, ':now': `${now.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => {
      const due = item.due as { kind: DueKind; at: string };
      return { requestId: item.requestId as string, kind: due.kind, at: due.at };
    });
  }

  /** The request an idempotency key created, if any. */
  async requestForIdempotencyKey(key: string): Promise<{ requestId: string; fingerprint?: string } | undefined> {
    const item = await this.repo.get<{ requestId: string; fingerprint?: string }>(keys.idempotency(key));
    return item && { requestId: item.requestId, ...(item.fingerprint ? { fingerprint: item.fingerprint } : {}) };
  }

  async hasConcern(requestId: string, volunteerId: string): Promise<boolean> {
    return (await this.repo.get(keys.concern(requestId, volunteerId))) !== undefined;
  }

  /** One Query on the team-queue index (sparse: only requests the team has are on it), in the queue's order. */
  async teamQueue(districtId: string, limit: number): Promise<RequestHead[]> {
    const items = await this.repo.queryIndexRange<Item>('gsi3', keys.teamQueuePartition(districtId), '0', '2', limit);
    return items.map(headOf);
  }

  async concerns(districtId: string, limit: number): Promise<Concern[]> {
    const items = await this.repo.queryIndexRange<Item>('gsi1', keys.concernQueuePartition(districtId), '0', '9', limit);
    return items.map(concernOf);
  }

  async concernsOf(requestId: string): Promise<Concern[]> {
    return (await this.repo.queryPartition<Item>(keys.requestHead(requestId).pk, keys.concernPrefix)).map(concernOf);
  }

  async feedCard(requestId: string): Promise<FeedCard | undefined> {
    const item = await this.repo.get<FeedCard & Item>(keys.feedCard(requestId));
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, type: _t, ...card } = item;
    return card as unknown as FeedCard;
  }
}

/** The head as its item: on the due index while a deadline is pending, on the team's queue while the team has it. */
export function headItemOf(head: RequestHead): Item & { pk: string; sk: string } {
  const item: Item & { pk: string; sk: string } = { ...keys.requestHead(head.requestId), type: 'request', ...head };
  if (head.due) Object.assign(item, keys.due(head.due.kind, head.due.at, head.requestId));
  const inQueue = teamQueuePlacement(head);
  if (inQueue) Object.assign(item, keys.teamQueueListing(inQueue.districtId, inQueue.crisis, inQueue.deadline, inQueue.since, inQueue.requestId));
  return item;
}

function headOf(item: Item): RequestHead {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi3pk: _g3, gsi3sk: _g4, type: _type, ...head } = item;
  return head as unknown as RequestHead;
}

function concernOf(item: Item): Concern {
  const { requestId, volunteerId, districtId, topicId, state, at, text, acknowledgedBy, acknowledgedAt, closedBy, closedAt, outcome } =
    item as unknown as Concern;
  return {
    requestId,
    volunteerId,
    districtId,
    topicId,
    state,
    at,
    text,
    ...(acknowledgedBy ? { acknowledgedBy, acknowledgedAt } : {}),
    ...(closedBy ? { closedBy, closedAt, outcome } : {}),
  };
}
