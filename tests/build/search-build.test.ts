/**
 * Builds the fixture atlas and checks search and the page shell: the Pagefind
 * bundle holds exactly the record pages with their filters, sort keys and
 * metadata (queried with Pagefind's own search code, run in Node over the
 * built files), the search page runs its own small script over Pagefind's JS
 * API (no Component UI), reading pages carry no script but JSON-LD, and every page has its sharing metadata and feed links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultSummary } from '../../src/scripts/search-results.ts';
import { fixtureSite, type BuiltSite } from '../support/build-site.ts';

/** The part of Pagefind's browser API the test uses. */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; content: string; meta: Record<string, string> }>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: PagefindResult[] }>;
}

let site: BuiltSite;
let pagefind: PagefindApi;
let htmlFiles: string[];
const realFetch = globalThis.fetch;

/** Every built HTML file, relative to the output folder. */
function htmlFilesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
}

const page = (url: string) => site.read(`${url.replace(/^\//, '')}index.html`);

async function search(term: string | null, options: Parameters<PagefindApi['search']>[1] = {}) {
  const { results } = await pagefind.search(term, options);
  return Promise.all(results.map((result) => result.data()));
}

beforeAll(async () => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  htmlFiles = htmlFilesOf(site.out);
  // Pagefind's search code is browser JavaScript that loads its index with fetch; serve it the built files.
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.startsWith('file:') ? new Response(await readFile(fileURLToPath(url))) : realFetch(input);
  };
  const bundle = join(site.out, 'pagefind');
  pagefind = (await import(/* @vite-ignore */ pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindApi;
  await pagefind.options({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: '/', noWorker: true });
}, 240_000);

afterAll(() => {
  globalThis.fetch = realFetch;
  site?.dispose();
});

describe('the search index', () => {
  it('holds the record pages: 3 platforms, 4 documents, 4 clauses, 3 clause types and 2 regulations', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages['en']?.page_count).toBe(16);
    expect(site.output).toContain('indexed 16 pages');
    expect(site.exists('pagefind/pagefind.js')).toBe(true);
    expect(readdirSync(join(site.out, 'pagefind', 'filter')).some((file) => file.endsWith('.pf_filter'))).toBe(true);
  });

  it('offers every filter with counts worked out from the fixture', async () => {
    const filters = await pagefind.filters();
    expect(Object.keys(filters).sort()).toEqual(['clause type', 'document type', 'jurisdiction', 'platform', 'regulation', 'severity', 'type']);
    expect(filters['type']).toEqual({ Clause: 4, Document: 4, Platform: 3, 'Clause type': 3, Regulation: 2 });
    expect(filters['severity']).toEqual({ high: 2, medium: 2 });
    expect(filters['document type']).toEqual({ 'Privacy Policy': 6, 'Terms of Service': 2 });
  });

  it('finds a clause by its words, with its metadata and a marked excerpt', async () => {
    const [first] = await search('thirty days');
    expect(first?.url).toBe('/platform/acme/privacy-policy/message-retention/');
    expect(first?.meta).toMatchObject({ title: 'Messages are kept for thirty days', kind: 'Clause', platform: 'Acme Social', severity: 'medium', record_id: 'FX-P-000001' });
    expect(first?.excerpt).toContain('<mark>thirty</mark>');
  });

  it('finds a clause by its record ID and a platform by its former name', async () => {
    expect((await search('FX-P-000001'))[0]?.url).toBe('/platform/acme/privacy-policy/message-retention/');
    expect((await search('Acme Chat', { filters: { type: ['Platform'] } })).map((r) => r.url)).toEqual(['/platform/acme/']);
  });

  it('filters by severity and sorts clauses by first seen', async () => {
    // With no query and no filter the search page opens on every indexed page.
    expect((await pagefind.search(null)).results).toHaveLength(16);
    const high = await search(null, { filters: { severity: ['high'] } });
    expect(high.every((r) => r.meta['severity'] === 'high')).toBe(true);
    expect(high).toHaveLength(2);
    const byFirstSeen = await search(null, { filters: { type: ['Clause'] }, sort: { 'first-seen': 'asc' } });
    expect(byFirstSeen.map((r) => r.url)).toEqual([
      '/platform/acme/privacy-policy/message-retention/',
      '/platform/acme/privacy-policy/ai-training/',
      '/platform/acme/terms-of-service/arbitration/',
      '/platform/birdy/privacy-policy/ai-training/',
    ]);
  });

  it('indexes a clause’s analysis and quote but not the boilerplate every record page repeats', async () => {
    const [clause] = await search('FX-P-000001');
    expect(clause?.content).toContain('Retention limits how long data can be exposed.');
    expect(clause?.content).toContain('We keep your messages for thirty days');
    for (const boilerplate of ['not legal advice', 'Questions and answers', 'BibTeX', 'On this page', 'Other clauses in this policy', 'Where to complain', 'Classification', 'Bluesky', 'permanent address', 'Applicable regulations', 'Clause · Acme Social', 'confidence']) {
      expect(clause?.content, boilerplate).not.toContain(boilerplate);
    }
  });

  it('starts every excerpt of a listing without a query at the title and summary, not at navigation or labels', async () => {
    const results = await search(null);
    expect(results).toHaveLength(16);
    for (const result of results) {
      // Pagefind's excerpt of a page no word matched is the start of its indexed text: the title, then the summary.
      expect(result.excerpt.startsWith(`${result.meta['title']}.`), `${result.url}: ${result.excerpt}`).toBe(true);
    }
    const clause = results.find((r) => r.url === '/platform/acme/privacy-policy/message-retention/');
    expect(clause?.excerpt).toMatch(/^Messages are kept for thirty days\. Acme keeps /);
  });

  it('keeps a fact’s label and value apart and a platform’s recent changes out of its text', async () => {
    const [acme] = await search(null, { filters: { type: ['Platform'], platform: ['Acme Social'] } });
    expect(acme?.url).toBe('/platform/acme/');
    expect(acme?.content).toContain('Headquarters United States');
    expect(acme?.content).toContain('Operated by Acme Holdings');
    expect(acme?.content).not.toMatch(/HeadquartersUnited|byAcme/);
    // The change list repeats other records' words ("binding arbitration"); each has its own result.
    expect(acme?.content).not.toContain('arbitration');
    const [policy] = await search(null, { filters: { type: ['Document'], platform: ['Acme Social'], 'document type': ['Privacy Policy'] }, sort: { 'first-seen': 'desc' } });
    expect(policy?.content).toMatch(/Captures 5 captures \(a capture that finds no new text/);
  });

  it('says which words it answered with when Pagefind matched the start of a longer word, and not otherwise', async () => {
    const partial = await search('arbitrat');
    // Which of the two ranks first depends on how much text each page holds, not on the matching asserted here.
    expect(partial.map((r) => r.url).sort()).toEqual(['/clause-types/arbitration/', '/platform/acme/terms-of-service/arbitration/']);
    expect(resultSummary('arbitrat', partial.length, partial.map((r) => r.excerpt))).toBe('Showing results for “arbitration” (matched for “arbitrat”): 2 results.');
    const exact = await search('train');
    expect(resultSummary('train', exact.length, exact.map((r) => r.excerpt))).toBe(`${exact.length} results for “train”.`);
  });

  it('finds a clause by the short name of a regulation or agency it maps to, from its keywords', async () => {
    expect((await search('GDPR', { filters: { type: ['Clause'] } })).map((r) => r.url)).toContain('/platform/acme/privacy-policy/message-retention/');
  });
});

