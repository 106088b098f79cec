// The dependency rule of functions/ (decision 12), as a pure function over files and their imports, so the
// architecture test can run it on the real tree and on planted breaches alike.
//
//   kernel/            imports only kernel/
//   <context>/domain/  imports the kernel and its own domain
//   <context>/app/     imports the kernel, its own domain and app (where its ports live), other contexts
//                      through their index.ts, and the platform's outbox, i18n and routes
//   <context>/store/   adapters: also the platform's DynamoDB code, the AWS SDK and the key registry
//   <context>/index.ts the context's one public face
//   platform/          imports the kernel and itself (its DynamoDB, e-mail and secrets code talks to AWS)
//   apps/              the composition roots: may wire anything under functions/, but reach the table and AWS
//                      only through stores and the platform
// Nothing under functions/ imports site/. Only stores and platform/ import the AWS SDK; only stores and
// platform/dynamodb build table keys.
import { posix } from 'node:path';

export const CONTEXTS = ['stepped-care', 'volunteers', 'initiatives', 'identity', 'district-team'] as const;

export interface SourceFile {
  /** Repository-relative path, e.g. functions/volunteers/app/claims.ts */
  path: string;
  /** Import specifiers as written. */
  imports: readonly string[];
}

export interface Breach {
  file: string;
  specifier: string;
  rule: string;
}

const AWS = /^@aws-sdk\/|^@aws-lambda-powertools\/parameters/;
const KEY_REGISTRY = 'functions/platform/dynamodb/keys.ts';

type Place =
  | { kind: 'kernel' }
  | { kind: 'platform'; part: string }
  | { kind: 'apps' }
  | { kind: 'context'; context: string; layer: 'domain' | 'app' | 'store' | 'index' | 'other' }
  | { kind: 'outside' };

export function placeOf(path: string): Place {
  const parts = path.split('/');
  if (parts[0] !== 'functions') return { kind: 'outside' };
  const top = parts[1]!;
  if (top === 'kernel') return { kind: 'kernel' };
  if (top === 'platform') return { kind: 'platform', part: parts[2] ?? '' };
  if (top === 'apps') return { kind: 'apps' };
  if ((CONTEXTS as readonly string[]).includes(top)) {
    if (parts.length === 3 && parts[2] === 'index.ts') return { kind: 'context', context: top, layer: 'index' };
    const layer = parts[2];
    return { kind: 'context', context: top, layer: layer === 'domain' || layer === 'app' || layer === 'store' ? layer : 'other' };
  }
  return { kind: 'outside' };
}

/** The repository path an import points at, or undefined for a package. Extensions are normalised to .ts. */
export function targetOf(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (exists(candidate)) return candidate;
  return base;
}

/** Every breach of the rule in a set of files. */
export function breaches(files: readonly SourceFile[], exists: (path: string) => boolean): Breach[] {
  const found: Breach[] = [];
  for (const file of files) {
    const from = placeOf(file.path);
    if (from.kind === 'outside') continue;
    for (const specifier of file.imports) {
      const breach = (rule: string) => found.push({ file: file.path, specifier, rule });
      const target = targetOf(file.path, specifier, exists);
      if (target === undefined) {
        if (AWS.test(specifier) && !mayUseAws(from)) breach('only stores and platform/ use the AWS SDK');
        continue;
      }
      if (target.startsWith('site/')) {
        breach('nothing under functions/ imports site/');
        continue;
      }
      if (target === KEY_REGISTRY && !mayBuildKeys(from)) breach('only stores and platform/dynamodb build table keys');
      const to = placeOf(target);
      const rule = allowed(from, to);
      if (rule) breach(rule);
    }
  }
  return found;
}

function mayUseAws(from: Place): boolean {
  return (from.kind === 'context' && from.layer === 'store') || from.kind === 'platform';
}

function mayBuildKeys(from: Place): boolean {
  return (from.kind === 'context' && from.layer === 'store') || (from.kind === 'platform' && from.part === 'dynamodb');
}

/** Undefined when `from` may import `to`; otherwise the rule it breaks. */
function allowed(from: Place, to: Place): string | undefined {
  if (to.kind === 'outside') return undefined;
  if (from.kind === 'apps') return undefined;
  if (to.kind === 'apps') return 'only apps/ wires: nothing imports an app';
  if (from.kind === 'kernel') return to.kind === 'kernel' ? undefined : 'kernel/ imports only kernel/';
  if (from.kind === 'platform') {
    if (to.kind === 'kernel' || to.kind === 'platform') return undefined;
    return 'platform/ imports only the kernel and itself';
  }
  if (from.kind !== 'context') return undefined;
  if (to.kind === 'kernel') return undefined;
  if (to.kind === 'context' && to.context !== from.context) {
    if (from.layer === 'domain') return 'domain/ imports only the kernel and its own domain';
    return to.layer === 'index' ? undefined : `other contexts only through their index.ts (${to.context}/index.ts)`;
  }
  if (to.kind === 'platform') {
    if (from.layer === 'domain') return 'domain/ imports only the kernel and its own domain';
    if (from.layer === 'store' || from.layer === 'index') return undefined;
    return ['outbox', 'i18n', 'routes'].includes(to.part) ? undefined : `app/ does not use platform/${to.part}: a store adapter does`;
  }
  if (to.kind === 'context') {
    // the same context
    if (from.layer === 'domain') return to.layer === 'domain' ? undefined : 'domain/ imports only the kernel and its own domain';
    if (from.layer === 'app') return to.layer === 'domain' || to.layer === 'app' ? undefined : 'app/ reaches stores only through its ports';
    return undefined;
  }
  return undefined;
}
