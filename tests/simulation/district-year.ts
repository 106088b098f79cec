// `npm run simulate`: a synthetic year of the demo municipality through the real engine and the real storage
// layer on DynamoDB Local, with a simulated clock. Residents ask, volunteers (some never) respond, the team
// picks up escalations, the safety net sweeps every simulated hour. Prints one `name: value unit` per line.
import { helperPoolOn } from '../../functions/apps/wiring/helper-pool';
import { fileURLToPath } from 'node:url';
import { currentMunicipality } from '../../functions/platform/config/municipality';
import { teamHours } from '../../functions/kernel/municipality';
import { isOpen, nextOpening, workingMinutesBetween } from '../../functions/kernel/working-time';
import { QUEUE_PAGE } from '../../functions/district-team/index';
import { DomainError } from '../../functions/kernel/errors';
import { TOPICS, type TopicId } from '../../functions/kernel/topics';
import { SteppedCareEngine } from '../../functions/stepped-care/app/engine';
import { intakeFor } from '../support/fixtures';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { memoryServices } from '../../functions/apps/wiring/memory';
import type { InitiativeInput } from '../../functions/kernel/municipality';
import type { HelperPool, RequestLog } from '../../functions/stepped-care/index';
import type { VolunteerRegister } from '../../functions/volunteers/index';
import { initiativeItems } from '../../functions/initiatives/store/directory-store';
import { seedMunicipality } from '../../functions/apps/wiring/seed';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { RequestStore, type RequestHead } from '../../functions/stepped-care/store/request-store';
import { VolunteerStore, type StoredVolunteer } from '../../functions/volunteers/store/volunteer-store';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { EventQueue, Random } from './random';
import { CapacityMeter, monthlyCost } from './cost';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The simulated district team: professionals per district, and the open cases each takes on at most. */
const PROFESSIONALS_PER_DISTRICT = 2;
const CASELOAD_CAP = 15;
const DAY = 24 * HOUR;
const CONCURRENCY = 16;

export interface SimulationOptions {
  requests: number;
  days: number;
  volunteers: number;
  initiatives: number;
  seed: number;
  /** Days after the last arrival to let open requests finish. */
  tailDays: number;
}

export const FULL_YEAR: SimulationOptions = { requests: 5000, days: 365, volunteers: 300, initiatives: 20, seed: 2026, tailDays: 30 };

const TOPIC_MIX: [TopicId, number][] = [
  ['groceries-errands', 14],
  ['transport-accompaniment', 10],
  ['odd-jobs', 12],
  ['company-loneliness', 12],
  ['paperwork-forms', 12],
  ['money-debts', 10],
  ['parenting', 6],
  ['care-at-home', 6],
  ['housing', 5],
  ['work-income', 4],
  ['mental-wellbeing', 5],
  ['something-else', 4],
];
const CRISIS_TEXTS = [
  'Ik zie het echt niet meer zitten en denk erover er een eind aan te maken.',
  'Mijn partner slaat me als hij gedronken heeft. Ik durf niet naar huis.',
  "I don't want to live anymore since I lost my job.",
  'Ik voel me niet veilig thuis, mijn ex bedreigt mij.',
];
const ZEROTH_LINE_TOPICS = TOPICS.filter((t) => t.defaultLevel === 'zeroth-line').map((t) => t.id);

interface SimVolunteer {
  id: string;
  responsive: boolean;
  acceptRate: number;
  meanDelayHours: number;
}

interface Tracked {
  createdAt: number;
  crisis: boolean;
  /** The crisis lines were shown with the answer to the intake. */
  crisisLinesShown: boolean;
  ownStrength: boolean;
  formalWmo: boolean;
}

type Task = (engine: SteppedCareEngine, at: number) => Promise<void>;

export interface SimulationResult {
  figures: [string, number | string, string][];
  pastDeadlineWithoutResponse: number;
  doubleClaims: number;
  claimCountersConsistent: boolean;
  /** The promises of the district team, as shares of the requests they concern (%). */
  team: { crisisLinesShown: number; wmoWithinSixWeeks: number; crisisOutOfHoursByMorning: number; contacted: number };
}

