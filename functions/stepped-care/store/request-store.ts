// Help requests on DynamoDB: an append-only event log per request plus a head item that is the projection of
// those events (current state, version, pending deadline). Both are written in one transaction whose
// conditions make every change an optimistic, all-or-nothing step: no lost update, no double claim.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { RequestEvent, RequestState } from '../domain/lifecycle';
import { DomainError } from '../../kernel/errors';
import type { Level, Urgency } from '../../kernel/topics';
import type { Priority } from '../domain/triage';
import type { WmoClock } from '../domain/deadlines';
import { keys } from '../../platform/dynamodb/keys';
import type { Item, Repository } from '../../platform/dynamodb/repository';
import { TABLE } from '../../platform/dynamodb/table-definition';

/** 'match': the request waits for its first offer (deferred matching, see EngineDeps.matching). */
export type DueKind = 'match' | 'response' | 'progress' | 'confirmation' | 'team';

/** The projection of a request's events; never edited except together with a new event. */
export interface RequestHead {
  requestId: string;
  municipalityId: string;
  districtId: string;
  postcodeArea: string;
  topicId: string;
  urgency: Urgency;
  priority: Priority;
  level: Level;
  rule: string;
  crisis: boolean;
  language: string;
  householdKey?: string;
  state: RequestState;
  /** Sequence number of the last event. */
  version: number;
  createdAt: string;
  updatedAt: string;
  widened: boolean;
  reminded: boolean;
  claimedBy?: string;
  offeredTo?: string[];
  offeredInitiatives?: string[];
  /** Initiatives that declined this request (full): never referred to again for it. */
  initiativesDeclined?: string[];
  /** The initiative that accepted the referral and holds the request, as `claimedBy` for a volunteer. */
  heldByInitiative?: string;
  /** When a human must have responded (volunteer claim or team acceptance); moves with the ladder. */
  responseDeadline?: string;
  firstHumanResponseAt?: string;
  escalatedAt?: string;
  wmo?: WmoClock;
  due?: { kind: DueKind; at: string };
  /** The resident's satisfaction (1 to 5) after closing: anonymous, it outlives the personal data. */
  feedbackScore?: number;
  /** The resident's personal data has been removed (on request or by retention). */
  personalDataErased?: boolean;
  /** The request has a card in the volunteers' feed (the resident let volunteers see it). */
  feedCard?: boolean;
  /** False when the resident does not let volunteers see it (then it is never offered to them). */
  volunteersMaySee?: boolean;
  /** False when the resident does not let initiatives see it (then none is referred to). */
  initiativesMaySee?: boolean;
}

/** Extra writes that must happen in the same transaction (a volunteer's counter, outbox items, ...). */
export type ExtraWrite =
  | { kind: 'put'; item: Item & { pk: string; sk: string }; ifAbsent?: boolean }
  | { kind: 'delete'; key: { pk: string; sk: string } }
  | {
      kind: 'update';
      key: { pk: string; sk: string };
      update: string;
      condition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      /** Which domain error a failed condition means. */
      onConditionFailed: DomainError;
    };

export class RequestStore {
  constructor(
    private readonly repo: Repository,
    private readonly client: DynamoDBDocumentClient,
  ) {}

  async head(requestId: string): Promise<RequestHead | undefined> {
    const item = await this.repo.get<RequestHead & Item>(keys.requestHead(requestId));
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _type, ...head } = item as Item;
    return head as unknown as RequestHead;
  }

  /** Heads of many requests, for reports and simulations, not for user paths. */
  async heads(requestIds: string[]): Promise<RequestHead[]> {
    return (await this.repo.getMany<RequestHead & Item>(requestIds.map((id) => keys.requestHead(id)))) as RequestHead[];
  }

  async events(requestId: string): Promise<RequestEvent[]> {
    const items = await this.repo.queryPartition<RequestEvent & Item>(keys.requestHead(requestId).pk, keys.requestEventPrefix);
    return items.map(({ seq, type, at, actor, reason, data }) => ({ seq, type, at, actor, reason, ...(data ? { data } : {}) }));
  }

  /**
   * Writes new events and the new head in one transaction. Fails with `concurrent-change` when another
   * writer moved the request first (head version or event sequence taken), or with the extra write's own
   * error when its condition fails. Nothing is written when anything fails.
   */
  async commit(head: RequestHead, expectedVersion: number, events: RequestEvent[], extra: ExtraWrite[] = []): Promise<void> {
    const table = this.repo.tableName;
    const pkName = TABLE.partitionKey.name;
    const headItem: Item = { ...keys.requestHead(head.requestId), type: 'request', ...head };
    if (head.due) Object.assign(headItem, keys.due(head.due.kind, head.due.at, head.requestId));
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
        if (write.kind === 'update') throw write.onConditionFailed;
        // (deletes carry no condition, so a failed extra is a put that found its item already there)
        throw new DomainError('concurrent-change', 'an item written with this change already exists');
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
  async requestForIdempotencyKey(key: string): Promise<string | undefined> {
    return (await this.repo.get<{ requestId: string }>(keys.idempotency(key)))?.requestId;
  }
}
