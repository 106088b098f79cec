// The Lambda functions of Wijkloket and how they are bundled. The CDK stack and the benchmark both read
// this file, so the bundle that is measured is the bundle that is deployed.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LambdaFunctionSpec {
  /** Short id, used in construct ids and benchmark names. */
  id: string;
  /** Entry file, relative to the repository root; it exports `handler`. */
  entry: string;
  memorySize: number;
  description: string;
  /** True for functions that serve the JSON API (the bundle size targets apply to these). */
  api: boolean;
}

export const LAMBDA_FUNCTIONS: readonly LambdaFunctionSpec[] = [
  {
    id: 'public-api',
    entry: 'functions/apps/public-api/lambda.ts',
    memorySize: 512,
    description: 'Wijkloket public API (/api/v1)',
    api: true,
  },
  {
    id: 'safety-net',
    entry: 'functions/apps/safety-net/lambda.ts',
    memorySize: 512,
    description: 'Wijkloket safety net: the scheduled sweep of passed deadlines',
    api: false,
  },
  {
    id: 'notifier',
    entry: 'functions/apps/notifier/lambda.ts',
    memorySize: 512,
    description: 'Wijkloket notifier: sends the outbox through SES',
    api: false,
  },
  {
    id: 'site',
    entry: 'functions/apps/site/lambda.ts',
    memorySize: 1024,
    description: 'Wijkloket site: on-demand pages and the 404 page',
    api: false,
  },
];

/** Node.js major version of the Lambda runtime and of the bundles' target. */
export const LAMBDA_NODE_MAJOR = 22;

/**
 * esbuild settings shared by CDK's local bundling (infra/build/bundle-functions.ts) and the benchmark. ESM output with a `require` shim,
 * because a few dependencies still call require() for Node built-ins. The AWS SDK is bundled rather than
 * taken from the runtime, so the deployed code is the tested code.
 */
export const ESBUILD_SETTINGS = {
  minify: true,
  sourcemap: true,
  target: `node${LAMBDA_NODE_MAJOR}`,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  banner: "import { createRequire as __wkCreateRequire } from 'node:module'; const require = __wkCreateRequire(import.meta.url);",
  legalComments: 'none',
} as const;