/** Where the simulated year is stored: the same ports on DynamoDB Local or in memory. */
export interface SimulationWorld {
  /** On DynamoDB Local: the capacity every call consumed, as DynamoDB reports it. */
  meter?: CapacityMeter;
  requests: RequestLog;
  helpers: HelperPool;
  volunteers: Pick<VolunteerRegister, 'put' | 'profiles'>;
  addInitiatives(initiatives: InitiativeInput[]): Promise<void>;
}

/** The demo municipality seeded into a table on DynamoDB Local. */
export async function dynamoDbWorld(endpoint: string, tableName: string): Promise<SimulationWorld> {
  await ensureTable(endpoint, tableName);
  const client = createDocumentClient({ tableName, endpoint });
  const meter = new CapacityMeter();
  const repo = new Repository(client, tableName);
  const municipality = currentMunicipality('zaanstad');
  await seedMunicipality(repo, municipality);
  // Measured from here on: the seeding is not a request's cost.
  meter.attach(client);
  return {
    meter,
    requests: new RequestStore(repo, client),
    helpers: helperPoolOn(repo),
    volunteers: new VolunteerStore(repo),
    addInitiatives: (initiatives) => repo.putMany(initiatives.flatMap((i) => initiativeItems(i))),
  };
}

/** The demo municipality on the in-memory adapters: the same rules, without Java. */
export function memoryWorld(): SimulationWorld {
  const { requests, helpers, volunteers, register } = memoryServices(currentMunicipality('zaanstad'));
  return {
    requests,
    helpers,
    volunteers,
    addInitiatives: async (initiatives) => {
      for (const i of initiatives) await register.save(i);
    },
  };
}

