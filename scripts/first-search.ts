/**
 * first-search — what a first search transfers, measured in Chromium.
 *
 *   npm run first-search -- [<site-dir>] [--query privacy]
 *
 * Serves a built site (default dist/) on 127.0.0.1 with gzip for text, as a
 * production host would, opens /search/?q=<query> in Debian's Chromium and
 * waits for the first results and an idle network. Prints the bytes each kind
 * of file took on the wire (response bodies as transferred), the search page's
 * own HTML and CSS apart from what the search itself fetched.
 */
import { routes } from '../src/atlas/routes.ts';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const { values, positionals } = parseArgs({ options: { query: { type: 'string', default: 'privacy' } }, allowPositionals: true, strict: true });
const site = positionals[0] ?? 'dist';
if (positionals.length > 1 || !existsSync(`${site}/search/index.html`)) {
  console.error(`usage: npm run first-search -- [<site-dir>] [--query <words>] — expected a built site with search/index.html, found ${positionals.length > 1 ? `${positionals.length} folders` : `none at ${site}`}`);
  process.exit(2);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`first-search: expected Chromium at ${CHROMIUM_PATH}, found nothing (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

/** Which kind of file a path is, for the table. */
const kindOf = (path: string) =>
  path === routes.search() ? 'search page (HTML)'
  : path.endsWith('.css') ? 'stylesheets'
  : path.startsWith('/_astro/') && path.endsWith('.js') ? 'search script'
  : /^\/pagefind\/(index|fragment|filter)\//.test(path) ? `pagefind ${path.split('/')[2]} chunks`
  : path.startsWith('/pagefind/') ? `pagefind ${path.slice('/pagefind/'.length).replace(/\.en_[0-9a-f]+\./, '.<hash>.')}`
  : path;

const server = await serveStatic(site, { compress: true });
const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  const sizes: Array<Promise<{ path: string; bytes: number }>> = [];
  page.on('requestfinished', (request) => {
    sizes.push(request.sizes().then((size) => ({ path: new URL(request.url()).pathname, bytes: size.responseBodySize })));
  });
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(values.query)}`);
  await page.waitForFunction(() => document.querySelector('.search-result__title a') || /No results/.test(document.querySelector('[data-summary]')?.textContent ?? ''));
  await page.waitForLoadState('networkidle');
  const summary = (await page.locator('[data-summary]').textContent())?.trim();
  const rows = new Map<string, { files: number; bytes: number }>();
  for (const { path, bytes } of await Promise.all(sizes)) {
    const row = rows.get(kindOf(path)) ?? { files: 0, bytes: 0 };
    rows.set(kindOf(path), { files: row.files + 1, bytes: row.bytes + bytes });
  }
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${site}: /search/?q=${values.query} — ${summary}\n\n| files | count | on the wire |\n| --- | ---: | ---: |`);
  for (const [kind, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) console.log(`| ${kind} | ${row.files} | ${kB(row.bytes)} |`);
  const total = [...rows.values()].reduce((sum, row) => sum + row.bytes, 0);
  const pageOwn = ['search page (HTML)', 'stylesheets'].reduce((sum, kind) => sum + (rows.get(kind)?.bytes ?? 0), 0);
  console.log(`| **search itself** (script and Pagefind) | | **${kB(total - pageOwn)}** |\n| everything, with the page | | ${kB(total)} |`);
} finally {
  await browser.close();
  await server.close();
}