describe('the pages', () => {
  it('marks only record pages for indexing', () => {
    expect(page('/platform/acme/privacy-policy/message-retention/')).toContain('data-pagefind-body');
    for (const url of ['/', '/about/', '/search/', '/agencies/dpa/', '/platforms/']) expect(page(url), url).not.toContain('data-pagefind-body');
  });

  it('runs its own small script over Pagefind’s JS API on the search page, with no Component UI, and keeps its state in the URL', () => {
    const html = page('/search/');
    expect(html).not.toMatch(/pagefind-component-ui|<pagefind-|text\/pagefind-template/);
    // The page's own script is an external file, so the Content-Security-Policy needs no inline scripts.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => !/\bsrc=|application\/ld\+json/.test(tag))).toEqual([]);
    const own = scripts.map((tag) => /^<script type="module" src="(\/_astro\/[^"]+\.js)"/.exec(tag)?.[1]).filter((src) => src !== undefined);
    expect(own).toHaveLength(1);
    const script = readFileSync(join(site.out, own[0] ?? ''), 'utf8');
    expect(Buffer.byteLength(script)).toBeLessThan(12 * 1024);
    for (const call of ['/pagefind/pagefind.js', '.filters()', 'history.replaceState']) expect(script, call).toContain(call);
    expect(html).toMatch(/<label for="search-q"/);
    expect(html).toMatch(/<label for="search-sort">/);
    expect(html).toContain('<noscript>');
    // One checkbox group per filter, each a fieldset with a legend.
    expect(html.match(/<fieldset class="search-filter" data-filter="[^"]+" hidden>\s*<legend/g)).toHaveLength(7);
  });

  it('ships no script on reading pages but JSON-LD, and a search form that works without it', () => {
    const reading = htmlFiles.filter((file) => file !== join('search', 'index.html'));
    expect(reading.length).toBeGreaterThan(30);
    for (const file of reading) {
      const html = readFileSync(join(site.out, file), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.every((tag) => tag.includes('application/ld+json')), file).toBe(true);
    }
    const about = page('/about/');
    expect(about).toMatch(/<form class="site-search[^"]*"[^>]* action="\/search\/" method="get" role="search"/);
    expect(about).toMatch(/<input[^>]* name="q"/);
  });

  it('gives every page an absolute OG image with alt text, a large Twitter card and valid JSON-LD', () => {
    for (const file of htmlFiles) {
      const where = file;
      const html = readFileSync(join(site.out, file), 'utf8');
      // Old addresses are bare redirect stubs, not pages.
      if (html.includes('http-equiv="refresh"')) continue;
      expect(html, where).toMatch(/<meta property="og:image" content="https:\/\/fixture\.example\/og\/[^"]+\.png"/);
      expect(html, where).toMatch(/<meta property="og:image:alt" content="[^"]{10,}"/);
      expect(html, where).toContain('<meta property="og:image:width" content="1200"');
      expect(html, where).toContain('<meta name="twitter:card" content="summary_large_image"');
      expect(html, where).toMatch(/<meta name="twitter:image:alt" content="[^"]+"/);
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '') as { '@type': string });
      expect(blocks.length, where).toBeGreaterThan(0);
    }
    const clause = page('/platform/acme/privacy-policy/message-retention/');
    expect(clause).toContain('<meta property="og:image" content="https://fixture.example/og/platform/acme/privacy-policy/message-retention.png"');
    expect(clause).toContain('<meta property="og:type" content="article"');
    expect(clause).toContain('"@type":"BreadcrumbList"');
  });

  it('links the atlas feeds from every page and a platform’s feeds from its pages', () => {
    const alternates = (url: string) => [...page(url).matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(alternates('/about/')).toEqual(['application/rss+xml /changes/feed.xml', 'application/atom+xml /changes/atom.xml', 'application/feed+json /changes/feed.json']);
    expect(alternates('/platform/acme/privacy-policy/message-retention/')).toContain('application/rss+xml /platform/acme/feed.xml');
  });
});
