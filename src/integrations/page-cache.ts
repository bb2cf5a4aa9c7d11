/**
 * Incremental builds: clause and version pages whose inputs did not change
 * since they were last rendered are copied from a cache instead of rendered.
 *
 * At `astro:build:start` every reusable page gets its input key
 * (src/atlas/outputs/page-inputs.ts: path, rendering code, content digests);
 * a page whose key has a file in the cache is left out of its route's static
 * paths (src/lib/page-plan.ts). At `astro:build:done`, before the search index
 * reads the pages, the reused pages are copied in from the cache and the
 * rendered ones stored under their keys. The cache is content-addressed
 * (`<key>.html`), so a stale entry is never matched and a crashed build leaves
 * nothing wrong behind; entries no build used for an hour are removed.
 * Entries are not flushed to disk one by one (that took longer than rendering
 * at 10,000 pages): after a power cut, delete the cache folder.
 *
 * ATLAS_PAGE_CACHE moves the cache (default
 * `node_modules/.cache/clause-atlas-pages`) or, set to `off`, renders every
 * page. ATLAS_PAGE_CACHE_VERIFY=1 renders every page and fails the build when a
 * page the cache would have reused came out different, naming it: a missing
 * input in page-inputs.ts shows up there instead of as a stale page.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAtlasOnce } from '../atlas/index.ts';
import { contentDigests } from '../atlas/reading/content-digest.ts';
import { reusablePages, type ReusablePage } from '../atlas/outputs/page-inputs.ts';
import { setReusedPages } from '../lib/page-plan.ts';
import { writeFileAtomic } from '../support/atomic-write.ts';
import { eachLimited } from '../support/each-limited.ts';
import { filesBelow } from '../support/files-below.ts';
import { recordTiming } from './timings.ts';

const DEFAULT_CACHE_DIR = 'node_modules/.cache/clause-atlas-pages';
/** An entry unused this long may be removed; a build touches each entry it reuses, so a concurrent build never loses one it counts on. */
const KEEP_UNUSED_MS = 60 * 60 * 1000;
/** Files copied at once: enough to keep the disk busy, few enough to keep file handles and memory flat. */
const CONCURRENCY = 16;
const ENTRY = /^[0-9a-f]{64}\.html$/;

/** The cache folder (absolute), or undefined when ATLAS_PAGE_CACHE is `off`. */
function cacheDirFrom(env: NodeJS.ProcessEnv): string | undefined {
  return env.ATLAS_PAGE_CACHE === 'off' ? undefined : resolve(env.ATLAS_PAGE_CACHE || DEFAULT_CACHE_DIR);
}

/** A digest of everything in the project that renders pages: src/, the Astro config and the locked dependency versions. */
function codeDigest(root: string): string {
  const hash = createHash('sha256');
  const files = [...filesBelow(root, join(root, 'src')), 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
  for (const path of files) if (existsSync(join(root, path))) hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}

/** Removes entries that are neither this build's nor used by any build in the last KEEP_UNUSED_MS. */
async function collectGarbage(cacheDir: string, keep: ReadonlySet<string>): Promise<number> {
  const stale = [];
  for (const name of await readdir(cacheDir)) {
    if (!ENTRY.test(name) || keep.has(name)) continue;
    const path = join(cacheDir, name);
    if (Date.now() - (await stat(path)).mtimeMs > KEEP_UNUSED_MS) stale.push(path);
  }
  await eachLimited(stale, CONCURRENCY, (path) => rm(path, { force: true }));
  return stale.length;
}

export default function pageCache({ contentRoot }: { contentRoot: string }): AstroIntegration {
  let projectRoot = '';
  let cacheDir: string | undefined;
  let verify = false;
  let pages: ReusablePage[] = [];
  /** Keys with a cache entry at the start of the build. */
  let hits = new Set<string>();
  return {
    name: 'clause-atlas:page-cache',
    hooks: {
      'astro:config:setup': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        cacheDir = cacheDirFrom(process.env);
        verify = process.env.ATLAS_PAGE_CACHE_VERIFY === '1';
        if (!cacheDir) return setReusedPages(new Set());
        const started = performance.now();
        pages = reusablePages(loadAtlasOnce(contentRoot).atlas, contentDigests(contentRoot), codeDigest(projectRoot));
        const now = new Date();
        hits = new Set(
          pages.flatMap(({ key }) => {
            const entry = join(cacheDir!, `${key}.html`);
            if (!existsSync(entry) || !statSync(entry).isFile()) return [];
            utimesSync(entry, now, now);
            return [key];
          }),
        );
        setReusedPages(verify ? new Set() : new Set(pages.filter((p) => hits.has(p.key)).map((p) => p.path)));
        recordTiming('page-plan', performance.now() - started, { pages: pages.length, hits: hits.size });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!cacheDir) return;
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        await mkdir(cacheDir, { recursive: true });
        const differing: string[] = [];
        let reused = 0;
        let compared = 0;
        await eachLimited(pages, CONCURRENCY, async ({ path, key }) => {
          const page = join(outDir, path, 'index.html');
          const entry = join(cacheDir!, `${key}.html`);
          if (!hits.has(key)) return writeFileAtomic(entry, await readFile(page), { durable: false });
          if (verify) {
            if (!(await readFile(page)).equals(await readFile(entry))) differing.push(path);
            compared++;
            return;
          }
          await mkdir(dirname(page), { recursive: true });
          await copyFile(entry, page).catch((error: NodeJS.ErrnoException) => {
            throw new Error(`page cache: ${entry} (for ${path}) was there at the start of the build and is gone (${error.code}); build again`);
          });
          reused++;
        });
        if (differing.length) {
          throw new Error(
            `page cache: ${differing.length} page(s) differ from their cached copy although their inputs did not change, so an input is missing from src/atlas/outputs/page-inputs.ts:\n` +
              differing.sort().slice(0, 20).join('\n'),
          );
        }
        const removed = await collectGarbage(cacheDir, new Set(pages.map((p) => `${p.key}.html`)));
        const ms = performance.now() - started;
        recordTiming('page-cache', ms, { pages: pages.length, reused, removed });
        const verified = verify ? ` (verify: every page rendered; the ${compared} the cache would have reused are identical to their cached copies)` : '';
        logger.info(`${reused} of ${pages.length} clause and version pages reused from the page cache${verified}; ${removed} stale entries removed; ${Math.round(ms)} ms`);
      },
    },
  };
}
