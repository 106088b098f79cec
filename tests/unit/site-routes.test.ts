// Every page rendered on demand must be routed to the site function by CloudFront, and every page in the
// route table must exist in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onDemandPathPatterns, PAGES } from '../../functions/platform/routes/pages';

const PAGES_DIR = join(import.meta.dirname, '../../site/src/pages');

function pageFiles(dir = PAGES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pageFiles(join(dir, entry.name)) : entry.name.endsWith('.astro') ? [join(dir, entry.name)] : [],
  );
}

function urlOf(file: string): string {
  const path =
    '/' +
    relative(PAGES_DIR, file)
      .replace(/\.astro$/, '')
      .replace(/(^|\/)index$/, '');
  return path.endsWith('/') ? path : `${path}/`;
}

const matches = (pattern: string, url: string) => url.startsWith(pattern.replace(/\*$/, ''));

describe('site routes', () => {
  // The error pages are not routes: the site function renders them for an unknown path or a failed page.
  const files = pageFiles().filter((f) => !f.endsWith('404.astro') && !f.endsWith('500.astro'));

  it('every page file is in the route table, and every route has a page file', () => {
    const tableUrls = Object.values(PAGES)
      .flatMap((p) => Object.values(p.paths))
      .sort();
    const fixed = files.filter((f) => !f.includes('['));
    // A dynamic file (the ask form's steps: vraag/[stap].astro) serves the table's paths one level under its
    // folder that have no file of their own.
    const served = files
      .filter((f) => f.includes('['))
      .flatMap((f) => {
        const folder = urlOf(f).replace(/\[[^\]]+\]\/$/, '');
        return tableUrls.filter((u) => u.startsWith(folder) && /^[^/]+\/$/.test(u.slice(folder.length)) && !fixed.map(urlOf).includes(u));
      });
    expect(served.length).toBeGreaterThan(0);
    expect([...fixed.map(urlOf), ...served].sort()).toEqual(tableUrls);
  });

  it('on-demand pages are exactly those marked prerender = false, and CloudFront sends them to the function', () => {
    const patterns = onDemandPathPatterns();
    for (const file of files) {
      const onDemand = /export const prerender = false/.test(readFileSync(file, 'utf8'));
      const url = urlOf(file).replace(/\[[^\]]+\]\/$/, 'x/');
      expect(
        patterns.some((p) => matches(p, url)),
        url,
      ).toBe(onDemand);
    }
  });
});
