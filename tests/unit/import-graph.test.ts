/**
 * The house plan, held against the code: imports run one way only. The domain
 * core (src/atlas) imports itself, src/schema, src/support and libraries, never
 * Astro, OG images or the page shell; inside the core, reading/ → model/ →
 * checks/ → outputs/ never runs back up; src/og depends on the core and never
 * on the page shell; src/schema and src/support stand on nothing of ours.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

interface Edge {
  from: string;
  /** A repo path for a relative import, else the package name as written. */
  to: string;
}

/** Static, side-effect and dynamic imports and re-exports of one file, comments left out. */
function importsOf(file: string, text: string): Edge[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const edges: Edge[] = [];
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
    const spec = match[1] ?? '';
    edges.push({ from: file, to: spec.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), spec)) : spec });
  }
  return edges;
}

async function edgesUnder(dir: string): Promise<Edge[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name)).map((e) => relative(ROOT, join(e.parentPath, e.name)));
  const edges = await Promise.all(files.map(async (file) => importsOf(file, await readFile(join(ROOT, file), 'utf8'))));
  return edges.flat();
}

const isOurs = (to: string) => to.startsWith('src/') || to.startsWith('scripts/') || to.startsWith('tests/');
const isAstro = (to: string) => to === 'astro' || to.startsWith('astro:') || (to.startsWith('astro/') && to !== 'astro/zod') || to.startsWith('@astrojs/');
const show = (edges: Edge[]) => edges.map((e) => `${e.from} -> ${e.to}`);

/** Rank of a core file: an import may only reach a file of the same or a lower rank. */
function coreRank(path: string): number {
  if (path === 'src/atlas/routes.ts' || path === 'src/atlas/site-url.ts') return 0;
  const trade = /^src\/atlas\/(reading|model|checks|outputs)\//.exec(path)?.[1];
  if (trade) return { reading: 1, model: 2, checks: 3, outputs: 4 }[trade] ?? 5;
  return 5;
}

describe('the import graph', () => {
  it('reads the imports it checks', async () => {
    const edges = await edgesUnder('src/atlas');
    expect(edges).toContainEqual({ from: 'src/atlas/index.ts', to: 'src/atlas/reading/index.ts' });
    expect(edges).toContainEqual({ from: 'src/atlas/model/model.ts', to: 'src/atlas/routes.ts' });
    expect(importsOf('src/atlas/x.ts', "import type {\n  A,\n} from '../../src/og/card.ts';\nconst m = await import('astro:content');")).toEqual([
      { from: 'src/atlas/x.ts', to: 'src/og/card.ts' },
      { from: 'src/atlas/x.ts', to: 'astro:content' },
    ]);
  });

  it('keeps the core free of Astro, OG images and the page shell', async () => {
    const edges = await edgesUnder('src/atlas');
    const allowed = ['src/atlas/', 'src/schema/', 'src/support/'];
    expect(show(edges.filter((e) => isAstro(e.to) || (isOurs(e.to) && !allowed.some((a) => e.to.startsWith(a)))))).toEqual([]);
  });

  it('never runs back up inside the core: reading, then model, then checks and outputs', async () => {
    const edges = await edgesUnder('src/atlas');
    expect(show(edges.filter((e) => e.to.startsWith('src/atlas/') && coreRank(e.to) > coreRank(e.from)))).toEqual([]);
  });

  it('lets OG images use the core but never the page shell', async () => {
    const edges = await edgesUnder('src/og');
    expect(show(edges.filter((e) => isAstro(e.to) || (isOurs(e.to) && !['src/og/', 'src/atlas/', 'src/schema/', 'src/support/'].some((a) => e.to.startsWith(a)))))).toEqual([]);
  });

  it('stands schema and support on nothing of ours', async () => {
    const schema = await edgesUnder('src/schema');
    expect(show(schema.filter((e) => isOurs(e.to) && !e.to.startsWith('src/schema/')))).toEqual([]);
    const support = await edgesUnder('src/support');
    expect(show(support.filter((e) => isOurs(e.to) && !e.to.startsWith('src/support/')))).toEqual([]);
  });
});
