/**
 * The fuzzer's oracle: whatever content validation accepts must give output
 * that every reader can parse and that carries content only as data. Each
 * check returns a list of failures (empty when all holds), one line each.
 *
 * - Validation's rejections name a file and a field, one of them the file changed.
 * - Feeds parse as XML (RSS, Atom) or JSON; no feed element comes from content
 *   (no `script`, no repeated `title`), so CDATA cannot be broken out of.
 * - atlas.jsonl parses line by line; clauses.csv parses with a fixed column
 *   count and no cell a spreadsheet would run as a formula.
 * - Citations: BibTeX parses, RIS keeps one `XX  - ` line a tag, CSL-JSON parses.
 * - A built site: the same for every file of those kinds, and no HTML page has
 *   a script or event handler that the site's own code did not put there.
 */
import { routes } from '../../../src/atlas/routes.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'parse5';
import { citationFormats, citedRecords } from '../../../src/atlas/outputs/citation-export.ts';
import { clausesCsv, clausesJsonl, clauseColumns, CSV_FORMULA_START } from '../../../src/atlas/outputs/exports.ts';
import { feedFiles } from '../../../src/atlas/outputs/feeds.ts';
import type { Atlas } from '../../../src/atlas/model/model.ts';
import { formatProblem, type Problem } from '../../../src/atlas/reading/problems.ts';
import type { Mutation } from './mutate.ts';

/** Rejections must say where: a file, a field, and at least one problem in a file the mutation touched. */
export function checkRejection(errors: readonly Problem[], mutation: Mutation, contentDir: string): string[] {
  const failures = errors.filter((p) => !p.file || !p.field).map((p) => `problem without file or field: ${formatProblem(p)}`);
  const touched = `${contentDir}/${mutation.file}`;
  // A rename's own file may be unreadable by name; its problems then sit on the file, its folder or its references.
  const names = mutation.kind === 'field' || mutation.kind === 'body' ? [touched] : [touched, mutation.value];
  if (!errors.some((p) => names.some((name) => p.file.includes(name) || p.found.includes(name)))) {
    failures.push(`no problem names ${touched}: ${errors.map(formatProblem).join(' | ')}`);
  }
  return failures;
}

const xml = new XMLParser({ ignoreAttributes: true, cdataPropName: '#cdata', isArray: (name) => ['item', 'entry'].includes(name) });

/** Elements a feed item has exactly once; content that breaks out of CDATA shows up as a second one or a new element. */
const SINGLE = ['title', 'guid', 'pubDate', 'description', 'id', 'updated', 'published', 'summary'];

function findElement(value: unknown, name: string): boolean {
  if (Array.isArray(value)) return value.some((v) => findElement(v, name));
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => key.toLowerCase() === name || findElement(child, name));
}

/** Characters XML 1.0 does not allow, raw or as a character reference (https://www.w3.org/TR/xml/#charsets). */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHARACTER_REFERENCE = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

/** Failures of an XML document: what fast-xml-parser's validator finds, and characters XML forbids, which it does not check. */
function checkXml(path: string, body: string): string[] {
  const valid = XMLValidator.validate(body);
  if (valid !== true) return [`${path}: not well-formed XML (${valid.err.msg}, line ${valid.err.line})`];
  const raw = XML_FORBIDDEN.exec(body);
  if (raw) return [`${path}: not well-formed XML (character U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')})`];
  // Inside CDATA a reference is plain text.
  for (const [, ref = ''] of body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').matchAll(CHARACTER_REFERENCE)) {
    const code = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number(ref);
    if (code > 0x10ffff || XML_FORBIDDEN.test(String.fromCodePoint(code))) return [`${path}: not well-formed XML (reference &#${ref};)`];
  }
  return [];
}

/** Failures of one feed body: well-formed XML or JSON, one title per item, no script element. */
export function checkFeed(path: string, body: string): string[] {
  if (path.endsWith('.json')) return checkJson(path, body);
  const wellFormed = checkXml(path, body);
  if (wellFormed.length) return wellFormed;
  const doc = xml.parse(body) as { rss?: { channel?: { item?: unknown[] } }; feed?: { entry?: unknown[] } };
  const failures: string[] = [];
  if (findElement(doc, 'script')) failures.push(`${path}: a script element`);
  const items = (doc.rss?.channel?.item ?? doc.feed?.entry ?? []) as Array<Record<string, unknown>>;
  items.forEach((item, i) => {
    for (const name of SINGLE) if (Array.isArray(item[name])) failures.push(`${path}: item ${i} has ${item[name].length} ${name} elements`);
  });
  return failures;
}

/** Failures of clauses.csv: parses, one row per clause plus the header, every row as wide as the header, no live formula. */
export function checkCsv(path: string, body: string, rows?: number): string[] {
  let records: string[][];
  try {
    records = parseCsv(body, { relax_column_count: false }) as string[][];
  } catch (error) {
    return [`${path}: not CSV (${(error as Error).message})`];
  }
  const failures: string[] = [];
  if (records[0]?.join(',') !== clauseColumns.join(',')) failures.push(`${path}: header is not the clause columns`);
  if (rows !== undefined && records.length !== rows + 1) failures.push(`${path}: expected ${rows + 1} rows, found ${records.length}`);
  records.forEach((record, r) =>
    record.forEach((cell, c) => {
      if (CSV_FORMULA_START.test(cell)) failures.push(`${path}: row ${r + 1} column ${c + 1} starts a formula: ${JSON.stringify(cell.slice(0, 40))}`);
    }),
  );
  return failures;
}

