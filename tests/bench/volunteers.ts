// Benchmarks of the volunteers' side (issue #5), against DynamoDB Local in one run:
//   - the feed of a volunteer with 10,000 open requests in the municipality, next to one raw DynamoDB Query
//     of the same index page (target: <= 1.5 x); a volunteer covering three districts is printed too;
//   - a claim race over HTTP: 50 signed-in volunteers post "I will help" for the same request at once, through
//     the whole local platform (site, CSRF, sessions, engine), 20 rounds (target: exactly one winner each).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { TOPICS, URGENCIES, urgencyRank } from '../../functions/kernel/topics';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { keys } from '../../functions/platform/dynamodb/keys';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { VolunteerStore, type StoredVolunteer } from '../../functions/volunteers/store/volunteer-store';
import { FEED_READ_PER_DISTRICT, VolunteerFeed } from '../../functions/volunteers/app/feed';
import { servicesOn } from '../../functions/apps/wiring/services';
import { AccountStore } from '../../functions/identity/store/account-store';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startPlatform } from '../../infra/local/platform';
import { intake } from '../support/fixtures';
import { Random } from '../simulation/random';

type Line = (name: string, value: number | string, unit?: string) => void;

export const FEED_TARGET_RATIO = 1.5;
const OPEN_REQUESTS = 10_000;
const ROUNDS = 60;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function volunteerBenchmarks(line: Line): Promise<boolean> {
  const feedOk = await feedBenchmark(line);
  const raceOk = await httpClaimRace(line);
  return feedOk && raceOk;
}

async function feedBenchmark(line: Line): Promise<boolean> {
  const dynamo = await startDynamoDbLocal();
  try {
    const tableName = 'bench-volunteers';
    await ensureTable(dynamo.endpoint, tableName);
    const client = createDocumentClient({ tableName, endpoint: dynamo.endpoint });
    const repo = new Repository(client, tableName);
    const municipality = currentMunicipality('zaanstad');
    await seedMunicipality(repo, municipality);
    const rng = new Random(7);
    const zeroth = TOPICS.filter((t) => t.defaultLevel === 'zeroth-line');
    const at = Date.parse('2026-11-01T08:00:00Z');
    // 10,000 open requests' feed cards over all districts, as the engine lists them.
    const cards = Array.from({ length: OPEN_REQUESTS }, (_, i) => {
      const district = rng.pick(municipality.districts);
      const urgency = rng.pick([...URGENCIES]);
      const createdAt = new Date(at + i * 60_000).toISOString();
      const requestId = `bench-${i}`;
      return {
        ...keys.feedCard(requestId),
        ...keys.feedListing(district.id, urgencyRank(urgency), createdAt, requestId),
        type: 'feed-card',
        requestId,
        districtId: district.id,
        postcodeArea: district.postcodes[0]!,
        topicId: rng.pick(zeroth).id,
        urgency,
        language: 'nl',
        createdAt,
        summary: 'Wie kan mij helpen met boodschappen deze week? Ik kan zelf niet goed lopen.',
      };
    });
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (let i = w * 25; i < cards.length; i += 6 * 25) await repo.putMany(cards.slice(i, i + 25));
      }),
    );

    const feed = new VolunteerFeed({ volunteers: new VolunteerStore(repo), municipality, clock: () => new Date('2026-11-24T10:00:00Z') });
    const base: StoredVolunteer = {
      volunteerId: 'bench-volunteer',
      name: 'Bench',
      email: 'bench@vrijwilliger.example',
      status: 'approved',
      homeDistrictId: 'zaandam-zuid',
      districts: ['zaandam-zuid'],
      maxDistanceKm: 0,
      topics: zeroth.map((t) => t.id),
      languages: ['nl'],
      availableDays: [1, 2, 3, 4, 5, 6, 7],
      vogValidUntil: '2030-01-01',
      openClaims: 0,
      maxOpenClaims: 3,
    };
    const wide: StoredVolunteer = { ...base, districts: ['zaandam-zuid', 'zaandam-noord', 'zaandam-oost'] };
    const raw = () =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.feedPartition('zaandam-zuid'), ':from': '0', ':to': '9' },
          Limit: FEED_READ_PER_DISTRICT,
        }),
      );
    for (let i = 0; i < 10; i++) await Promise.all([raw(), feed.for(base)]);
    const rawMs: number[] = [];
    const feedMs: number[] = [];
    const wideMs: number[] = [];
    let shown = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      await raw();
      rawMs.push(performance.now() - t);
      t = performance.now();
      shown = (await feed.for(base)).length;
      feedMs.push(performance.now() - t);
      t = performance.now();
      await feed.for(wide);
      wideMs.push(performance.now() - t);
    }
    const ratio = median(feedMs) / median(rawMs);
    line('feed open requests in the municipality', OPEN_REQUESTS, 'requests');
    line('feed cards shown', shown, 'cards');
    line('feed raw DynamoDB Query median', median(rawMs), 'ms');
    line('feed one district median', median(feedMs), 'ms');
    line('feed one district / raw Query', ratio, 'x');
    line('feed three districts median', median(wideMs), 'ms');
    const ok = ratio <= FEED_TARGET_RATIO && shown > 0;
    line('target feed', ok ? 'met' : 'MISSED');
    return ok;
  } finally {
    await dynamo.stop();
  }
}

