// Benchmarks of the stepped-care engine (issue #3), measured in one run against DynamoDB Local:
//   - matching latency and reads per match with 1,000, 10,000 and 100,000 approved volunteers in the store;
//   - in-process ranking of 1,000 candidates;
//   - a claim race: 50 concurrent claims on one request, 20 rounds.
import { helperPoolOn } from '../../functions/apps/wiring/helper-pool';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { geography, rankVolunteers, type VolunteerProfile } from '../../functions/stepped-care/domain/matching';
import { findTopic, TOPICS } from '../../functions/kernel/topics';
import { DomainError } from '../../functions/kernel/errors';
import { SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { RequestStore } from '../../functions/stepped-care/store/request-store';
import { volunteerItems, VolunteerStore, type StoredVolunteer } from '../../functions/volunteers/store/volunteer-store';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { Random } from '../simulation/random';
import { submit } from '../support/fixtures';

type Line = (name: string, value: number | string, unit?: string) => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ZEROTH = TOPICS.filter((t) => t.defaultLevel === 'zeroth-line').map((t) => t.id);

export async function engineBenchmarks(line: Line): Promise<boolean> {
  const dynamo = await startDynamoDbLocal();
  let ok = true;
  try {
    const tableName = 'bench';
    await ensureTable(dynamo.endpoint, tableName);
    const client = createDocumentClient({ tableName, endpoint: dynamo.endpoint });
    let reads = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (/^(Get|BatchGet|Query|Scan)/.test(String(context.commandName))) reads++;
        return next(args);
      },
      { step: 'initialize', name: 'countReads' },
    );
    const repo = new Repository(client, tableName);
    const municipality = currentMunicipality('zaanstad');
    await seedMunicipality(repo, municipality);
    const volunteers = new VolunteerStore(repo);
    const requests = new RequestStore(repo, client);
    const rng = new Random(42);
    const engine = new SteppedCareEngine({
      requests,
      helpers: helperPoolOn(repo),
      municipality,
      random: rng.next,
      clock: () => new Date('2026-11-24T10:00:00Z'),
    });

    // 1. Matching with a growing number of approved volunteers.
    const tiers = [1_000, 10_000, 100_000];
    const perTier: Record<number, { ms: number; reads: number }> = {};
    let stored = 0;
    for (const tier of tiers) {
      const batch: StoredVolunteer[] = [];
      for (; stored < tier; stored++) {
        const district = rng.pick(municipality.districts);
        batch.push({
          volunteerId: `bench-${stored}`,
          name: `v${stored}`,
          email: `v${stored}@vrijwilliger.example`,
          status: 'approved',
          homeDistrictId: district.id,
          districts: [district.id],
          maxDistanceKm: 2,
          topics: [rng.pick(ZEROTH)],
          languages: ['nl'],
          availableDays: [1, 2, 3, 4, 5, 6, 7],
          vogValidUntil: '2029-12-31',
          openClaims: 0,
          maxOpenClaims: 3,
        });
      }
      const items = batch.flatMap(volunteerItems);
      const chunks: (typeof items)[] = [];
      for (let i = 0; i < items.length; i += 2000) chunks.push(items.slice(i, i + 2000));
      await Promise.all(
        Array.from({ length: 6 }, async (_, w) => {
          for (let c = w; c < chunks.length; c += 6) await repo.putMany(chunks[c]!);
        }),
      );
      const times: number[] = [];
      const readCounts: number[] = [];
      for (let i = 0; i < 60; i++) {
        const head = {
          districtId: rng.pick(municipality.districts).id,
          topicId: rng.pick(ZEROTH),
          language: 'nl',
          urgency: 'this-week' as const,
          widened: false,
        };
        reads = 0;
        const t = performance.now();
        const found = await engine.candidates(head);
        times.push(performance.now() - t);
        readCounts.push(reads);
        if (found.volunteers.length === 0) throw new Error('benchmark pool unexpectedly empty');
      }
      perTier[tier] = { ms: median(times.slice(10)), reads: Math.max(...readCounts.slice(10)) };
      line(`matching with ${tier} volunteers median`, perTier[tier].ms, 'ms');
      line(`matching with ${tier} volunteers reads per match (max)`, perTier[tier].reads, 'reads');
    }
    const ratio = perTier[100_000]!.ms / perTier[10_000]!.ms;
    line('matching 100k / 10k', ratio, 'x');
    const readsFlat = perTier[100_000]!.reads <= perTier[1_000]!.reads + 1;
    line('matching reads grow with volunteers', readsFlat ? 'no' : 'YES');
    ok &&= ratio <= 1.3 && readsFlat;

    // 2. Ranking 1,000 candidates in process.
    const geo = geography(municipality.districts);
    const candidates: VolunteerProfile[] = Array.from({ length: 1000 }, (_, i) => ({
      volunteerId: `r${i}`,
      status: 'approved',
      homeDistrictId: rng.pick(municipality.districts).id,
      districts: ['zaandam-zuid'],
      maxDistanceKm: 3,
      topics: ['groceries-errands'],
      languages: ['nl'],
      availableDays: [1, 2, 3, 4, 5],
      openClaims: rng.int(0, 2),
      maxOpenClaims: 3,
      helpedHouseholds: i % 10 === 0 ? ['h1'] : [],
    }));
    const request = {
      districtId: 'zaandam-zuid',
      topic: findTopic('groceries-errands')!,
      language: 'nl',
      urgency: 'this-week' as const,
      widened: false,
      householdKey: 'h1',
    };
    const rankTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      rankVolunteers(candidates, request, geo, new Date('2026-11-24T10:00:00Z'));
      rankTimes.push(performance.now() - t);
    }
    const rankMs = median(rankTimes.slice(20));
    line('ranking 1000 candidates median', rankMs, 'ms');
    ok &&= rankMs < 5;

    // 3. Claim race: 50 concurrent claims on one request, 20 rounds.
    const racers: StoredVolunteer[] = Array.from({ length: 50 }, (_, i) => ({
      volunteerId: `racer-${i}`,
      name: `racer ${i}`,
      email: `racer${i}@vrijwilliger.example`,
      status: 'approved',
      homeDistrictId: 'wormerveer',
      districts: ['wormerveer'],
      maxDistanceKm: 2,
      topics: ['odd-jobs'],
      languages: ['nl'],
      availableDays: [1, 2, 3, 4, 5, 6, 7],
      openClaims: 0,
      maxOpenClaims: 50,
    }));
    await volunteers.put(racers);
    let exactlyOne = 0;
    for (let round = 0; round < 20; round++) {
      const { requestId } = await submit(engine, {
        topicId: 'odd-jobs',
        description: 'Kastje in elkaar zetten',
        urgency: 'this-week',
        dangerNow: false,
        wantsProfessional: false,
        formalWmoRequest: false,
        postcode: '1521 AB',
        language: 'nl',
      });
      const results = await Promise.allSettled(racers.map((r) => engine.claim(requestId, r.volunteerId)));
      const winners = results.filter((r) => r.status === 'fulfilled').length;
      const unexpected = results.filter((r) => r.status === 'rejected' && !(r.reason instanceof DomainError && r.reason.code === 'already-claimed'));
      if (winners === 1 && unexpected.length === 0) exactlyOne++;
    }
    line('claim race rounds (50 concurrent claims each)', 20, 'rounds');
    line('claim race rounds with exactly one winner', exactlyOne, 'rounds');
    ok &&= exactlyOne === 20;
  } finally {
    await dynamo.stop();
  }
  return ok;
}
