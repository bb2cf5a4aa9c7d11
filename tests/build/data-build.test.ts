/**
 * The open data as actually built from the fixture atlas: every API file and
 * every dataset line validated with ajv against the JSON Schemas read from the
 * built /data/schema/ (what a consumer downloads, not the module), the CSV,
 * the sitemap against the built pages, robots.txt and the /data/ page.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseColumns, fieldDocs } from '../../src/atlas/outputs/exports.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { schemaNames } from '../../src/atlas/outputs/json-schema.ts';
import { fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const SITE = 'https://fixture.example';
const PAGES = join(import.meta.dirname, '..', '..', 'src', 'pages');

let site: BuiltSite;
const validators = new Map<string, ValidateFunction>();

beforeAll(() => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats.default(ajv);
  for (const name of schemaNames) validators.set(name, ajv.compile(JSON.parse(site.read(`data/schema/${name}.json`)) as object));
});
afterAll(() => site?.dispose());

function expectValid(schema: string, value: unknown, what: string): void {
  const validate = validators.get(schema);
  if (!validate) throw new Error(`no published schema ${schema}`);
  expect(validate(value), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** Built files under a folder, as site paths without the leading slash. */
function filesUnder(folder: string): string[] {
  const root = join(site.out, folder);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site.out, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The schema each API file must satisfy, by its folder. */
function apiSchemaOf(path: string): string {
  if (path === 'api/v1/index.json') return 'api-index';
  const folder = path.split('/')[2];
  const schema = { platforms: 'api-platform', documents: 'api-document', clauses: 'api-clause', 'clause-types': 'api-clause-type' }[folder ?? ''];
  if (!schema) throw new Error(`unexpected API file ${path}`);
  return schema;
}

/** CSV records split on CR LF outside quoted fields (RFC 4180 quotes escape as ""). */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  for (const line of text.split('\r\n')) {
    current = current ? `${current}\r\n${line}` : line;
    if ((current.match(/"/g) ?? []).length % 2 === 0) {
      records.push(current);
      current = '';
    }
  }
  return records.filter(Boolean);
}

/**
 * Pages whose routes other work adds; a sitemap URL of these kinds is checked
 * only once one of its route files exists.
 */
const PENDING_ROUTES: Array<{ page: RegExp; routes: string[] }> = [
  { page: /^\/changes\/$/, routes: ['changes.astro', 'changes/index.astro', 'changes/[...page].astro'] },
  { page: /^\/search\/$/, routes: ['search.astro', 'search/index.astro'] },
  { page: /^\/platform\/[^/]+\/[^/]+\/versions\/[^/]+\/$/, routes: ['platform/[platform]/[document]/versions/[stamp].astro', 'platform/[platform]/[document]/versions/[stamp]/index.astro'] },
];
const routeMissing = (path: string) => PENDING_ROUTES.some(({ page, routes }) => page.test(path) && !routes.some((route) => existsSync(join(PAGES, route))));

describe('the open data of the fixture build', () => {
  it('publishes one API file per record, each valid against its published schema', () => {
    const files = filesUnder('api/v1');
    const expected = [
      'api/v1/index.json',
      ...atlas.platforms.map((p) => `api/v1/platforms/${p.slug}.json`),
      ...atlas.documents.map((d) => `api/v1/documents/${d.key}.json`),
      ...atlas.clauses.map((c) => `api/v1/clauses/${c.key}.json`),
      ...atlas.clauseTypes.map((t) => `api/v1/clause-types/${t.key}.json`),
    ].sort();
    expect(files).toEqual(expected);
    for (const path of files) expectValid(apiSchemaOf(path), JSON.parse(site.read(path)), path);
  });

  it('links every API record from the index by an absolute URL that is built', () => {
    const index = JSON.parse(site.read('api/v1/index.json')) as Record<'platforms' | 'documents' | 'clauses' | 'clause_types', Array<{ api_url: string }>>;
    const urls = [...index.platforms, ...index.documents, ...index.clauses, ...index.clause_types].map((r) => r.api_url);
    expect(urls).toHaveLength(atlas.platforms.length + atlas.documents.length + atlas.clauses.length + atlas.clauseTypes.length);
    for (const url of urls) {
      expect(url.startsWith(`${SITE}/api/v1/`), url).toBe(true);
      expect(site.exists(url.slice(SITE.length + 1)), url).toBe(true);
    }
  });

  it('publishes every schema as JSON Schema draft-07', () => {
    expect(filesUnder('data/schema')).toEqual(schemaNames.map((name) => `data/schema/${name}.json`).sort());
    for (const name of schemaNames) expect(JSON.parse(site.read(`data/schema/${name}.json`)).$schema, name).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('writes atlas.jsonl as one valid clause row per line, by key', () => {
    const text = site.read('data/atlas.jsonl');
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as { key: string });
    expect(rows.map((r) => r.key)).toEqual(atlas.clauses.map((c) => c.key).sort());
    rows.forEach((row, i) => expectValid('clause-row', row, `atlas.jsonl line ${i + 1}`));
  });

  it('writes clauses.csv with a header and one row per clause', () => {
    const records = csvRecords(site.read('data/clauses.csv'));
    expect(records[0]).toBe(clauseColumns.join(','));
    expect(records).toHaveLength(atlas.clauses.length + 1);
    // The first column is the record ID, which never needs quoting.
    expect(records.slice(1).map((r) => r.split(',')[0]).sort()).toEqual(atlas.clauses.map((c) => c.data.id).sort());
  });

  it('lists in sitemap.xml only pages that are built, by absolute URL', () => {
    const xml = site.read('sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml) as { urlset: { '@_xmlns': string; url: Array<{ loc: string; lastmod?: string }> } };
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const paths = parsed.urlset.url.map(({ loc }) => {
      expect(loc.startsWith(`${SITE}/`), loc).toBe(true);
      return loc.slice(SITE.length);
    });
    expect(paths).toContain('/data/');
    // Version pages and the like are skipped while their routes are not in src/pages yet.
    const checked = paths.filter((path) => !routeMissing(path));
    expect(checked.length).toBeGreaterThanOrEqual(paths.length - atlas.snapshots.length - 2);
    for (const path of checked) expect(site.exists(`${path.slice(1)}index.html`), path).toBe(true);
    for (const { loc, lastmod } of parsed.urlset.url) if (lastmod !== undefined) expect(String(lastmod), loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // While it fits one file there are no parts.
    expect(site.exists('sitemap-1.xml')).toBe(false);
  });

  it('names the sitemap in robots.txt', () => {
    expect(site.read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('documents every field, the downloads, the schemas and the licences on /data/', () => {
    // Scoped styles mark elements with data-astro-cid-* attributes; they are no part of the text checked here.
    const html = site.read('data/index.html').replace(/ data-astro-cid-\w+/g, '');
    // Each table closes before the next section (the Astro compiler can misplace table tags written inside an expression).
    expect(html.match(/<table>[\s\S]*?<\/table>/g)?.every((table) => !table.includes('<section'))).toBe(true);
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
    for (const { field } of fieldDocs()) expect(html, field).toContain(`<code>${field}</code>`);
    for (const file of ['atlas.jsonl', 'clauses.csv']) expect(html, file).toContain(`href="${SITE}/data/${file}"`);
    for (const name of schemaNames) expect(html, name).toContain(`href="/data/schema/${name}.json"`);
    expect(html).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(html).toContain('https://opendatacommons.org/licenses/by/1-0/');
    expect(html).toContain(`curl -s ${SITE}/api/v1/index.json`);
    expect(html).toContain('"@type":"Dataset"');
  });
});
