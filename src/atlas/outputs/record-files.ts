/**
 * The small files every record publishes, listed from the model for one pass
 * that writes them outside Astro's route pipeline (src/integrations/record-files.ts):
 *
 * - `/r/<ID>/` of every live document and clause: a redirect page to its page;
 * - `/cite/<ID>.bib|.ris|.json`: its citation in each download format;
 * - `/api/v1/platforms|documents|clauses|clause-types/…json`: its API record;
 * - `/snapshots/<p>/<d>/<stamp>.md`: every published capture's text, byte for
 *   byte as hashed, re-read from its file and re-hashed, so a text that no
 *   longer matches its recorded SHA-256 fails the build.
 *
 * Paths come from routes.ts; the bytes are what those routes served when they
 * were Astro routes (tests/build/record-files-build.test.ts holds them to it).
 * The list is lazy: a file's contents are computed when it is written.
 */
import { readFile } from 'node:fs/promises';
import type { GeneratedFile } from '../../support/write-files.ts';
import { permanentUrls } from '../checks/permanent-urls.ts';
import type { Atlas, SnapshotView } from '../model/model.ts';
import { contentFile } from '../reading/content-layout.ts';
import { sha256, splitSnapshotFile } from '../reading/snapshot-file.ts';
import { routes } from '../routes.ts';
import { apiClause, apiClauseType, apiDocument, apiPlatform } from './exports.ts';
import { citationFormats, clauseCslItem, documentCslItem, type CitationFormat, type CslItem } from './citation-export.ts';
import { jsonText, MEDIA_TYPES, type MediaType } from './media-types.ts';
import { redirectPage } from './redirect-page.ts';
import { publishedCaptures } from './version-pages.ts';

/** A file to write, with the media type it is served as (the dev server sends it; static hosts infer it from the extension). */
export interface RecordFile extends GeneratedFile {
  /** The site path it is published at, e.g. `/r/CA-P-000001/` or `/cite/CA-P-000001.bib`. */
  sitePath: string;
  mediaType: MediaType | (typeof citationFormats)[CitationFormat]['mediaType'];
}

export interface RecordFileOptions {
  /** The content root the snapshot files are read from. */
  contentRoot: string;
  /** The meta form of the Content-Security-Policy for the redirect pages (security-headers.ts `pagePolicy`). */
  policy: string;
}

/** Where a site path is written below the output folder: a page path (`/r/X/`) as its `index.html`, a file path as itself. */
export function outputPath(sitePath: string): string {
  const path = sitePath.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function file(sitePath: string, source: string, mediaType: RecordFile['mediaType'], contents: RecordFile['contents']): RecordFile {
  return { sitePath, path: outputPath(sitePath), source, mediaType, contents };
}

/**
 * A capture's text as published: the body of its file, re-read and re-hashed.
 * Throws, naming the file, when the file has no front matter or its body no
 * longer has the recorded SHA-256 (snapshot files are never edited).
 */
export async function publishedSnapshotText(contentRoot: string, snapshot: SnapshotView): Promise<Uint8Array> {
  const raw = await readFile(contentFile(contentRoot, 'snapshot', `${snapshot.documentKey}/${snapshot.stamp}`));
  const body = splitSnapshotFile(raw)?.body;
  if (!body) throw new Error(`${snapshot.file}: expected front matter between --- lines, found none`);
  const actual = sha256(body);
  if (actual !== snapshot.data.sha256) throw new Error(`${snapshot.file} sha256: expected ${snapshot.data.sha256}, found ${actual}; snapshot files are never edited`);
  return body;
}

/** The three citation downloads of one record, sharing its CSL item (made once, when the first of them is written). */
function* citationFiles(id: string, makeItem: () => CslItem): Generator<RecordFile> {
  let item: CslItem | undefined;
  for (const format of Object.keys(citationFormats) as CitationFormat[]) {
    const { write, mediaType } = citationFormats[format];
    yield file(routes.citation(id, format), id, mediaType, () => write((item ??= makeItem())));
  }
}

/** Every record file of the atlas, lazily, in a fixed order: redirect pages, citations, API records, snapshot texts. */
export function* recordFiles(atlas: Atlas, { contentRoot, policy }: RecordFileOptions): Generator<RecordFile> {
  for (const redirect of permanentUrls(atlas).records) {
    yield file(redirect.from, redirect.id, MEDIA_TYPES.html, () => redirectPage(redirect, atlas.site.url, policy));
  }
  for (const document of atlas.documents) yield* citationFiles(document.data.id, () => documentCslItem(atlas, document));
  for (const clause of atlas.clauses) yield* citationFiles(clause.data.id, () => clauseCslItem(atlas, clause));
  for (const platform of atlas.platforms) yield file(routes.apiPlatform(platform.slug), platform.file, MEDIA_TYPES.json, () => jsonText(apiPlatform(atlas, platform)));
  for (const document of atlas.documents) yield file(routes.apiDocument(document.key), document.data.id, MEDIA_TYPES.json, () => jsonText(apiDocument(atlas, document)));
  for (const clause of atlas.clauses) yield file(routes.apiClause(clause.key), clause.data.id, MEDIA_TYPES.json, () => jsonText(apiClause(atlas, clause)));
  for (const clauseType of atlas.clauseTypes) yield file(routes.apiClauseType(clauseType.key), clauseType.file, MEDIA_TYPES.json, () => jsonText(apiClauseType(atlas, clauseType)));
  for (const snapshot of publishedCaptures(atlas)) {
    yield file(routes.snapshotText(snapshot.documentKey, snapshot.stamp), snapshot.file, MEDIA_TYPES.markdown, () => publishedSnapshotText(contentRoot, snapshot));
  }
}
