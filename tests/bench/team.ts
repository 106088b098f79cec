// Benchmark of the district team's queue (issue #11), against DynamoDB Local in one run: a professional's
// queue of one district with 50,000 open requests in the municipality (one in ten with the team), through the
// whole desk (staff list, the queue index, concerns, reference codes, order and counts), next to one raw
// DynamoDB Query of the same index page. Target: at most 1.5 x.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { keys } from '../../functions/platform/dynamodb/keys';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { servicesOn } from '../../functions/apps/wiring/services';
import { QUEUE_PAGE } from '../../functions/district-team/index';
import { headItemOf } from '../../functions/stepped-care/store/request-store';
import type { RequestHead } from '../../functions/stepped-care/index';
import { TOPICS } from '../../functions/kernel/topics';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { Random } from '../simulation/random';
import { CapacityMeter, PRICES } from '../simulation/cost';

type Line = (name: string, value: number | string, unit?: string) => void;

export const QUEUE_TARGET_RATIO = 1.5;
const OPEN_REQUESTS = 50_000;
const TEAM_SHARE = 0.1;
const ROUNDS = 60;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function teamBenchmarks(line: Line): Promise<boolean> {
  const dynamo = await startDynamoDbLocal();
  try {
    const tableName = 'bench-team';
    await ensureTable(dynamo.endpoint, tableName);
    const client = createDocumentClient({ tableName, endpoint: dynamo.endpoint });
    const repo = new Repository(client, tableName);
    const municipality = currentMunicipality('zaanstad');
    await seedMunicipality(repo, municipality);
    const rng = new Random(11);
    const start = Date.parse('2026-11-02T08:00:00Z');
    // 50,000 open requests over all districts, their heads as the request store writes them (the team's share
    // on the queue index, each with the resident's reference code).
    const items = Array.from({ length: OPEN_REQUESTS }, (_, i) => {
      const district = rng.pick(municipality.districts);
      const team = rng.chance(TEAM_SHARE);
      const at = new Date(start + i * 30_000).toISOString();
      const head: RequestHead = {
        requestId: `bench-${i}`,
        municipalityId: municipality.id,
        districtId: district.id,
        postcodeArea: district.postcodes[0]!,
        topicId: rng.pick(TOPICS).id,
        urgency: 'this-week',
        priority: rng.chance(0.05) ? 'crisis' : 'normal',
        level: team ? 'district-team' : 'zeroth-line',
        rule: team ? 'topic-risk' : 'default-zeroth-line',
        crisis: false,
        language: 'nl',
        state: team ? (rng.chance(0.5) ? 'escalated' : 'accepted-by-team') : 'offered',
        version: 3,
        createdAt: at,
        updatedAt: at,
        widened: false,
        reminded: false,
        referenceCode: `REF${i}`,
        ...(team
          ? {
              escalatedAt: at,
              escalatedBecause: 'topic-risk',
              due: { kind: 'team' as const, at: new Date(Date.parse(at) + 8 * 3_600_000).toISOString() },
            }
          : {}),
      };
      head.crisis = head.priority === 'crisis';
      return headItemOf(head);
    });
    const flat = items;
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let i = w * 25; i < flat.length; i += 6 * 25) await repo.putMany(flat.slice(i, i + 25));
      }),
    );

    const services = servicesOn(repo, municipality.id, { clock: () => new Date('2026-11-24T10:00:00Z') });
    // The capacity a queue page consumes, as DynamoDB reports it (the cost of a professional's look).
    const meter = new CapacityMeter();
    meter.attach(client);
    const anouk = { kind: 'staff' as const, id: 'pro-anouk', role: 'professional' as const };
    const raw = () =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.teamQueuePartition('zaandam-zuid'), ':from': '0', ':to': '2' },
          Limit: QUEUE_PAGE,
        }),
      );
    for (let i = 0; i < 10; i++) await Promise.all([raw(), services.team.queue(anouk)]);
    const rawMs: number[] = [];
    const queueMs: number[] = [];
    let rows = 0;
    let inDistrict = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      inDistrict = (await raw()).Items?.length ?? 0;
      rawMs.push(performance.now() - t);
      t = performance.now();
      rows = (await services.team.queue(anouk)).rows.length;
      queueMs.push(performance.now() - t);
    }
    const before = meter.readUnits;
    await services.team.queue(anouk);
    const pageUnits = meter.readUnits - before;
    const ratio = median(queueMs) / median(rawMs);
    line('team queue open requests in the municipality', OPEN_REQUESTS, 'requests');
    line('team queue rows of the district (one page)', rows, 'rows');
    line('team queue raw DynamoDB Query median', median(rawMs), 'ms');
    line('team queue one district median', median(queueMs), 'ms');
    line('team queue one district / raw Query', ratio, 'x');
    line('team queue read units per page', pageUnits, 'RRU');
    line('team queue cost per 10,000 page views', (pageUnits * 10_000 * PRICES.dynamoDbPerMillionReadUnits) / 1e6, `USD (${PRICES.region})`);
    const ok = ratio <= QUEUE_TARGET_RATIO && rows > 0 && rows === inDistrict;
    line('target team queue', ok ? 'met' : 'MISSED');
    return ok;
  } finally {
    await dynamo.stop();
  }
}
