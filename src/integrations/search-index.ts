/**
 * Builds the Pagefind search index over the built HTML once Astro has written
 * the site, with Pagefind's Node API. Only the record pages are indexed, and
 * only they are read: the model lists their paths, so the large version pages
 * are never handed to Pagefind. The bundle, with its UI scripts, goes to
 * `<outDir>/pagefind/`. A page about a document in a language written
 * without spaces (Japanese, Chinese, …) goes into that language's own index,
 * so Pagefind segments its words; see searchIndexLanguage for why the others
 * share the site language's index.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadAtlasOnce } from '../atlas/index.ts';
import { SITE_LANGUAGE, searchIndexLanguage } from '../atlas/model/language.ts';
import { pageMetaFor, type PageMetaIndex } from '../lib/page-meta.ts';
import { recordTiming } from './timings.ts';

/**
 * Parts of record pages left out of the index: navigation, the legal notice
 * every page repeats, lists of other clauses (each has its own page and
 * result) and of recent changes, and citation, sharing, provenance, stability,
 * version and FAQ blocks, whose boilerplate would otherwise match queries and
 * crowd the excerpts. A clause page's regulation and agency notes and its
 * classification repeat on every clause they apply to (two thirds of the
 * page's words); their names are in the page's weighted keywords instead.
 * Leaving them out also saves the indexer memory and time (measured in
 * docs/decisions/0001-own-search-ui.md). The label above a page's title
 * ("Clause · Acme Social") and a clause's classification line (severity,
 * confidence, type, rarity) repeat what each result's context line and badge
 * show, so an excerpt starts at the title and summary instead.
 */
const EXCLUDED = [
  '.breadcrumb',
  '.toc',
  '.notice',
  '.page-header__kind',
  '.page-header__meta',
  '.clause-list',
  '#changes',
  '#peers',
  '#siblings',
  '#stability',
  '#record',
  '#provenance',
  '#cite',
  '#share',
  '#faq',
  '#versions',
  '#regulations',
  '#classification',
];

/** Total size in bytes of the files under a folder. */
function folderSize(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderSize(path) : statSync(path).size);
  }, 0);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A page to index: its site path and the language its index is in. */
export interface IndexedPage {
  path: string;
  language: string;
}

/** The pages to index, each with the index language of the document it is about (the site language for other pages). */
export function indexedPages(pages: PageMetaIndex): IndexedPage[] {
  return pages.indexedPaths().map((path) => {
    const page = pages.recordAt(path);
    const document = page?.kind === 'clause' ? page.record.document : page?.kind === 'document' ? page.record : undefined;
    return { path, language: document ? searchIndexLanguage(document.data.language) : SITE_LANGUAGE };
  });
}

const SHELL_LANG = `<html lang="${SITE_LANGUAGE}"`;

/**
 * The page's HTML as Pagefind should read it: Pagefind takes a page's index
 * language from `<html lang>`, and the page itself stays in the site language
 * (its chrome and analysis are English; the document's words carry their own
 * `lang`), so only the copy handed to the indexer names the index language.
 */
function asIndexed(html: string, page: IndexedPage): string {
  if (page.language === SITE_LANGUAGE) return html;
  const at = html.indexOf(SHELL_LANG);
  if (at < 0 || html.indexOf(SHELL_LANG, at + 1) >= 0) throw new Error(`search index: ${page.path}: expected one ${SHELL_LANG}> element to index in "${page.language}", found ${at < 0 ? 'none' : 'several'}`);
  return `${html.slice(0, at)}<html lang="${page.language}"${html.slice(at + SHELL_LANG.length)}`;
}

/** Writes the index of the given pages of the built site at `site` (a folder) into `site/pagefind/`; returns how many pages went into the index. */
export async function writeSearchIndex(site: string, pages: readonly IndexedPage[]): Promise<{ pages: number; bundle: string }> {
  const fail = (step: string, errors: readonly string[]) => {
    throw new Error(`search index: ${step} failed for ${site}: ${errors.join('; ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDED });
    if (!index) return fail('creating the index', errors);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.path, content: asIndexed(readFileSync(join(site, page.path, 'index.html'), 'utf8'), page) });
      if (added.errors.length) fail(`reading ${page.path}`, added.errors);
    }
    const bundle = join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) fail('writing the bundle', written.errors);
    // The entry file counts the pages that had a search body, per language.
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    return { pages: indexed, bundle };
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
        const { pages, bundle } = await writeSearchIndex(fileURLToPath(dir), indexedPages(pageMetaFor(loadAtlasOnce(contentRoot).atlas)));
        recordTiming('search', performance.now() - started, { pages });
        if (pages === 0) throw new Error('search index: no page has data-pagefind-body, so nothing was indexed');
        const index = ['index', 'fragment', 'filter'].reduce((sum, part) => sum + folderSize(join(bundle, part)), 0);
        logger.info(`indexed ${pages} pages; index ${kB(index)} (index, fragment and filter files), whole bundle ${kB(folderSize(bundle))}`);
      },
    },
  };
}
