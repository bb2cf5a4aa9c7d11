/**
 * The routes module is the one place that writes a public path: every other
 * file asks it. The scan below reads src/ and scripts/ for a string that
 * starts with the first segment of any route (`'/platform/…`, `"/changes/"`,
 * `` `/api/… ``), comments left out, and fails on each one it finds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routePattern, routeRegExp, routes } from '../../src/atlas/routes.ts';

const ROOT = join(import.meta.dirname, '../..');
const ROUTES_FILE = 'src/atlas/routes.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((file) => file !== ROUTES_FILE);
}

/** Source text without comments (block, line and HTML), so doc comments may name paths. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** The first path segment of every route, from the routes themselves (`platform`, `api`, `sitemap`, …). */
function routeSegments(): string[] {
  const sample = routes as unknown as Record<string, (...args: unknown[]) => string>;
  const paths = Object.values(sample).map((route) => route('/x/', 'x'));
  const segments = paths.map((path) => /^\/([a-z]+(?:-[a-z]+)*)/.exec(path)?.[1]).filter((s): s is string => Boolean(s));
  return [...new Set(segments)];
}

describe('routes', () => {
  it('builds every kind of path the site publishes', () => {
    expect(routes.clause('x/privacy-policy/ai-training')).toBe('/platform/x/privacy-policy/ai-training/');
    expect(routes.version('x/privacy-policy', '2024-01-31T00-00-00Z')).toBe('/platform/x/privacy-policy/versions/2024-01-31T00-00-00Z/');
    expect(routes.snapshotText('x/privacy-policy', '2024-01-31T00-00-00Z')).toBe('/snapshots/x/privacy-policy/2024-01-31T00-00-00Z.md');
    expect(routes.changes(1)).toBe('/changes/');
    expect(routes.changes(3)).toBe('/changes/3/');
    expect(routes.feed('atom', 'x')).toBe('/platform/x/atom.xml');
    expect(routes.feed('rss')).toBe('/changes/feed.xml');
    expect(routes.permanent('CA-P-000001')).toBe('/r/CA-P-000001/');
    expect(routes.citation('CA-P-000001', 'bib')).toBe('/cite/CA-P-000001.bib');
    expect(routes.ogImage('/')).toBe('/og/index.png');
    expect(routes.ogImage('/clause-types/ai-training/')).toBe('/og/clause-types/ai-training.png');
    expect(() => routes.ogImage('/platform/acme')).toThrow(/expected a page path starting and ending with "\/"/);
  });

  it('writes patterns for readers and matches paths of their shape only', () => {
    const pattern = routePattern(routes.clause, 'platform/document/clause');
    expect(pattern).toBe('/platform/<platform>/<document>/<clause>/');
    expect(routePattern(routes.apiClauseType, 'type')).toBe('/api/v1/clause-types/<type>.json');
    expect(routeRegExp(pattern).test('/platform/x/tos/arbitration/')).toBe(true);
    expect(routeRegExp(pattern).test('/platform/x/tos/')).toBe(false);
    expect(routeRegExp(pattern).test('/platform/x/tos/Arbitration/')).toBe(false);
  });

  it('is the only place that writes a public path', async () => {
    const segments = routeSegments();
    expect(segments).toEqual(expect.arrayContaining(['platform', 'snapshots', 'r', 'cite', 'api', 'og', 'changes', 'data']));
    const literal = new RegExp(`["'\`]/(?:${segments.join('|')})(?=[/."'\`#-])`);
    const files = [...(await sourceFiles('src')), ...(await sourceFiles('scripts'))];
    const found: string[] = [];
    for (const file of files) {
      for (const line of withoutComments(await readFile(join(ROOT, file), 'utf8')).split('\n')) {
        if (literal.test(line)) found.push(`${file}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
