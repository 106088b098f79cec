// Bundles Lambda functions with esbuild, exactly as they are deployed. CDK calls this during synth
// (local bundling, no Docker) and the benchmark calls it to measure the same files.
//   tsx infra/build/bundle-functions.ts <function-id> <out-dir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ESBUILD_SETTINGS, LAMBDA_FUNCTIONS, REPO_ROOT, type LambdaFunctionSpec } from '../cdk/lambda-functions';

/**
 * zod 4 re-exports every locale as `z.locales`, and @hono/zod-openapi hands the whole `z` namespace to
 * zod-to-openapi, so no tree-shaking can drop the ~45 translations (~250 KB). Wijkloket translates its
 * own messages (functions/platform/i18n), so only zod's default English locale is kept.
 */
const zodLocalesPlugin: esbuild.Plugin = {
  name: 'zod-english-locale-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'wijkloket-stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'wijkloket-stub' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: REPO_ROOT,
      loader: 'js',
    }));
  },
};

export interface BundleResult {
  /** The entry module (index.mjs) the Lambda runtime imports. */
  file: string;
  /** All code of the function: the entry and every chunk (source maps not counted). */
  bytes: number;
  /** The code a cold start loads: the entry and the chunks it imports statically, transitively. */
  coldBytes: number;
  /** Those files, for measuring their gzipped size. */
  coldFiles: string[];
}

/**
 * Bundles one function into `outDir`: index.mjs and, with code splitting, a chunk per dynamic import (a
 * page, the WebAuthn library, the Secrets Manager client), so a cold start loads only what every request
 * needs and the rest on first use.
 */
export async function bundleFunction(spec: LambdaFunctionSpec, outDir: string): Promise<BundleResult> {
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { index: join(REPO_ROOT, spec.entry) },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    minify: ESBUILD_SETTINGS.minify,
    sourcemap: ESBUILD_SETTINGS.sourcemap,
    target: ESBUILD_SETTINGS.target,
    format: ESBUILD_SETTINGS.format,
    platform: ESBUILD_SETTINGS.platform,
    mainFields: [...ESBUILD_SETTINGS.mainFields],
    banner: { js: ESBUILD_SETTINGS.banner },
    legalComments: ESBUILD_SETTINGS.legalComments,
    plugins: [zodLocalesPlugin],
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.mjs')));
  const entry = Object.keys(outputs).find((path) => path.endsWith('/index.mjs') || path === 'index.mjs')!;
  const cold = new Set<string>();
  const visit = (path: string) => {
    if (cold.has(path) || !outputs[path]) return;
    cold.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const sum = (paths: Iterable<string>) => [...paths].reduce((total, path) => total + outputs[path]!.bytes, 0);
  return {
    file: join(REPO_ROOT, entry),
    bytes: sum(Object.keys(outputs)),
    coldBytes: sum(cold),
    coldFiles: [...cold].map((path) => join(REPO_ROOT, path)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [id, outDir] = process.argv.slice(2);
  const spec = LAMBDA_FUNCTIONS.find((f) => f.id === id);
  if (!spec || !outDir) {
    console.error(`usage: bundle-functions.ts <${LAMBDA_FUNCTIONS.map((f) => f.id).join('|')}> <out-dir>`);
    process.exit(2);
  }
  await bundleFunction(spec, outDir);
}
