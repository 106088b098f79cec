// `npm run bench`: figures measured in one run, printed as `name: value unit` lines.
//   - each Lambda bundle, built exactly as deployed: minified and gzipped size;
//   - cold import time: median over fresh Node processes, next to a floor handler that only imports
//     hono and the DynamoDB client, bundled the same way, measured interleaved in the same run.
// Targets (issue #2): API bundles <= 650 KB minified and <= 200 KB gzipped; cold import <= 1.3 x floor.
// The site function (issue #13): <= 800 KB and cold import <= 1.6 x floor; a second floor, hono, the DynamoDB
// client and Astro's renderer alone, shows how much of the site's cold import is the renderer's. A bundle is split (esbuild code
// splitting): the sizes with a target are of the code a cold start loads (the entry and its static imports);
// the whole function, chunks loaded on first use included, is printed next to them.
// Then the engine's benchmarks (issue #3, tests/bench/engine.ts) and the front door's (issue #4,
// tests/bench/front-door.ts) and the volunteers' (issue #5, tests/bench/volunteers.ts) and the district
// team's queue (issue #11, tests/bench/team.ts) and the cost of a request (issue #12, tests/bench/cost.ts).
// BENCH_ONLY=bundles|engine|front-door|volunteers|team|cost runs one part.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleFunction } from '../../infra/build/bundle-functions';
import { LAMBDA_FUNCTIONS, REPO_ROOT, type LambdaFunctionSpec } from '../../infra/cdk/lambda-functions';
import { engineBenchmarks } from './engine';
import { frontDoorBenchmarks } from './front-door';
import { volunteerBenchmarks } from './volunteers';
import { teamBenchmarks } from './team';
import { costBenchmarks } from './cost';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const OUT = join(REPO_ROOT, '.bench');
const KB = 1000;
const TARGETS = { minifiedKB: 650, gzippedKB: 200, coldImportRatio: 1.3 };
const SITE_TARGETS = { minifiedKB: 800, coldImportRatio: 1.6 };

const FLOOR: LambdaFunctionSpec = {
  id: 'floor',
  entry: 'tests/bench/floor-handler.ts',
  memorySize: 512,
  description: 'hono + DynamoDB client only',
  api: true,
};

/** The floor plus Astro's renderer: what the site function cannot beat while Astro renders its pages. */
const RENDERER_FLOOR: LambdaFunctionSpec = {
  id: 'floor-with-astro',
  entry: 'tests/bench/renderer-floor-handler.ts',
  memorySize: 1024,
  description: 'hono + DynamoDB client + Astro renderer only',
  api: false,
};

const format = (value: number | string) => (typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value));
const line = (name: string, value: number | string, unit = '') => console.log(`${name}: ${format(value)}${unit ? ` ${unit}` : ''}`);

/** Time to import the bundle in a fresh Node process, measured inside it (start-up of Node itself excluded). */
function coldImportMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, TABLE_NAME: 'bench', AWS_REGION: 'eu-west-1', MUNICIPALITY: 'zaanstad', LOG_LEVEL: 'SILENT' },
  });
  return Number(out.toString());
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const ONLY = process.env.BENCH_ONLY;

async function main(): Promise<void> {
  let failed = false;
  if (!ONLY || ONLY === 'bundles') failed = !(await bundleBenchmarks());
  process.env.LOG_LEVEL = 'SILENT';
  if (!ONLY || ONLY === 'engine') {
    const engineOk = await engineBenchmarks(line);
    line('target engine', engineOk ? 'met' : 'MISSED');
    failed ||= !engineOk;
  }
  if (!ONLY || ONLY === 'front-door') {
    const frontDoorOk = await frontDoorBenchmarks(line);
    line('target front door', frontDoorOk ? 'met' : 'MISSED');
    failed ||= !frontDoorOk;
  }
  if (!ONLY || ONLY === 'volunteers') {
    const volunteersOk = await volunteerBenchmarks(line);
    failed ||= !volunteersOk;
  }
  if (!ONLY || ONLY === 'team') failed = !(await teamBenchmarks(line)) || failed;
  if (!ONLY || ONLY === 'cost') failed = !(await costBenchmarks(line)) || failed;
  if (failed) process.exitCode = 1;
}

async function bundleBenchmarks(): Promise<boolean> {
  rmSync(OUT, { recursive: true, force: true });
  const specs = [FLOOR, RENDERER_FLOOR, ...LAMBDA_FUNCTIONS];
  const files = new Map<string, string>();
  const cold = new Map<string, { minified: number; gzipped: number }>();
  for (const spec of specs) {
    const { file, bytes, coldBytes, coldFiles } = await bundleFunction(spec, join(OUT, spec.id));
    files.set(spec.id, file);
    const gzipped = coldFiles.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
    cold.set(spec.id, { minified: coldBytes, gzipped });
    line(`bundle ${spec.id} minified, all chunks`, bytes / KB, 'KB');
    line(`bundle ${spec.id} minified, loaded at cold start`, coldBytes / KB, 'KB');
    line(`bundle ${spec.id} gzipped, loaded at cold start`, gzipped / KB, 'KB');
    if (spec.api && spec !== FLOOR) {
      line(`bundle ${spec.id} minified / target`, coldBytes / KB / TARGETS.minifiedKB, 'x');
      line(`bundle ${spec.id} gzipped / target`, gzipped / KB / TARGETS.gzippedKB, 'x');
    }
    if (spec.id === 'site') line(`bundle site minified / target`, coldBytes / KB / SITE_TARGETS.minifiedKB, 'x');
  }

  // Interleaved, so a noisy neighbour slows every function alike instead of one.
  const samples = new Map<string, number[]>(specs.map((s) => [s.id, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const spec of specs) samples.get(spec.id)!.push(coldImportMs(files.get(spec.id)!));
  }
  const floor = median(samples.get(FLOOR.id)!);
  line('cold import runs per function', RUNS, 'processes');
  line('cold import floor median', floor, 'ms');
  const rendererFloor = median(samples.get(RENDERER_FLOOR.id)!);
  line('cold import floor with Astro renderer median', rendererFloor, 'ms');
  line('cold import floor with Astro renderer / floor', rendererFloor / floor, 'x');
  let failed = false;
  for (const spec of LAMBDA_FUNCTIONS) {
    const ms = median(samples.get(spec.id)!);
    line(`cold import ${spec.id} median`, ms, 'ms');
    line(`cold import ${spec.id} / floor`, ms / floor, 'x');
    const size = cold.get(spec.id)!;
    if (spec.api) {
      const ok = size.minified / KB <= TARGETS.minifiedKB && size.gzipped / KB <= TARGETS.gzippedKB && ms / floor <= TARGETS.coldImportRatio;
      line(`target ${spec.id}`, ok ? 'met' : 'MISSED');
      failed ||= !ok;
    }
    if (spec.id === 'site') {
      line('cold import site / floor with Astro renderer', ms / rendererFloor, 'x');
      const ok = size.minified / KB <= SITE_TARGETS.minifiedKB && ms / floor <= SITE_TARGETS.coldImportRatio;
      line('target site', ok ? 'met' : 'MISSED');
      failed ||= !ok;
    }
  }
  rmSync(OUT, { recursive: true, force: true });
  return !failed;
}

await main();
