/** What a built site weighs: files, bytes, HTML pages, a clause page compressed, and the bytes of a first search. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
};

export interface SiteSize {
  files: number;
  bytes: number;
  htmlPages: number;
  /** gzip size of clause pages (HTML with its inlined CSS): median and largest. */
  clausePageGzip: { median: number; max: number };
  /** Bytes of the text a reader sees on a clause page (markup, inline style and scripts left out, white space collapsed): median (what the bench's floor entries are sized after). */
  clausePageText: { median: number };
  /** The largest HTML page, raw: its site path and bytes (no page should grow with the atlas). */
  largestPage: { path: string; bytes: number };
  /**
   * Bytes a first query fetches from Pagefind: its JS and entry file
   * (gzip-compressed as a server sends them), the WebAssembly and metadata
   * (stored compressed by Pagefind), one index chunk (the median) and five
   * result fragments (median size). Filter files are left out: the search
   * page loads them only when its Filters panel is opened.
   */
  firstSearchBytes: number | undefined;
  /** Bytes of every filter file, fetched when the Filters panel is opened. */
  filterBytes: number | undefined;
}

/** The text of a page as a reader sees it: inline style and scripts dropped, tags removed, white space collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function siteSize(dist: string, isClausePage: (path: string) => boolean): SiteSize {
  let files = 0;
  let bytes = 0;
  let htmlPages = 0;
  const clauseGzip: number[] = [];
  const clauseText: number[] = [];
  let largestPage = { path: '', bytes: 0 };
  const pagefind: Record<string, number[]> = {};
  for (const path of walk(dist)) {
    const size = statSync(path).size;
    files++;
    bytes += size;
    const rel = relative(dist, path).split('\\').join('/');
    if (rel.endsWith('.html')) {
      htmlPages++;
      const page = `/${rel.replace(/index\.html$/, '')}`;
      if (size > largestPage.bytes) largestPage = { path: page, bytes: size };
      if (isClausePage(page)) {
        const html = readFileSync(path);
        clauseGzip.push(gzipSync(html).length);
        clauseText.push(Buffer.byteLength(visibleText(html.toString('utf8'))));
      }
    }
    const kind = rel.startsWith('pagefind/') ? rel.match(/\.(pf_[a-z]+)$|(\.js|\.json|\.pagefind)$/) : null;
    if (!kind) continue;
    const part = kind[1] ?? (rel.includes('wasm') ? 'wasm' : rel.endsWith('entry.json') ? 'entry' : rel.endsWith('pagefind.js') ? 'js' : 'other');
    (pagefind[part] ??= []).push(part === 'js' || part === 'entry' ? gzipSync(readFileSync(path)).length : size);
  }
  const sum = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);
  const firstSearchBytes = pagefind.pf_meta
    ? sum(pagefind.js) + sum(pagefind.entry) + Math.min(...(pagefind.wasm ?? [0])) + sum(pagefind.pf_meta) + median(pagefind.pf_index ?? []) + 5 * median(pagefind.pf_fragment ?? [])
    : undefined;
  const filterBytes = pagefind.pf_meta ? sum(pagefind.pf_filter) : undefined;
  return { files, bytes, htmlPages, clausePageGzip: { median: median(clauseGzip), max: Math.max(0, ...clauseGzip) }, clausePageText: { median: median(clauseText) }, largestPage, firstSearchBytes, filterBytes };
}
