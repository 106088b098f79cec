// The dependency rule, read from the real imports (decision 12). Each context has the same inner shape and
// one public face; a planted breach of every kind shows the check is live.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { breaches, CONTEXTS, type SourceFile } from '../support/dependency-rule';

const ROOT = join(import.meta.dirname, '../..');
const exists = (path: string) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const tree: SourceFile[] = sources('functions').map((path) => ({ path, imports: importsOf(path) }));

describe('the dependency rule of functions/', () => {
  it('holds for every import in the tree', () => {
    expect(breaches(tree, exists).map((b) => `${b.file} -> ${b.specifier}: ${b.rule}`)).toEqual([]);
  });

  it('every context has only domain/, app/, store/ and one index.ts that says what it is', () => {
    for (const context of CONTEXTS) {
      const entries = readdirSync(join(ROOT, 'functions', context)).sort();
      expect(
        entries.filter((e) => !['app', 'domain', 'index.ts', 'store'].includes(e)),
        context,
      ).toEqual([]);
      const face = readFileSync(join(ROOT, 'functions', context, 'index.ts'), 'utf8');
      expect(face.split('\n')[0], `${context}/index.ts opens with one line saying what it is`).toMatch(/^\/\/ \S.{20,}/);
    }
  });

  it('nothing under functions/ outside the stores and platform/ imports the AWS SDK or the key registry', () => {
    const offenders = tree.filter(
      (f) => !/^functions\/([a-z-]+\/store|platform)\//.test(f.path) && f.imports.some((i) => /^@aws-sdk\//.test(i) || /dynamodb\/keys$/.test(i)),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  describe('catches a planted breach', () => {
    const planted: [string, SourceFile, string][] = [
      ['a domain importing the AWS SDK', { path: 'functions/stepped-care/domain/x.ts', imports: ['@aws-sdk/client-dynamodb'] }, 'AWS SDK'],
      ['a domain importing a store', { path: 'functions/stepped-care/domain/x.ts', imports: ['../store/request-store'] }, 'domain/ imports only'],
      [
        'a domain importing another context',
        { path: 'functions/volunteers/domain/x.ts', imports: ['../../stepped-care/index'] },
        'domain/ imports only',
      ],
      [
        'an app reaching into another context',
        { path: 'functions/volunteers/app/x.ts', imports: ['../../stepped-care/app/engine'] },
        'through their index.ts',
      ],
      ['an app importing its own store', { path: 'functions/volunteers/app/x.ts', imports: ['../store/volunteer-store'] }, 'through its ports'],
      ['an app building keys', { path: 'functions/volunteers/app/x.ts', imports: ['../../platform/dynamodb/keys'] }, 'table keys'],
      ['a composition root building keys', { path: 'functions/apps/notifier/x.ts', imports: ['../../platform/dynamodb/keys'] }, 'table keys'],
      ['a composition root calling AWS itself', { path: 'functions/apps/notifier/x.ts', imports: ['@aws-sdk/client-sesv2'] }, 'AWS SDK'],
      ['the kernel importing a context', { path: 'functions/kernel/x.ts', imports: ['../identity/index'] }, 'kernel/ imports only'],
      ['the platform importing a context', { path: 'functions/platform/http/x.ts', imports: ['../../identity/index'] }, 'platform/ imports only'],
      ['a context importing an app', { path: 'functions/identity/app/x.ts', imports: ['../../apps/wiring/services'] }, 'nothing imports an app'],
      ['anything importing the site', { path: 'functions/apps/site/x.ts', imports: ['../../../site/src/messages'] }, 'site/'],
    ];
    it.each(planted)('%s', (_name, file, rule) => {
      const found = breaches([file], exists);
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((b) => b.rule).join('; ')).toContain(rule);
    });

    it('and lets a lawful file pass', () => {
      const lawful: SourceFile = {
        path: 'functions/volunteers/app/x.ts',
        imports: [
          'zod/mini',
          '../../kernel/errors',
          '../domain/volunteer',
          './ports',
          '../../stepped-care/index',
          '../../platform/outbox/notifications',
        ],
      };
      expect(breaches([lawful], exists)).toEqual([]);
    });
  });
});

/** Repository-relative path of a file, for messages. */
export function repoPath(file: string): string {
  return relative(ROOT, file);
}
