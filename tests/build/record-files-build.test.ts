/**
 * The record files of the fixture build, written outside the route pipeline
 * (src/integrations/record-files.ts): every one exists with the bytes the
 * model gives, no other file sits in their folders, the bytes are still those
 * the Astro routes produced (a redirect page pinned as the routes built it,
 * snapshot texts by their recorded SHA-256, API records against the export
 * functions), and each is served with its format's media type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { permanentUrls } from '../../src/atlas/checks/permanent-urls.ts';
import { apiClause } from '../../src/atlas/outputs/exports.ts';
import { jsonText } from '../../src/atlas/outputs/media-types.ts';
import { recordFiles, type RecordFile } from '../../src/atlas/outputs/record-files.ts';
import { pagePolicy, parseHeaders } from '../../src/atlas/outputs/security-headers.ts';
import { sha256 } from '../../src/atlas/reading/snapshot-file.ts';
import { fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const HEADERS = readFileSync(join(import.meta.dirname, '..', '..', 'public', '_headers'), 'utf8');
const files: RecordFile[] = [...recordFiles(atlas, { contentRoot: FIXTURE_ATLAS, policy: pagePolicy(HEADERS) })];
let site: BuiltSite;

beforeAll(() => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => site?.dispose());

const bytes = (path: string) => readFileSync(join(site.out, path));

/** Built files under a folder, as paths below the output folder. */
function filesUnder(folder: string): string[] {
  return readdirSync(join(site.out, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site.out, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('record files in the fixture build', () => {
  it('writes every record file with the bytes the model gives, and nothing else in their folders', async () => {
    const records = atlas.documents.length + atlas.clauses.length;
    expect(files).toHaveLength(records /* /r/ */ + 3 * records /* /cite/ */ + atlas.platforms.length + records + atlas.clauseTypes.length + atlas.snapshots.length);
    for (const file of files) expect(bytes(file.path).equals(Buffer.from(await file.contents())), file.path).toBe(true);
    // Tombstones of withdrawn records and the API index are still Astro routes.
    const routed = [...permanentUrls(atlas).tombstones.map((t) => `r/${t.id}/index.html`), 'api/v1/index.json'];
    const built = ['r', 'cite', 'api/v1', 'snapshots'].flatMap(filesUnder);
    expect(built.sort()).toEqual([...files.map((f) => f.path), ...routed].sort());
  });

  it('keeps the bytes the routes produced: the redirect page, snapshot texts, API records', () => {
    expect(site.read('r/FX-D-00002/index.html')).toBe(
      '<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' \'wasm-unsafe-eval\'; style-src \'self\' \'unsafe-inline\'; img-src \'self\' data:; font-src \'self\'; connect-src \'self\'; object-src \'none\'; base-uri \'self\'; form-action \'self\'; upgrade-insecure-requests">' +
        '<title>Moved: Acme Social Privacy Policy (Acme Social)</title><meta http-equiv="refresh" content="0; url=/platform/acme/privacy-policy/"><link rel="canonical" href="https://fixture.example/platform/acme/privacy-policy/"><meta name="robots" content="noindex"></head> ' +
        '<body> <p>This address leads to <a href="/platform/acme/privacy-policy/">Acme Social Privacy Policy (Acme Social)</a>.</p> </body> </html>',
    );
    for (const snapshot of atlas.snapshots) {
      const path = `snapshots/${snapshot.documentKey}/${snapshot.stamp}.md`;
      expect(sha256(bytes(path)), path).toBe(snapshot.data.sha256);
    }
    for (const clause of atlas.clauses) expect(site.read(`api/v1/clauses/${clause.key}.json`), clause.key).toBe(jsonText(apiClause(atlas, clause)));
  });

  it('gives each format its media type, and hosts that read _headers the text type of snapshot texts', () => {
    const typeOf = (path: string) => {
      if (path.startsWith('r/')) return 'text/html; charset=utf-8';
      if (path.startsWith('snapshots/')) return 'text/markdown; charset=utf-8';
      if (path.startsWith('api/')) return 'application/json; charset=utf-8';
      return { bib: 'application/x-bibtex; charset=utf-8', ris: 'application/x-research-info-systems; charset=utf-8', json: 'application/vnd.citationstyles.csl+json; charset=utf-8' }[path.split('.').at(-1) ?? ''];
    };
    for (const file of files) expect(file.mediaType, file.path).toBe(typeOf(file.path));
    expect(parseHeaders(site.read('_headers')).get('/snapshots/*')?.get('content-type')).toBe('text/markdown; charset=utf-8');
  });
});
