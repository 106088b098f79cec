// Benchmarks of the resident front door (issue #4), measured in one run against the whole local platform:
//   - every public page of the journey, in both languages (the ask form's every step and its check page
//     with a draft's answers), through Lighthouse with Debian's Chromium:
//     bytes transferred, scripts loaded, and the performance, accessibility, best-practices and SEO scores;
//   - submitting a request through the API next to the raw DynamoDB writes it performs (the same
//     TransactWriteItems, replayed on its own), in the same run.
// Targets: <= 50 KB per page, no JavaScript, performance >= 95, the other three 100; latency ratio <= 1.5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createPublicApi } from '../../functions/apps/public-api/app';
import { servicesOn } from '../../functions/apps/wiring/services';
import { createDocumentClient } from '../../functions/platform/dynamodb/client';
import { Repository } from '../../functions/platform/dynamodb/repository';
import { startPlatform } from '../../infra/local/platform';
import { pathOf } from '../../functions/platform/routes/pages';
import { ASK_STEPS } from '../../site/src/forms/ask-questions';
import { CHROMIUM_PATH } from '../support/browser';
import { intake as validIntake } from '../support/fixtures';
import { silentLogger } from '../support/logger';

type Line = (name: string, value: number | string, unit?: string) => void;

export const FRONT_DOOR_TARGETS = { pageKB: 50, performance: 95, others: 100, intakeLatencyRatio: 1.5 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const INTAKE_ROUNDS = Number(process.env.BENCH_INTAKES ?? 60);

const intake = validIntake({ contact: { method: 'email', email: 'bench@example.nl' } });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function frontDoorBenchmarks(line: Line): Promise<boolean> {
  const platform = await startPlatform({ port: 0, rateLimits: { apiRequestsPerMinute: 1_000_000, sitePostsPerMinute: 1_000_000 } });
  let ok = true;
  try {
    ok = (await pageBenchmarks(platform.url, line)) && ok;
    ok = (await intakeLatency(platform.dynamoDbEndpoint, platform.tableName, line)) && ok;
  } finally {
    await platform.stop();
  }
  return ok;
}

async function pageBenchmarks(base: string, line: Line): Promise<boolean> {
  // A real request, so the private status page (the receipt) is measured with its data.
  const asked = await fetch(`${base}/api/v1/help-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(intake),
  });
  const { statusToken } = (await asked.json()) as { statusToken: string };
  const pages: [string, string, Record<string, string>?][] = [];
  for (const locale of ['nl', 'en'] as const) {
    for (const page of ['home', 'nearby', 'ask', 'status', 'accessibility', 'privacy'] as const)
      pages.push([`${page}-${locale}`, pathOf(page, locale)]);
    // The form's later steps and its check page, with the answers of a draft (its cookie) as a resident has them.
    const cookie = await draftCookie(base, locale);
    for (const page of ASK_STEPS.slice(1)
      .map((step) => step.page)
      .concat('askCheck'))
      pages.push([`${page}-${locale}`, pathOf(page, locale), { Cookie: cookie }]);
    pages.push([`sent-${locale}`, `${pathOf('askSent', locale)}?t=${statusToken}`]);
  }

  const profile = mkdtempSync(join(tmpdir(), 'wijkloket-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    userDataDir: profile,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  let ok = true;
  try {
    for (const [name, path, headers] of pages) {
      const run = await lighthouseRun(base + path, chrome.port, headers);
      if ('failure' in run) {
        // A run that failed is not a measurement: it is reported as a failure, never as a score of 0.
        line(`page ${name} lighthouse`, `FAILED after ${LIGHTHOUSE_ATTEMPTS} attempts: ${run.failure}`);
        line(`page ${name} target`, 'NOT MEASURED');
        ok = false;
        continue;
      }
      if (run.attempts > 1) line(`page ${name} lighthouse attempts`, run.attempts, 'runs');
      const lhr = run.lhr;
      const bytes = lhr.audits['total-byte-weight']!.numericValue ?? Number.POSITIVE_INFINITY;
      const requests = (lhr.audits['network-requests']!.details as { items?: { resourceType?: string }[] } | undefined)?.items ?? [];
      const scripts = requests.filter((r) => r.resourceType === 'Script').length;
      line(`page ${name} transferred`, bytes / 1000, 'KB');
      line(`page ${name} scripts`, scripts, 'requests');
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]!.score ?? 0) * 100)])) as Record<
        (typeof CATEGORIES)[number],
        number
      >;
      for (const category of CATEGORIES) line(`page ${name} lighthouse ${category}`, scores[category], 'points');
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      if (failing.length) line(`page ${name} failing audits`, failing.join(', '));
      const pageOk =
        bytes / 1000 <= FRONT_DOOR_TARGETS.pageKB &&
        scripts === 0 &&
        scores.performance >= FRONT_DOOR_TARGETS.performance &&
        scores.accessibility >= FRONT_DOOR_TARGETS.others &&
        scores['best-practices'] >= FRONT_DOOR_TARGETS.others &&
        scores.seo >= FRONT_DOOR_TARGETS.others;
      line(`page ${name} target`, pageOk ? 'met' : 'MISSED');
      ok &&= pageOk;
    }
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  line('target front door pages', ok ? 'met' : 'MISSED');
  return ok;
}

const LIGHTHOUSE_ATTEMPTS = 3;

/** Answers every step of the ask form as a browser would (form posts), and returns the draft's cookie. */
async function draftCookie(base: string, locale: 'nl' | 'en'): Promise<string> {
  const answers: Record<string, Record<string, string>> = {
    question: { topicId: 'groceries-errands', description: 'Boodschappen voor mijn buurvrouw, bel 06-12345678.' },
    urgency: { dangerNow: 'no', urgency: 'this-week' },
    where: { forWhom: 'someone-else', postcode: '1502 AB', visitNeeded: 'yes' },
    contact: { contactMethod: 'email', language: locale, firstName: 'Anna' },
    details: { email: 'bench@example.nl', houseNumber: '12', otherPersonAgreed: 'on' },
    sharing: { sharing: 'yes' },
    summary: { helperSummary: 'Boodschappen voor mijn buurvrouw.' },
  };
  let cookie = '';
  for (const step of ASK_STEPS) {
    const answer = await fetch(base + pathOf(step.page, locale), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(answers[step.id]),
    });
    if (answer.status !== 303) throw new Error(`the ${step.id} step answered ${answer.status}`);
    cookie ||= (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
  return cookie;
}

/**
 * One Lighthouse measurement of a page, tried again when a run fails (a runtime error, a page that did not
 * load, a category without a score): on a shared machine a run can fail for reasons that are not the page's.
 */
async function lighthouseRun(
  url: string,
  port: number,
  extraHeaders?: Record<string, string>,
): Promise<{ lhr: LighthouseResult; attempts: number } | { failure: string }> {
  let failure = '';
  for (let attempt = 1; attempt <= LIGHTHOUSE_ATTEMPTS; attempt++) {
    try {
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        ...(extraHeaders ? { extraHeaders } : {}),
      });
      const lhr = result?.lhr;
      const unscored = lhr ? CATEGORIES.filter((c) => typeof lhr.categories[c]?.score !== 'number') : [...CATEGORIES];
      if (lhr && !lhr.runtimeError && unscored.length === 0) return { lhr, attempts: attempt };
      failure = lhr?.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : `no score for ${unscored.join(', ')}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  return { failure };
}

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/**
 * The API intake against the same DynamoDB writes done raw. The API runs in process (app.request), so the
 * comparison is API code plus storage against storage alone; every write transaction of an intake is
 * captured on the client (as the SDK's document-client input) and then sent again straight through the SDK,
 * after its items are deleted so its conditions hold.
 */
async function intakeLatency(endpoint: string, tableName: string, line: Line): Promise<boolean> {
  const client = createDocumentClient({ tableName, endpoint });
  const captured: TransactWriteCommandInput[] = [];
  let capturing = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (capturing && context.commandName === 'TransactWriteItemsCommand') {
        // Without the SDK's idempotency token: a replay with the same token would be taken for a retry.
        const { ClientRequestToken: _token, ...input } = structuredClone(args.input as TransactWriteCommandInput);
        captured.push(input);
      }
      return next(args);
    },
    { step: 'initialize', name: 'captureWrites', priority: 'high' },
  );
  const repo = new Repository(client, tableName);
  const services = servicesOn(repo, 'zaanstad', { matching: 'deferred' });
  const api = createPublicApi({ ...services, logger: silentLogger(), version: 'bench' });
  const submit = () =>
    api.request('/api/v1/help-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intake) });

  for (let i = 0; i < 10; i++) await submit(); // warm up both paths' connections and code
  const apiMs: number[] = [];
  const rawMs: number[] = [];
  let writes = 0;
  for (let round = 0; round < INTAKE_ROUNDS; round++) {
    captured.length = 0;
    capturing = true;
    const t = performance.now();
    const res = await submit();
    apiMs.push(performance.now() - t);
    capturing = false;
    if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
    writes = captured.length;
    let raw = 0;
    for (const input of captured) {
      const puts = (input.TransactItems ?? []).flatMap((item) =>
        item.Put ? [{ DeleteRequest: { Key: { pk: item.Put.Item!.pk, sk: item.Put.Item!.sk } } }] : [],
      );
      for (let i = 0; i < puts.length; i += 25) await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: puts.slice(i, i + 25) } }));
      const w = performance.now();
      await client.send(new TransactWriteCommand(input));
      raw += performance.now() - w;
    }
    rawMs.push(raw);
  }
  const apiMedian = median(apiMs);
  const rawMedian = median(rawMs);
  const ratio = apiMedian / rawMedian;
  line('intake write transactions per request', writes, 'transactions');
  line('intake through the API median', apiMedian, 'ms');
  line('intake raw DynamoDB writes median', rawMedian, 'ms');
  line('intake API / raw writes', ratio, 'x');
  const ok = ratio <= FRONT_DOOR_TARGETS.intakeLatencyRatio;
  line('target intake latency', ok ? 'met' : 'MISSED');
  return ok;
}
