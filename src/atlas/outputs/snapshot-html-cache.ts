/**
 * Snapshot renderings kept on disk across builds. A snapshot is never
 * rewritten, so its rendering (sanitised HTML, headings, which clause quotes
 * were found) only changes when the highlighted clauses, the source URL or the
 * renderer change. Each rendering is stored as `<key>.json`, where the key is a
 * SHA-256 of the text's own SHA-256, the options and the renderer fingerprint;
 * a cached rendering is therefore byte for byte what rendering again would
 * give. Files are written atomically, like the OG image cache (src/og/cache.ts),
 * so a crashed or concurrent build never leaves half an entry under a valid name.
 *
 * The fingerprint is a version number bumped with any change to the renderer's
 * code, plus a hash of the renderer's output on a probe text that uses every
 * construct it handles: an update of remark, rehype or the sanitiser that
 * changes what it makes of them changes the key, without anyone remembering to.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../support/atomic-write.ts';
import { renderSnapshotHtml, type SnapshotHtml, type SnapshotHtmlOptions } from './snapshot-html.ts';

/** Bump with every change to snapshot-html.ts (or what it imports) that can change its output. */
export const SNAPSHOT_HTML_VERSION = 1;

/** Where renderings are cached unless ATLAS_SNAPSHOT_CACHE says otherwise (relative to the working directory). */
export const DEFAULT_SNAPSHOT_CACHE_DIR = 'node_modules/.cache/clause-atlas-snapshot-html';

/** The cache folder: ATLAS_SNAPSHOT_CACHE or the default, absolute; `off` (the variable set to `off`) turns the cache off. */
export function snapshotCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.ATLAS_SNAPSHOT_CACHE;
  if (dir === 'off') return undefined;
  return resolve(dir || DEFAULT_SNAPSHOT_CACHE_DIR);
}

const PROBE = [
  '# Heading & *emphasis*',
  '',
  'Text with a [relative link](/x), an [absolute one](https://example.org/a), <b>raw html</b>, ![an image](i.png) and a line<br>break.',
  '',
  '| a | b |\n| - | - |\n| ~~struck~~ | `code` |',
  '',
  '1. one\n2. two\n   - nested [ref][r]\n\n[r]: https://example.org/r',
  '',
  '> Quoted text[^1] spanning\n> lines.\n\n[^1]: A footnote.',
  '',
  '## Heading & *emphasis*',
].join('\n');

let fingerprint: string | undefined;

/** The renderer's fingerprint: its version and a hash of what it makes of the probe text. */
export function rendererFingerprint(): string {
  if (fingerprint === undefined) {
    const probe = renderSnapshotHtml(PROBE, { sourceUrl: 'https://example.org/policy', clauses: [{ key: 'p/d/c', title: 'T', url: '/c/', quote: 'Quoted text spanning lines.' }] });
    fingerprint = `${SNAPSHOT_HTML_VERSION}:${createHash('sha256').update(JSON.stringify(probe)).digest('hex')}`;
  }
  return fingerprint;
}

/** The cache key of one rendering: hex SHA-256 of the text's SHA-256, the options that decide the output, and the fingerprint. */
export function renderingKey(text: string, options: SnapshotHtmlOptions): string {
  const textHash = createHash('sha256').update(text).digest('hex');
  const decisive = {
    clauses: (options.clauses ?? []).map(({ key, title, url, quote }) => [key, title, url, quote]),
    sourceUrl: options.sourceUrl ?? null,
    headingShift: options.headingShift ?? null,
  };
  return createHash('sha256').update(JSON.stringify([textHash, decisive, rendererFingerprint()])).digest('hex');
}

/** Counts of this process's lookups, for the build's log. */
export const snapshotCacheStats = { hits: 0, misses: 0 };

function isRendering(value: unknown): value is SnapshotHtml {
  const v = value as Partial<SnapshotHtml> | null;
  return !!v && typeof v.html === 'string' && Array.isArray(v.headings) && Array.isArray(v.found) && Array.isArray(v.missing);
}

/**
 * renderSnapshotHtml, through the on-disk cache in `cacheDir` (none: render
 * every time). An entry that cannot be read or parsed is rendered again and
 * replaced; a failed write is an error, since the folder was asked for.
 */
export async function cachedSnapshotHtml(text: string, options: SnapshotHtmlOptions, cacheDir: string | undefined): Promise<SnapshotHtml> {
  if (!cacheDir) return renderSnapshotHtml(text, options);
  const path = join(cacheDir, `${renderingKey(text, options)}.json`);
  try {
    const cached: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (isRendering(cached)) {
      snapshotCacheStats.hits++;
      return cached;
    }
  } catch {
    // Missing or unreadable: rendered below and written again.
  }
  snapshotCacheStats.misses++;
  const rendered = renderSnapshotHtml(text, options);
  await writeFileAtomic(path, JSON.stringify(rendered));
  return rendered;
}
