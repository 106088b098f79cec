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
  file: string;
  bytes: number;
}

export async function bundleFunction(spec: LambdaFunctionSpec, outDir: string): Promise<BundleResult> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.mjs');
  const result = await esbuild.build({
    entryPoints: [join(REPO_ROOT, spec.entry)],
    outfile,
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
  const bytes = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('index.mjs'))?.[1].bytes ?? 0;
  return { file: outfile, bytes };
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
