// The one place that turns the engine's named effects (app/ports.ts) into table writes for the request's
// transaction: which item, which condition, and which domain error a failed condition means.
import { DomainError } from '../../kernel/errors';
import { keys } from '../../platform/dynamodb/keys';
import { outboxItem } from '../../platform/dynamodb/outbox';
import type { Item, Key } from '../../platform/dynamodb/repository';
import type { Effect } from '../app/ports';
import type { FeedPlacement } from '../domain/feed-placement';
import { messageItem, personalItems } from './resident-store';

/** One write in a request's transaction. */
export type TableWrite =
  | { kind: 'put'; item: Item & Key; ifAbsent?: boolean; onConditionFailed?: DomainError }
  | { kind: 'delete'; key: Key; onConditionFailed?: undefined }
  | {
      kind: 'update';
      key: Key;
      update: string;
      condition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      onConditionFailed: DomainError;
    };

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Where a placement puts a feed card on the feed index. */
export function feedIndexKeys(placement: FeedPlacement): { gsi2pk: string; gsi2sk: string } {
  return placement.place === 'open'
    ? keys.feedListing(placement.districtId, placement.urgencyRank, placement.createdAt, placement.requestId)
    : keys.claimedListing(placement.volunteerId, placement.createdAt, placement.requestId);
}

export function writesOf(effect: Effect): TableWrite[] {
  switch (effect.kind) {
    case 'idempotency-key-claimed':
      return [
        {
          kind: 'put',
          item: {
            ...keys.idempotency(effect.key),
            type: 'idempotency',
            requestId: effect.requestId,
            ...(effect.fingerprint ? { fingerprint: effect.fingerprint } : {}),
          },
          ifAbsent: true,
        },
      ];
    case 'notification-queued':
      return [{ kind: 'put', item: outboxItem(effect.notification) }];
    case 'volunteer-load-taken':
      return [
        {
          kind: 'update',
          key: keys.volunteer(effect.volunteerId),
          update: 'SET openClaims = openClaims + :one',
          condition: '#status = :approved AND openClaims < maxOpenClaims',
          names: { '#status': 'status' },
          values: { ':one': 1, ':approved': 'approved' },
          onConditionFailed: new DomainError('volunteer-not-eligible', 'volunteer is not approved or has too many open requests', { reason: 'load' }),
        },
      ];
    case 'volunteer-load-returned':
      return [
        {
          kind: 'update',
          key: keys.volunteer(effect.volunteerId),
          update: effect.household ? 'SET openClaims = openClaims - :one ADD helpedHouseholds :household' : 'SET openClaims = openClaims - :one',
          condition: 'openClaims > :zero',
          values: { ':one': 1, ':zero': 0, ...(effect.household ? { ':household': new Set([effect.household]) } : {}) },
          onConditionFailed: new DomainError('concurrent-change', 'volunteer counter out of step'),
        },
      ];
    case 'initiative-week-counted':
      return [
        {
          kind: 'update',
          key: keys.initiative(effect.initiativeId),
          update: 'SET referralsByWeek.#week = if_not_exists(referralsByWeek.#week, :zero) + :one',
          names: { '#week': effect.week },
          values: { ':zero': 0, ':one': 1 },
          onConditionFailed: new DomainError('concurrent-change', 'initiative changed'),
        },
      ];
    case 'initiative-week-full':
      return [
        {
          kind: 'update',
          key: keys.initiative(effect.initiativeId),
          update: 'SET referralsByWeek.#week = capacityPerWeek',
          condition: 'attribute_exists(pk)',
          names: { '#week': effect.week },
          onConditionFailed: new DomainError('referral-not-open', 'the initiative no longer exists'),
        },
      ];
    case 'feed-card-placed':
      return [
        {
          kind: 'put',
          item: {
            ...keys.feedCard(effect.card.requestId),
            type: 'feed-card',
            ...effect.card,
            ...(effect.placement ? feedIndexKeys(effect.placement) : {}),
          },
        },
      ];
    case 'feed-card-moved': {
      const base = { kind: 'update' as const, key: keys.feedCard(effect.requestId), condition: 'attribute_exists(pk)' };
      const onConditionFailed = new DomainError('concurrent-change', `the feed card of ${effect.requestId} is gone`);
      if (!effect.placement) return [{ ...base, update: 'REMOVE gsi2pk, gsi2sk', onConditionFailed }];
      const to = feedIndexKeys(effect.placement);
      return [{ ...base, update: 'SET gsi2pk = :pk, gsi2sk = :sk', values: { ':pk': to.gsi2pk, ':sk': to.gsi2sk }, onConditionFailed }];
    }
    case 'helped-noted':
      return [
        {
          kind: 'put',
          item: {
            ...keys.helped(effect.volunteerId, effect.at, effect.requestId),
            type: 'helped',
            requestId: effect.requestId,
            topicId: effect.topicId,
            districtId: effect.districtId,
            at: effect.at,
            expiresAt: epochSeconds(effect.until),
          },
        },
      ];
    case 'concern-queued': {
      const { until, kind: _kind, ...concern } = effect;
      return [
        {
          kind: 'put',
          item: {
            ...keys.concern(effect.requestId, effect.volunteerId),
            ...keys.concernQueue(effect.districtId, effect.at, effect.requestId),
            ...concern,
            type: 'concern',
            expiresAt: epochSeconds(until),
          },
          ifAbsent: true,
        },
      ];
    }
    case 'concern-acknowledged':
      return [
        {
          kind: 'update',
          key: keys.concern(effect.requestId, effect.volunteerId),
          update: 'SET acknowledgedBy = :by, acknowledgedAt = :at',
          condition: 'attribute_exists(pk) AND attribute_not_exists(acknowledgedAt)',
          values: { ':by': effect.by, ':at': effect.at },
          onConditionFailed: new DomainError('invalid-request', 'this concern was acknowledged already, or does not exist'),
        },
      ];
    case 'concern-closed':
      return [
        {
          kind: 'update',
          key: keys.concern(effect.requestId, effect.volunteerId),
          update: 'SET closedBy = :by, closedAt = :at, outcome = :outcome',
          condition: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
          values: { ':by': effect.by, ':at': effect.at, ':outcome': effect.outcome },
          onConditionFailed: new DomainError('invalid-request', 'this concern was closed already, or does not exist'),
        },
      ];
    case 'personal-data-written':
      return personalItems(effect.record, effect.tokenHash);
    case 'resident-message-written':
      return [messageItem(effect.requestId, effect.message, effect.retainUntil)];
    case 'personal-data-erased':
      return (effect.plan.items as Key[]).map((key) => ({ kind: 'delete', key }));
  }
}
