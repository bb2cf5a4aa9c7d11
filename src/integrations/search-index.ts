/**
 * Builds the Pagefind search index over the built HTML once Astro has written
 * the site, with Pagefind's Node API. Only the record pages are indexed, and
 * only they are read: the model lists their paths, so the large version pages
 * are never handed to Pagefind. The bundle, with its UI scripts, goes to
 * `<outDir>/pagefind/`.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadAtlasOnce } from '../atlas/index.ts';
import { pageMetaFor } from '../atlas/page-meta.ts';
import { recordTiming } from './timings.ts';

/**
 * Parts of record pages left out of the index: navigation, the legal notice
 * every page repeats, lists of other clauses (each has its own page and
 * result), and citation, provenance, stability, version and FAQ blocks, whose
 * boilerplate would otherwise match queries and crowd the excerpts. A clause
 * page's regulation and agency notes and its classification repeat on every
 * clause they apply to (two thirds of the page's words); their names are in
 * the page's weighted keywords instead. Leaving them out halved the indexer's
 * memory (313 → 164 MB on 1,098 pages) and a third of its time.
 */
const EXCLUDED = ['.breadcrumb', '.toc', '.notice', '.clause-list', '#peers', '#siblings', '#stability', '#record', '#provenance', '#cite', '#faq', '#versions', '#regulation-list', '#agency-list', '#classification'];

/** Total size in bytes of the files under a folder. */
function folderSize(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderSize(path) : statSync(path).size);
  }, 0);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Writes the index of the given pages (site paths) of the built site at `site` (a folder) into `site/pagefind/`; returns how many pages went into the index. */
export async function writeSearchIndex(site: string, paths: readonly string[]): Promise<{ pages: number; bundle: string }> {
  const fail = (step: string, errors: readonly string[]) => {
    throw new Error(`search index: ${step} failed for ${site}: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', excludeSelectors: EXCLUDED });
    if (!index) return fail('creating the index', errors);
    for (const path of paths) {
      const added = await index.addHTMLFile({ url: path, content: readFileSync(join(site, path, 'index.html'), 'utf8') });
      if (added.errors.length) fail(`reading ${path}`, added.errors);
    }
    const bundle = join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) fail('writing the bundle', written.errors);
    // The entry file counts the pages that had a search body.
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages, bundle };
  } finally {
    await pagefind.close();
  }
}

export default function searchIndex({ contentRoot }: { contentRoot: string }): AstroIntegration {
  return {
    name: 'clause-atlas:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, bundle } = await writeSearchIndex(fileURLToPath(dir), pageMetaFor(loadAtlasOnce(contentRoot).atlas).indexedPaths());
        recordTiming('search', performance.now() - started, { pages });
        if (pages === 0) throw new Error('search index: no page has data-pagefind-body, so nothing was indexed');
        const index = ['index', 'fragment', 'filter'].reduce((sum, part) => sum + folderSize(join(bundle, part)), 0);
        logger.info(`indexed ${pages} pages; index ${kB(index)} (index, fragment and filter files), whole bundle ${kB(folderSize(bundle))}`);
      },
    },
  };
}