function checkJson(path: string, body: string): string[] {
  try {
    JSON.parse(body);
    return [];
  } catch (error) {
    return [`${path}: not JSON (${(error as Error).message})`];
  }
}

function checkJsonLines(path: string, body: string): string[] {
  return body
    .split('\n')
    .filter(Boolean)
    .flatMap((line, i) => checkJson(`${path} line ${i + 1}`, line));
}

const RIS_LINE = /^(?:[A-Z][A-Z0-9] {2}- .*)$/;

function checkCitation(path: string, body: string): string[] {
  if (path.endsWith('.bib')) {
    const library = parseBibtex(body);
    return library.errors.length || library.entries.length !== 1 ? [`${path}: BibTeX with ${library.entries.length} entries and errors ${JSON.stringify(library.errors).slice(0, 200)}`] : [];
  }
  if (path.endsWith('.ris')) {
    const lines = body.replace(/\r\n$/, '').split('\r\n');
    const bad = lines.filter((line) => !RIS_LINE.test(line));
    const ends = lines.filter((line) => line.startsWith('ER  -')).length;
    return bad.length || ends !== 1 || lines.at(-1) !== 'ER  - ' ? [`${path}: RIS with ${ends} ER lines and lines ${JSON.stringify(bad.slice(0, 3))}`] : [];
  }
  return checkJson(path, body);
}

/** Every output the domain core writes without Astro: feeds, the dataset, citations. Fast enough for hundreds of cases. */
export function checkGeneratedOutputs(atlas: Atlas): string[] {
  const failures = feedFiles(atlas).flatMap((feed) => checkFeed(feed.path, feed.body));
  failures.push(...checkJsonLines(routes.dataJsonl(), clausesJsonl(atlas)));
  failures.push(...checkCsv(routes.dataCsv(), clausesCsv(atlas), atlas.clauses.length));
  for (const item of citedRecords(atlas)) {
    for (const [extension, format] of Object.entries(citationFormats)) failures.push(...checkCitation(routes.citation(item.id, extension), format.write(item)));
  }
  return failures;
}

interface HtmlNode {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

const DANGEROUS_URL = /^(?:javascript|vbscript|data):/;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset']);

function textOf(node: HtmlNode): string {
  return node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
}

/**
 * Failures of one HTML page: a script is allowed only as a JSON-LD data block
 * that parses, or loaded from the site itself (`src="/…"`); no `on…` attribute;
 * no script URL in a link or source.
 */
export function checkHtml(path: string, html: string): string[] {
  const failures: string[] = [];
  const walk = (node: HtmlNode) => {
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name.toLowerCase(), a.value]));
    if (node.nodeName === 'script') {
      const type = attrs.get('type');
      const src = attrs.get('src');
      if (type === 'application/ld+json') {
        try {
          JSON.parse(textOf(node));
        } catch {
          failures.push(`${path}: a JSON-LD block that is not JSON`);
        }
      } else if (!(src?.startsWith('/') && !src.startsWith('//')) && !(type === 'module' && /^\s*import\s*\(?["']\/[^"']+["']\)?;?\s*$/.test(textOf(node)))) {
        failures.push(`${path}: a script ${JSON.stringify(`${src ?? ''} ${textOf(node)}`.slice(0, 80))}`);
      }
    }
    for (const [name, value] of attrs) {
      if (name.startsWith('on')) failures.push(`${path}: <${node.nodeName} ${name}>`);
      // eslint-disable-next-line no-control-regex
      if (URL_ATTRIBUTES.has(name) && DANGEROUS_URL.test(value.replace(/[\u0000-\u0020]/g, '').toLowerCase())) failures.push(`${path}: <${node.nodeName} ${name}="${value.slice(0, 40)}">`);
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseHtml(html) as unknown as HtmlNode);
  return failures;
}

/** Checks every file of a built site by its kind; `checked` counts the files of a kind checked. */
export function checkBuiltSite(dir: string): { checked: number; failures: string[] } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((file) => !file.startsWith('pagefind/') && /\.(?:html|xml|json|jsonl|csv|bib|ris)$/.test(file));
  const failures = files.flatMap((file) => {
    const path = `/${file}`;
    const read = () => readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.html')) return checkHtml(path, read());
    if (file.endsWith('.xml') && /(?:feed|atom)\.xml$/.test(file)) return checkFeed(path, read());
    if (file.endsWith('.xml')) return checkXml(path, read());
    if (file.endsWith('.json')) return checkJson(path, read());
    if (file.endsWith('.jsonl')) return checkJsonLines(path, read());
    if (file.endsWith('.csv')) return checkCsv(path, read());
    return checkCitation(path, read());
  });
  return { checked: files.length, failures };
}