export async function runSimulation(options: SimulationOptions, world: SimulationWorld): Promise<SimulationResult> {
  const wallStart = performance.now();
  const rng = new Random(options.seed);
  const municipality = currentMunicipality('zaanstad');
  const { requests } = world;
  const volunteerStore = world.volunteers;
  const start = Date.parse('2026-01-05T00:00:00Z');
  let now = start;
  const engine = new SteppedCareEngine({
    requests,
    helpers: world.helpers,
    municipality,
    clock: () => new Date(now),
    random: rng.next,
  });

  // The 0th line: synthetic volunteers (some never respond) and initiatives with limited capacity.
  const simVolunteers = new Map<string, SimVolunteer>();
  const stored: StoredVolunteer[] = [];
  for (let i = 0; i < options.volunteers; i++) {
    const home = rng.pick(municipality.districts);
    const id = `sim-vol-${i}`;
    const districts = [home.id, ...(rng.chance(0.4) ? [rng.pick(home.neighbours)] : [])];
    stored.push({
      volunteerId: id,
      name: `Vrijwilliger ${i}`,
      email: `${id}@vrijwilliger.example`,
      status: rng.chance(0.92) ? 'approved' : 'pending',
      homeDistrictId: home.id,
      districts,
      maxDistanceKm: rng.between(1, 4),
      topics: rng.sample(ZEROTH_LINE_TOPICS, rng.int(1, 4)),
      languages: ['nl', ...(rng.chance(0.4) ? ['en'] : []), ...(rng.chance(0.1) ? [rng.pick(['ar', 'tr', 'pl'])] : [])],
      availableDays: rng.sample([1, 2, 3, 4, 5, 6, 7], rng.int(2, 6)),
      ...(rng.chance(0.6) ? { vogValidUntil: '2029-12-31' } : {}),
      openClaims: 0,
      maxOpenClaims: rng.int(1, 3),
    });
    simVolunteers.set(id, { id, responsive: rng.chance(0.85), acceptRate: rng.between(0.4, 0.9), meanDelayHours: rng.between(1, 12) });
  }
  await volunteerStore.put(stored);
  const extraInitiatives = Math.max(0, options.initiatives - municipality.initiatives.length);
  await world.addInitiatives(
    Array.from({ length: extraInitiatives }, (_, i) => {
      const district = rng.pick(municipality.districts);
      return {
        id: `sim-ini-${i}`,
        name: `Buurtinitiatief ${i}`,
        description: { nl: 'Buren helpen buren.', en: 'Neighbours helping neighbours.' },
        email: `ini-${i}@initiatief.example`,
        districts: [district.id, ...district.neighbours.slice(0, 1)],
        topics: rng.sample(ZEROTH_LINE_TOPICS, 2),
        capacityPerWeek: rng.int(2, 8),
      };
    }),
  );

  const queue = new EventQueue<Task>();
  const tracked = new Map<string, Tracked>();
  const activeClaims = new Map<string, string>();
  const quietClaims = new Set<string>();
  let doubleClaims = 0;
  let lostClaimRaces = 0;
  const at = (time: number, task: Task) => queue.push(time, task);

  // Deadlines the simulation has seen. A sweep at an hour when none can be due would find nothing, so it is
  // skipped: a shortcut of the simulation, not of the engine (in AWS the sweep runs every five minutes).
  const knownDues = new EventQueue<null>();

  // What the people in the simulation do when something happens to a request.
  const react = (head: RequestHead, time: number): void => {
    if (head.due) knownDues.push(Date.parse(head.due.at), null);
    if (head.state === 'offered') {
      for (const volunteerId of head.offeredTo ?? []) {
        const v = simVolunteers.get(volunteerId);
        if (v?.responsive && rng.chance(v.acceptRate)) at(time + rng.exponential(v.meanDelayHours) * HOUR, claim(head.requestId, volunteerId));
      }
    }
  };

  // The site invocations people's actions cause (a form post and the page it leads to), for the cost of a request.
  const invocations = { site: 0, matching: 0 };
  const run = async (label: string, work: () => Promise<RequestHead>, time: number): Promise<RequestHead | undefined> => {
    invocations.site += 2;
    try {
      const head = await work();
      react(head, time);
      return head;
    } catch (error) {
      // The world moved on (someone else was first, or the resident withdrew): that is life, not a failure.
      if (error instanceof DomainError && error.code !== 'invalid-request') return undefined;
      throw new Error(`${label} failed`, { cause: error });
    }
  };

  const claim =
    (requestId: string, volunteerId: string): Task =>
    async (e, time) => {
      invocations.site += 3; // the feed, "I will help", the request's page
      let claimed: RequestHead;
      try {
        claimed = await e.claim(requestId, volunteerId);
        react(claimed, time);
      } catch (error) {
        if (error instanceof DomainError) {
          if (error.code === 'already-claimed') lostClaimRaces++;
          return;
        }
        throw error;
      }
      if (activeClaims.has(requestId)) doubleClaims++;
      activeClaims.set(requestId, volunteerId);
      const roll = rng.next();
      if (roll < 0.05) {
        at(time + rng.between(1, 48) * HOUR, async (e2) => {
          if ((await run('needs-professional', () => e2.needsProfessional(requestId, volunteerId, 'Er is meer aan de hand'), time)) !== undefined)
            activeClaims.delete(requestId);
        });
      } else if (roll < 0.08) {
        at(time + rng.between(1, 24) * HOUR, async (e2, t2) => {
          if ((await run('release', () => e2.release(requestId, volunteerId, 'Lukt me toch niet'), t2)) !== undefined) activeClaims.delete(requestId);
        });
      } else if (roll < 0.15) {
        // Goes quiet: the safety net reminds, then releases.
        quietClaims.add(requestId);
      } else {
        // Urgent jobs are done the same day; a job that takes more than a day gets a progress note first.
        const doneAfter =
          claimed.urgency === 'today'
            ? rng.between(1, 7) * HOUR
            : claimed.urgency === 'this-week'
              ? rng.between(0.2, 3) * DAY
              : rng.between(0.5, 5) * DAY;
        if (doneAfter > DAY)
          at(
            time + rng.between(2, 20) * HOUR,
            async (e2, t2) => void (await run('progress', () => e2.noteProgress(requestId, volunteerId, 'Afspraak gemaakt'), t2)),
          );
        at(time + doneAfter, async (e2, t2) => {
          if ((await run('done', () => e2.markDone(requestId, volunteerId, 'Gedaan'), t2)) === undefined) return;
          activeClaims.delete(requestId);
          const answer = rng.next();
          if (answer < 0.8) at(t2 + rng.between(0.5, 72) * HOUR, async (e3, t3) => void (await run('solved', () => e3.confirmSolved(requestId), t3)));
          else if (answer < 0.88)
            at(
              t2 + rng.between(1, 72) * HOUR,
              async (e3, t3) => void (await run('not solved', () => e3.reportNotSolved(requestId, 'Het is nog niet opgelost'), t3)),
            );
        });
      }
    };

  // The district team: professionals per district who work the team's hours, each with a caseload cap. Every
  // half hour the team is open they take from their district's queue (the same index and commands as the
  // workspace), in the queue's order, make contact, and later finish, refer, send back or close the case.
  const hours = teamHours(municipality);
  const professionals = municipality.districts.flatMap((d) =>
    Array.from({ length: PROFESSIONALS_PER_DISTRICT }, (_, n) => ({ id: `sim-pro-${d.id}-${n}`, districtId: d.id })),
  );
  const caseload = new Map<string, number>(professionals.map((p) => [p.id, 0]));
  const coordinatorOf = new Map<string, string>();
  let waitingPeak = 0;
  const release = (requestId: string) => {
    const pro = coordinatorOf.get(requestId);
    if (pro) caseload.set(pro, caseload.get(pro)! - 1);
    coordinatorOf.delete(requestId);
  };

  const teamRound: Task = async (e, time) => {
    invocations.site += 1; // a professional opens the queue
    let waiting = 0;
    for (const district of municipality.districts) {
      for (const head of await requests.teamQueue(district.id, QUEUE_PAGE)) {
        if (head.state !== 'escalated') continue;
        const free = professionals.find((p) => p.districtId === district.id && caseload.get(p.id)! < CASELOAD_CAP);
        if (!free) {
          waiting++;
          continue;
        }
        const taken = await run('take', () => e.acceptByTeam(head.requestId, free.id), time);
        if (!taken) continue;
        caseload.set(free.id, caseload.get(free.id)! + 1);
        coordinatorOf.set(head.requestId, free.id);
        const contactAfter = (taken.crisis ? rng.between(5, 20) : rng.between(10, 90)) * MINUTE;
        at(time + contactAfter, contact(head.requestId, free.id));
      }
    }
    waitingPeak = Math.max(waitingPeak, waiting);
  };

  const contact =
    (requestId: string, pro: string): Task =>
    async (e, time) => {
      const contacted = await run('contact', () => e.recordContact(requestId, pro, 'Gebeld met de inwoner'), time);
      if (!contacted) return release(requestId);
      const end =
        (task: (e2: SteppedCareEngine) => Promise<RequestHead>, label: string): Task =>
        async (e2, t2) => {
          await run(label, () => task(e2), t2);
          release(requestId);
        };
      if (contacted.wmo) {
        // A formal Wmo request: conversation, report within the six weeks, then the team's part ends.
        const melding = Date.parse(contacted.wmo.meldingAt);
        at(
          time + rng.between(2, 10) * DAY,
          async (e2, t2) => void (await run('wmo conversation', () => e2.recordWmoStep(requestId, pro, 'conversation-held'), t2)),
        );
        const report = melding + rng.between(14, 38) * DAY;
        at(report, async (e2, t2) => void (await run('wmo report', () => e2.recordWmoStep(requestId, pro, 'report-sent'), t2)));
        at(
          report + rng.between(1, 5) * DAY,
          end((e2) => e2.finish(requestId, pro, 'provision-granted'), 'finish'),
        );
        return;
      }
      const roll = rng.next();
      if (roll < 0.3 && !contacted.crisis) {
        at(
          time + rng.between(1, 24) * HOUR,
          end((e2) => e2.sendBackToZerothLine(requestId, pro, 'Een buur kan dit prima'), 'send back'),
        );
      } else if (roll < 0.55) {
        at(time + rng.between(1, 48) * HOUR, async (e2, t2) => {
          if (await run('refer', () => e2.refer(requestId, pro, 'schuldhulpverlening'), t2))
            at(
              t2 + rng.between(7, 30) * DAY,
              end((e3) => e3.finish(requestId, pro, 'referred-on'), 'finish'),
            );
          else release(requestId);
        });
      } else if (roll < 0.6) {
        at(
          time + rng.between(1, 5) * DAY,
          end((e2) => e2.close(requestId, pro, 'no-help-needed'), 'close'),
        );
      } else {
        at(
          time + rng.between(1, 14) * DAY,
          end((e2) => e2.finish(requestId, pro, 'solved-by-team'), 'finish'),
        );
      }
    };

  // The team's rounds: every half hour while it is open, over the whole simulated period.
  for (let t = start; t < start + (options.days + options.tailDays) * DAY; t += 30 * MINUTE) {
    if (isOpen(hours, new Date(t))) at(t, teamRound);
  }

  // Arrivals: spread over the year, mostly in the daytime.
  for (let i = 0; i < options.requests; i++) {
    const day = Math.floor(rng.next() * options.days);
    const time = start + day * DAY + rng.between(7, 22) * HOUR;
    at(time, submit(i));
  }

  function submit(i: number): Task {
    return async (e, time) => {
      const district = rng.pick(municipality.districts);
      const crisisText = rng.chance(0.01);
      const raw = {
        topicId: rng.weighted(TOPIC_MIX),
        description: crisisText ? rng.pick(CRISIS_TEXTS) : 'Ik zoek hulp in mijn buurt, wie kan mij helpen?',
        urgency: rng.weighted([
          ['today', 15],
          ['this-week', 55],
          ['no-rush', 30],
        ] as const),
        dangerNow: rng.chance(0.015),
        wantsProfessional: rng.chance(0.05),
        formalWmoRequest: rng.chance(0.03),
        onlySelfHelp: rng.chance(0.02),
        postcode: `${rng.pick(district.postcodes)} ${rng.pick(['AB', 'CD', 'KL', 'XZ'])}`,
        language: rng.weighted([
          ['nl', 90],
          ['en', 6],
          ['ar', 2],
          ['tr', 1],
          ['pl', 1],
        ] as const),
        householdKey: `household-${rng.int(1, Math.ceil(options.requests * 0.8))}`,
        idempotencyKey: `sim-${options.seed}-${i}`,
      };
      const { requestId, head, decision } = await e.submit(intakeFor(raw, municipality));
      // The form's preview and send, the receipt, and two later looks at the status page; a first offer by stream.
      invocations.site += 5;
      if (head.level === 'zeroth-line') invocations.matching += 1;
      tracked.set(requestId, {
        createdAt: time,
        crisis: head.crisis,
        crisisLinesShown: decision.showEmergencyNumbers,
        ownStrength: head.level === 'own-strength',
        formalWmo: Boolean(head.wmo),
      });
      react(head, time);
      if (rng.chance(0.02)) {
        at(time + rng.between(1, 72) * HOUR, async (e2, t2) => {
          if (await run('withdraw', () => e2.withdraw(requestId, 'Niet meer nodig'), t2)) activeClaims.delete(requestId);
        });
      }
    };
  }

  // The clock jumps from event to event. Tasks due before the next hourly sweep run concurrently, each at its
  // own moment (that is where claim races happen); every simulated hour the safety net sweeps.
  const end = start + (options.days + options.tailDays) * DAY;
  let nextSweep = start + HOUR;
  let sweeps = 0;
  const sweepOutcomes: Record<string, number> = {};
  while (nextSweep < end) {
    const nextEvent = queue.peekAt() ?? Number.POSITIVE_INFINITY;
    if (nextSweep <= nextEvent) {
      now = nextSweep;
      if ((knownDues.peekAt() ?? Number.POSITIVE_INFINITY) > nextSweep) {
        nextSweep += HOUR;
        continue;
      }
      while ((knownDues.peekAt() ?? Number.POSITIVE_INFINITY) <= nextSweep) knownDues.pop();
      const result = await engine.at(new Date(nextSweep)).sweep();
      sweeps++;
      for (const { requestId, outcome, head } of result.actions) {
        if (outcome === 'released') activeClaims.delete(requestId);
        const claimer = activeClaims.get(requestId);
        if (outcome === 'reminded' && claimer && !quietClaims.has(requestId)) {
          // A reminded volunteer who is still on it says so.
          at(
            nextSweep + rng.between(0.5, 4) * HOUR,
            async (e2, t2) => void (await run('progress', () => e2.noteProgress(requestId, claimer, 'Ben ermee bezig'), t2)),
          );
        }
        if (head) react(head, nextSweep);
        sweepOutcomes[outcome] = (sweepOutcomes[outcome] ?? 0) + 1;
      }
      nextSweep += HOUR;
      continue;
    }
    const windowEnd = nextSweep;
    const batch: { at: number; item: Task }[] = [];
    while (queue.size > 0 && queue.peekAt()! < windowEnd) batch.push(queue.pop()!);
    for (let i = 0; i < batch.length; i += CONCURRENCY) {
      await Promise.all(batch.slice(i, i + CONCURRENCY).map(({ at: time, item }) => item(engine.at(new Date(time)), time)));
    }
    now = windowEnd;
  }

  // What the simulated period consumed, before the figures below are read.
  const used = world.meter && { readUnits: world.meter.readUnits, writeUnits: world.meter.writeUnits, outbox: world.meter.outboxItems };
  // Figures, from the stored heads.
  const heads = await requests.heads([...tracked.keys()]);
  const byId = new Map(heads.map((h) => [h.requestId, h]));
  const needingResponse = [...tracked.entries()].filter(([, t]) => !t.ownStrength);
  const responseHours: number[] = [];
  let pastDeadline = 0;
  for (const [id] of needingResponse) {
    const head = byId.get(id)!;
    const deadline = head.responseDeadline ? Date.parse(head.responseDeadline) : undefined;
    const first = head.firstHumanResponseAt ? Date.parse(head.firstHumanResponseAt) : undefined;
    if (first !== undefined) responseHours.push((first - Date.parse(head.createdAt)) / HOUR);
    // The net steps in at the sweep after a deadline; the guarantee is a human response by the last deadline.
    const withdrawnFirst = head.state === 'withdrawn' && first === undefined;
    if (!withdrawnFirst && deadline !== undefined && (first === undefined ? deadline + HOUR < end : first > deadline + HOUR)) pastDeadline++;
  }
  responseHours.sort((a, b) => a - b);
  const pct = (p: number) => responseHours[Math.min(responseHours.length - 1, Math.floor(p * responseHours.length))] ?? 0;
  const solvedAtZerothLine = needingResponse.filter(([id]) => {
    const h = byId.get(id)!;
    return h.state === 'closed' && !h.escalatedAt && h.firstHumanResponseAt;
  }).length;
  const escalated = needingResponse.filter(([id]) => byId.get(id)!.escalatedAt).length;
  const crisis = [...tracked.entries()].filter(([, t]) => t.crisis);
  const crisisFast = crisis.filter(([id]) => {
    const h = byId.get(id)!;
    return h.escalatedAt && Date.parse(h.escalatedAt) - Date.parse(h.createdAt) <= 60_000;
  }).length;
  // The team: time from escalation to first contact in working hours, and the promises it made.
  const toContact = heads
    .filter((h) => h.escalatedAt && h.teamContactedAt)
    .map((h) => workingMinutesBetween(hours, new Date(h.escalatedAt!), new Date(h.teamContactedAt!)) / 60)
    .sort((a, b) => a - b);
  const pctOf = (values: number[], p: number) => values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;
  // Melding whose six weeks ended within the simulated period and that the resident did not withdraw.
  const wmoHeads = heads.filter((h) => h.wmo && Date.parse(h.wmo.investigationDeadline) < end && h.state !== 'withdrawn');
  const wmoInTime = wmoHeads.filter((h) => h.wmo!.reportAt && h.wmo!.reportAt <= h.wmo!.investigationDeadline).length;
  // Crisis requests that reached the team while it was closed (one the resident withdrew before any contact
  // needs none, as in the deadline count above).
  const crisisOutOfHours = crisis
    .map(([id]) => byId.get(id)!)
    .filter((h) => h.escalatedAt && !isOpen(hours, new Date(h.escalatedAt)) && !(h.state === 'withdrawn' && !h.teamContactedAt));
  const byNextMorning = crisisOutOfHours.filter((h) => {
    const opening = nextOpening(hours, new Date(h.escalatedAt!));
    return h.teamContactedAt !== undefined && Date.parse(h.teamContactedAt) <= opening.getTime() + 3.5 * HOUR;
  }).length;
  const profiles = await volunteerStore.profiles(stored.map((v) => v.volunteerId).concat(municipality.volunteers.map((v) => v.id)));
  const openClaims = profiles.reduce((sum, p) => sum + p.openClaims, 0);
  const claimedNow = heads.filter((h) => h.state === 'claimed' || h.state === 'in-progress').length;
  const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);

  const figures: [string, number | string, string][] = [
    ['requests', tracked.size, ''],
    ['volunteers', options.volunteers, ''],
    ['initiatives', options.initiatives, ''],
    ['simulated days', options.days + options.tailDays, 'd'],
    ['safety-net sweeps', sweeps, ''],
    ...(['widened', 'escalated', 'reminded', 'released', 'closed-unanswered', 'team-alerted'] as const).map((outcome): [string, number, string] => [
      `safety net ${outcome}`,
      sweepOutcomes[outcome] ?? 0,
      '',
    ]),
    ['resolved at 0th line', share(solvedAtZerothLine, needingResponse.length), '%'],
    ['escalated to team', share(escalated, needingResponse.length), '%'],
    ['own strength (tips only)', share(tracked.size - needingResponse.length, tracked.size), '%'],
    ['crisis requests', crisis.length, ''],
    ['crisis routed to team within 1 minute', share(crisisFast, crisis.length), '%'],
    ['crisis requests shown the crisis lines', share(crisis.filter(([, t]) => t.crisisLinesShown).length, crisis.length), '%'],
    ['crisis out of hours', crisisOutOfHours.length, ''],
    ['crisis out of hours contacted by next working morning', share(byNextMorning, crisisOutOfHours.length), '%'],
    ['p50 time from escalation to first contact (working hours)', Math.round(pctOf(toContact, 0.5) * 10) / 10, 'h'],
    ['p90 time from escalation to first contact (working hours)', Math.round(pctOf(toContact, 0.9) * 10) / 10, 'h'],
    ['waiting list peak', waitingPeak, ''],
    ['wmo investigations due in the period', wmoHeads.length, ''],
    ['wmo investigations within 6 weeks', share(wmoInTime, wmoHeads.length), '%'],
    ['p50 time to first human response', Math.round(pct(0.5) * 10) / 10, 'h'],
    ['p95 time to first human response', Math.round(pct(0.95) * 10) / 10, 'h'],
    ['requests past deadline without response', pastDeadline, ''],
    ['double claims', doubleClaims, ''],
    ['lost claim races (answered "already taken")', lostClaimRaces, ''],
    ['claim counters consistent', openClaims === claimedNow ? 'yes' : `no (${openClaims} counted, ${claimedNow} claimed)`, ''],
    ['wmo clocks started', [...tracked.values()].filter((t) => t.formalWmo).length, ''],
    ...(used
      ? monthlyCost({
          requests: tracked.size,
          readUnits: used.readUnits,
          writeUnits: used.writeUnits,
          invocations: { site: invocations.site, notifier: used.outbox, matching: invocations.matching },
          emails: used.outbox,
          months: (options.days + options.tailDays) / 30.44,
        }).lines
      : []),
    ['wall time', Math.round((performance.now() - wallStart) / 100) / 10, 's'],
  ];
  return {
    figures,
    pastDeadlineWithoutResponse: pastDeadline,
    doubleClaims,
    claimCountersConsistent: openClaims === claimedNow,
    team: {
      crisisLinesShown: share(crisis.filter(([, t]) => t.crisisLinesShown).length, crisis.length),
      wmoWithinSixWeeks: share(wmoInTime, wmoHeads.length),
      crisisOutOfHoursByMorning: share(byNextMorning, crisisOutOfHours.length),
      contacted: toContact.length,
    },
  };
}

export function printFigures(figures: SimulationResult['figures']): void {
  for (const [name, value, unit] of figures) console.log(`${name}: ${value}${unit ? ` ${unit}` : ''}`);
}

// `npm run simulate` runs the year on DynamoDB Local; `npm run simulate -- --memory` on the in-memory adapters.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.LOG_LEVEL ??= 'SILENT';
  const inMemory = process.argv.includes('--memory');
  const dynamo = inMemory ? undefined : await startDynamoDbLocal();
  try {
    const result = await runSimulation(FULL_YEAR, dynamo ? await dynamoDbWorld(dynamo.endpoint, 'simulation') : memoryWorld());
    printFigures(result.figures);
    const { team } = result;
    const promisesKept = team.crisisLinesShown === 100 && team.wmoWithinSixWeeks === 100 && team.crisisOutOfHoursByMorning === 100;
    if (result.pastDeadlineWithoutResponse > 0 || result.doubleClaims > 0 || !result.claimCountersConsistent || !promisesKept) process.exitCode = 1;
  } finally {
    await dynamo?.stop();
  }
}