const RACERS = 50;
const RACE_ROUNDS = 20;

async function httpClaimRace(line: Line): Promise<boolean> {
  const platform = await startPlatform({ port: 0, rateLimits: { apiRequestsPerMinute: 1_000_000, sitePostsPerMinute: 1_000_000 } });
  try {
    const repo = new Repository(createDocumentClient({ tableName: platform.tableName, endpoint: platform.dynamoDbEndpoint }), platform.tableName);
    const services = servicesOn(repo, 'zaanstad');
    const accounts = new AccountStore(repo);
    const racers: StoredVolunteer[] = Array.from({ length: RACERS }, (_, i) => ({
      volunteerId: `racer-${i}`,
      name: `Racer ${i}`,
      email: `racer${i}@vrijwilliger.example`,
      status: 'approved',
      homeDistrictId: 'wormerveer',
      districts: ['wormerveer'],
      maxDistanceKm: 0,
      topics: ['odd-jobs'],
      languages: ['nl'],
      availableDays: [1, 2, 3, 4, 5, 6, 7],
      openClaims: 0,
      maxOpenClaims: RACE_ROUNDS + 1,
    }));
    await services.volunteers.put(racers);
    // Signed in as a person would be, minus the e-mail round trip: a server-side session each.
    const sessions = await Promise.all(racers.map((v) => accounts.startSession({ kind: 'volunteer', id: v.volunteerId })));
    let exactlyOne = 0;
    const raceMs: number[] = [];
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const asked = await services.desk.submit(
        intake({ topicId: 'odd-jobs', postcode: '1521 AB', description: `Klusje ${round}: een lamp ophangen.` }),
      );
      const started = performance.now();
      const answers = await Promise.all(
        sessions.map(({ token, session }) =>
          fetch(`${platform.url}/vrijwilliger/`, {
            method: 'POST',
            redirect: 'manual',
            headers: { Origin: platform.url, Cookie: `__Host-wk-session=${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrf: session.csrf, requestId: asked.requestId }).toString(),
          }),
        ),
      );
      raceMs.push(performance.now() - started);
      const winners = answers.filter((r) => r.status === 303 && (r.headers.get('location') ?? '').startsWith('/vrijwilliger/vraag/')).length;
      const refused = answers.filter((r) => r.status === 409).length;
      if (winners === 1 && refused === RACERS - 1) exactlyOne++;
    }
    line('claim race over HTTP rounds (50 concurrent claims each)', RACE_ROUNDS, 'rounds');
    line('claim race over HTTP rounds with exactly one winner', exactlyOne, 'rounds');
    line('claim race over HTTP round median', median(raceMs), 'ms');
    const ok = exactlyOne === RACE_ROUNDS;
    line('target claim race over HTTP', ok ? 'met' : 'MISSED');
    return ok;
  } finally {
    await platform.stop();
  }
}
