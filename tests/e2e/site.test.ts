/**
 * Builds the fixture atlas once, serves it on 127.0.0.1 and checks it the way
 * readers meet it: a crawl of every internal link and asset, then, in Debian's
 * Chromium, one page of every kind (renders, no errors, no axe violations in
 * light and dark), keyboard use of the shell and of search, search from the
 * header form with filters kept in the URL, and no JavaScript on reading pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SEARCH_FILTERS } from '../../src/lib/page-meta.ts';
import { describeBrowser, launchBrowser, type Browser } from '../support/browser.ts';
import { fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { runScript } from '../support/run.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** The fixture's own address: absolute links to it (canonical, og:image, downloads) are internal. */
const SITE_ORIGIN = new URL((parse(readFileSync(join(FIXTURE_ATLAS, 'site.yaml'), 'utf8')) as { url: string }).url).origin;
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CLAUSE = '/platform/acme/privacy-policy/message-retention/';

let site: BuiltSite;
let server: StaticServer;

beforeAll(async () => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
  server = await serveStatic(site.out);
}, 240_000);

afterAll(async () => {
  await server?.close();
  site?.dispose();
});

/** Addresses a page refers to: links, GET forms, stylesheets, scripts, images, sources, a meta refresh, CSS url(). */
function referencesIn(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  const attribute = (selector: string, name: string) => {
    for (const element of document.querySelectorAll(selector)) found.push(element.getAttribute(name) ?? '');
  };
  attribute('a[href]', 'href');
  attribute('form[action]:not([method="post" i])', 'action');
  attribute('link[href]', 'href');
  attribute('script[src]', 'src');
  attribute('img[src]', 'src');
  attribute('source[src]', 'src');
  attribute('meta[property="og:image"], meta[property="og:url"]', 'content');
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    found.push(...(element.getAttribute('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''));
  }
  for (const element of document.querySelectorAll('meta[http-equiv="refresh"]')) {
    const target = /url=(.+)$/i.exec(element.getAttribute('content') ?? '')?.[1];
    if (target) found.push(target.trim());
  }
  for (const style of document.querySelectorAll('style')) found.push(...cssReferences(style.textContent ?? ''));
  return found.filter(Boolean);
}

function cssReferences(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2] ?? '').filter((url) => !url.startsWith('data:'));
}

/** The built HTML files as the paths a browser asks for (`a/index.html` → `/a/`). */
function builtPages(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replaceAll('\\', '/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** The old paths and permanent record URLs the ledger promises, from the `_redirects` file the build writes. */
function promisedPaths(): string[] {
  return site
    .read('_redirects')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((path) => path.startsWith('/'));
}

describe('a crawl of the built site', () => {
  it('from the home page and every address the ledger promises, finds every internal link, anchor and asset, and reaches every page', async () => {
    const local = (url: URL) => (url.origin === SITE_ORIGIN ? new URL(`${url.pathname}${url.search}${url.hash}`, server.origin) : url);
    const starts = ['/', ...promisedPaths()];
    expect(starts).toContain('/r/FX-P-000001/');
    const linkedFrom = new Map(starts.map((path) => [path, path === '/' ? '(start)' : '_redirects']));
    const anchorsWanted: Array<{ from: string; page: string; id: string }> = [];
    const idsOf = new Map<string, Set<string>>();
    const problems: string[] = [];
    const reached = new Set<string>();
    let queue = starts;

    while (queue.length) {
      const next: string[] = [];
      await Promise.all(
        queue.map(async (path) => {
          const response = await fetch(new URL(path, server.origin), { redirect: 'manual' });
          const type = response.headers.get('content-type') ?? '';
          const html = type.startsWith('text/html');
          if (response.status !== 200 || !(html || type.startsWith('text/css'))) {
            await response.body?.cancel();
            if (response.status !== 200) problems.push(`${linkedFrom.get(path)} links to ${path}: status ${response.status}`);
            return;
          }
          const text = await response.text();
          if (html) {
            reached.add(path);
            idsOf.set(path, new Set([...parseHTML(text).document.querySelectorAll('[id]')].map((element) => element.id)));
          }
          const base = new URL(path, server.origin);
          for (const reference of html ? referencesIn(text) : cssReferences(text)) {
            const url = local(new URL(reference, base));
            if (url.origin !== server.origin) continue;
            const target = `${url.pathname}${url.search}`;
            if (url.hash.length > 1) anchorsWanted.push({ from: path, page: target, id: decodeURIComponent(url.hash.slice(1)) });
            if (!linkedFrom.has(target)) {
              linkedFrom.set(target, path);
              next.push(target);
            }
          }
        }),
      );
      queue = next;
    }

    for (const { from, page, id } of anchorsWanted) {
      const ids = idsOf.get(page);
      if (ids && !ids.has(id)) problems.push(`${from} links to ${page}#${id}: no element with that id`);
    }
    expect(problems.sort()).toEqual([]);

    // The 404 page is served for missing addresses, never linked.
    expect(builtPages(site.out).filter((page) => !reached.has(page) && page !== '/404.html')).toEqual([]);
  });
});

interface Visit {
  page: Page;
  /** Status of the last document the tab loaded (after any redirect). */
  status: () => number | undefined;
  /** Console errors, uncaught exceptions, failed requests and error responses. */
  errors: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Kinds of page, one example each. `ready` waits for what the page shows once it has loaded. */
const PAGE_KINDS: Array<{ kind: string; path: string; lands?: string; status?: number; ready?: (page: Page) => Promise<unknown> }> = [
  { kind: 'home', path: '/' },
  { kind: 'platform index', path: '/platforms/' },
  { kind: 'platform', path: '/platform/acme/' },
  { kind: 'document', path: '/platform/acme/privacy-policy/' },
  { kind: 'clause', path: CLAUSE },
  { kind: 'clause written in MDX', path: '/platform/acme/terms-of-service/arbitration/' },
  { kind: 'version', path: '/platform/acme/privacy-policy/versions/2023-08-01T00-00-00Z/' },
  { kind: 'clause type index', path: '/clause-types/' },
  { kind: 'clause type', path: '/clause-types/ai-training/' },
  { kind: 'regulation index', path: '/regulations/' },
  { kind: 'regulation', path: '/regulations/gdpr/' },
  { kind: 'agency index', path: '/agencies/' },
  { kind: 'agency', path: '/agencies/dpa/' },
  { kind: 'methodology', path: '/methodology/' },
  { kind: 'about', path: '/about/' },
  { kind: 'contribute', path: '/contribute/' },
  { kind: 'changes', path: '/changes/' },
  { kind: 'changes of one platform', path: '/changes/platform/acme/' },
  { kind: 'changes of one document type', path: '/changes/type/privacy-policy/' },
  { kind: 'review', path: '/review/' },
  { kind: 'comparison', path: '/compare/' },
  { kind: 'platform comparison', path: '/compare/platform/acme/' },
  { kind: 'data', path: '/data/' },
  { kind: 'search with results', path: '/search/?q=training', ready: (page) => page.locator('.search-result__title a').first().waitFor() },
  { kind: 'permanent record URL', path: '/r/FX-P-000001/', lands: CLAUSE },
  { kind: 'withdrawn record', path: '/r/FX-P-000005/' },
  { kind: 'missing page', path: '/no-such-page/', status: 404 },
];

/** Formats axe violations one node per line, so a failure says what to fix and where. */
function describeViolations(violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }>): string[] {
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} — at ${node.target.join(' ')}`));
}

/** Rules whose outcome depends on the colour scheme: the only ones worth running again in dark mode. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe-core's default rule set (WCAG A/AA and best practices), or only the given rules. */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated through the browser's debugging protocol: pages forbid inline scripts (their Content-Security-Policy), which addScriptTag would add.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  const options = { resultTypes: ['violations'], ...(rules && { runOnly: { type: 'rule', values: rules } }) };
  const result = await page.evaluate(
    (options) => (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Parameters<typeof describeViolations>[0] }> } }).axe.run(document, options),
    options,
  );
  return describeViolations(result.violations);
}

/** A short description of the focused element, e.g. `a.skip-link "Skip to content"` or `input#site-search-q`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : element.classList[0] ? `.${element.classList[0]}` : '');
    return element.tagName === 'A' ? `${name} "${element.textContent?.trim()}"` : name;
  });
}

/** The focused element's computed outline, e.g. `solid 3px`. */
function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}
const INVISIBLE_OUTLINE = /^none|\b0px$/;

/** Presses Tab until a filter checkbox has focus, opening the closed Filters panel with Enter on the way; returns the filter's name and value. */
async function tabToFilter(page: Page): Promise<{ name: string; value: string }> {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (element instanceof HTMLInputElement && element.type === 'checkbox') return { filter: { name: element.name, value: element.value } };
      return { closedPanel: element?.tagName === 'SUMMARY' && !(element.parentElement as HTMLDetailsElement | null)?.open };
    });
    if (focused.filter) return focused.filter;
    if (focused.closedPanel) {
      await page.keyboard.press('Enter');
      await page.locator('.search-filter__option input').first().waitFor();
    }
  }
  throw new Error('40 presses of Tab after the search input never reached a filter checkbox');
}

describeBrowser('the built site in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    browser.context.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a fresh tab that records its errors and requests; anything outside the test server is refused. */
  async function open(path: string): Promise<Visit> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    let status: number | undefined;
    await page.route(
      (url) => url.origin !== server.origin,
      (route) => {
        errors.push(`request left the test server: ${route.request().url()}`);
        return route.abort();
      },
    );
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) status = response.status();
      else if (response.status() >= 400) errors.push(`status ${response.status()}: ${response.url()}`);
    });
    await page.goto(new URL(path, server.origin).href);
    return { page, status: () => status, errors, requests };
  }

  describe.each(PAGE_KINDS)('a $kind page ($path)', ({ path, lands, status = 200, ready }) => {
    it('renders with a heading, no errors, no JavaScript unless it searches, and no axe violations in light or dark', async () => {
      const visit = await open(path);
      const { page } = visit;
      try {
        if (lands) await page.waitForURL(new URL(lands, server.origin).href);
        await ready?.(page);
        expect(visit.status()).toBe(status);
        await expect(page.locator('h1').count()).resolves.toBe(1);
        expect((await page.locator('h1').innerText()).trim()).not.toBe('');
        // The missing page's own 404 is the one error response it is meant to have.
        expect(visit.errors.filter((error) => !(status === 404 && error.includes(new URL(path, server.origin).href)))).toEqual([]);
        if (!path.startsWith('/search/')) expect(visit.requests.filter((url) => /\.m?js(\?|$)/.test(new URL(url).pathname))).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark' });
        expect(await axeViolations(page, COLOUR_RULES)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe.each([390, 320])('on a phone %i px wide', (width) => {
    it('no page kind scrolls sideways', async () => {
      const wide: string[] = [];
      for (const { kind, path, lands, ready } of PAGE_KINDS) {
        const page = await browser.context.newPage();
        try {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(new URL(path, server.origin).href);
          if (lands) await page.waitForURL(new URL(lands, server.origin).href);
          await ready?.(page);
          const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
            const root = document.documentElement;
            // The element reaching furthest right, to say what to fix.
            let widest = '';
            let right = 0;
            for (const element of document.body.querySelectorAll('*')) {
              const edge = element.getBoundingClientRect().right;
              if (edge > right) [right, widest] = [edge, `${element.tagName.toLowerCase()}.${element.classList[0] ?? ''}`];
            }
            return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, widest };
          });
          if (scrollWidth > innerWidth) wide.push(`${kind} (${path}): ${scrollWidth} px wide, widest ${widest}`);
        } finally {
          await page.close();
        }
      }
      expect(wide).toEqual([]);
    });

    it('a clause page shows its in-page navigation and the quote before the analysis, and its full-text link lands with the passage in view', async () => {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(new URL(CLAUSE, server.origin).href);
        const quoteFirst = await page.evaluate(() => {
          const quote = document.querySelector('.quote blockquote');
          const analysis = document.querySelector('#analysis');
          return Boolean(quote && analysis && quote.compareDocumentPosition(analysis) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(quoteFirst).toBe(true);
        // The in-page navigation is there on a phone, not only beside the text on wide screens.
        await expect(page.getByRole('navigation', { name: 'On this page' }).isVisible()).resolves.toBe(true);
        await page.getByRole('link', { name: 'See it in the full text' }).click();
        await page.waitForURL(/\/versions\/.+#clause-message-retention$/);
        await expect(page.locator('#clause-message-retention + mark.clause-highlight').isVisible()).resolves.toBe(true);
        const inView = await page.evaluate(() => {
          const box = document.querySelector('#clause-message-retention + mark.clause-highlight')?.getBoundingClientRect();
          return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
        });
        expect(inView).toBe(true);
      } finally {
        await page.close();
      }
    });
  });

  describe('keyboard', () => {
    it('on a clause page: skip link first, to #main on Enter; then the site name, the navigation and the search box in order, each with a visible focus ring', async () => {
      const { page } = await open(CLAUSE);
      try {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toBe('a.skip-link "Skip to content"');
        await page.keyboard.press('Enter');
        await expect.poll(() => focused(page)).toBe('main#main');

        await page.reload();
        const order: string[] = [];
        const outlines: string[] = [];
        for (let step = 0; step < 11; step++) {
          await page.keyboard.press('Tab');
          order.push(await focused(page));
          outlines.push(await focusOutline(page));
        }
        expect(order).toEqual([
          'a.skip-link "Skip to content"',
          'a.site-name "Fixture Atlas"',
          'a "Platforms"',
          'a "Clause types"',
          'a "Compare"',
          'a "Regulations"',
          'a "Agencies"',
          'a "Methodology"',
          'a "About"',
          'input#site-search-q',
          'button.site-search__button',
        ]);
        for (const outline of outlines) expect(outline).not.toMatch(INVISIBLE_OUTLINE);
      } finally {
        await page.close();
      }
    });

    it('on the search page: type a query, Tab to a filter, Space narrows the results and puts the filter in the URL', async () => {
      const { page, errors } = await open('/search/');
      try {
        const results = page.locator('.search-result');
        const input = page.locator('#search-q');
        await input.waitFor();
        for (let step = 0; step < 20 && !(await input.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
        await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

        // With no query the page already lists everything, so wait until this query's results are shown (the URL then names it).
        await page.keyboard.type('training');
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('training');
        await expect.poll(() => results.count()).toBeGreaterThan(1);
        const before = await results.count();

        const filter = await tabToFilter(page);
        expect(await focusOutline(page)).not.toMatch(INVISIBLE_OUTLINE);
        const param = SEARCH_FILTERS.find((known) => known.name === filter.name)?.param;
        expect(param, `filter "${filter.name}" is not in SEARCH_FILTERS`).toBeDefined();
        await page.keyboard.press('Space');
        await expect.poll(() => new URL(page.url()).searchParams.getAll(param ?? '')).toEqual([filter.value]);
        await expect.poll(() => results.count()).toBeLessThan(before);
        expect(await results.count()).toBeGreaterThan(0);
        expect(new URL(page.url()).searchParams.get('q')).toBe('training');
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe('search', () => {
    it('runs from the header form, links to real pages, narrows with a filter and restores both from the URL', async () => {
      const { page, errors, requests } = await open(CLAUSE);
      try {
        await page.locator('#site-search-q').fill('training');
        await page.locator('#site-search-q').press('Enter');
        await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'training');

        const results = page.locator('.search-result');
        const titles = page.locator('.search-result__title a');
        await titles.first().waitFor();
        const href = await titles.first().getAttribute('href');
        expect((await fetch(new URL(href ?? '', server.origin))).status).toBe(200);

        const all = await results.count();
        // A first search fetches no filter lists; opening the panel loads them.
        const filterFiles = () => requests.filter((url) => new URL(url).pathname.endsWith('.pf_filter')).length;
        expect(filterFiles()).toBe(0);
        await page.locator('[data-filter-panel] > summary').click();
        await expect.poll(filterFiles).toBeGreaterThan(0);
        await page.locator('input[name="type"][value="Clause"]').check();
        await expect.poll(() => results.count()).toBeLessThan(all);
        const narrowed = await results.count();
        expect(narrowed).toBeGreaterThan(0);
        await expect.poll(() => new URL(page.url()).searchParams.getAll('type')).toEqual(['Clause']);

        await page.reload();
        await titles.first().waitFor();
        await expect(page.locator('#search-q').inputValue()).resolves.toBe('training');
        await expect(page.locator('input[name="type"][value="Clause"]').isChecked()).resolves.toBe(true);
        await expect.poll(() => results.count()).toBe(narrowed);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('says which words it shows results for when Pagefind matched the start of a longer word, and separates each result’s context', async () => {
      const { page, errors } = await open('/search/?q=arbitrat');
      try {
        await page.locator('.search-result__title a').first().waitFor();
        await expect.poll(() => page.locator('[data-summary]').textContent()).toBe('Showing results for “arbitration” (matched for “arbitrat”): 2 results.');
        const contexts = await page.locator('.search-result__context').allTextContents();
        expect(contexts).toContain('Clause · Acme Social · Mandatory arbitration · FX-P-000003');
        expect(contexts).toContain('Clause type · Mandatory arbitration');
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  it('npm run first-search measures a first search over gzip: Pagefind engine, page list and chunks, no filter lists', async () => {
    const run = await runScript('scripts/first-search.ts', [site.out, '--query', 'training'], { timeout: 60_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const kb = (kind: string) => Number(new RegExp(`\\| ${kind} \\| \\d+ \\| ([\\d.]+) KB \\|`).exec(run.stdout)?.[1]);
    expect(run.stdout).toMatch(/results? for “training”/);
    // pagefind.js (~47 KB raw) arrives compressed; the WebAssembly is stored compressed by Pagefind.
    expect(kb('pagefind pagefind.js')).toBeGreaterThan(5);
    expect(kb('pagefind pagefind.js')).toBeLessThan(25);
    expect(kb('pagefind wasm.en.pagefind')).toBeGreaterThan(30);
    expect(kb('pagefind index chunks')).toBeGreaterThan(0);
    expect(run.stdout).not.toContain('pagefind filter chunks');
  }, 90_000);

  it('reading pages request no JavaScript: a clause page loads only its document', async () => {
    const { page, requests } = await open(CLAUSE);
    try {
      await page.waitForLoadState('load');
      expect(requests.filter((url) => new URL(url).pathname.endsWith('.js'))).toEqual([]);
      expect(await page.evaluate(() => [...document.scripts].filter((script) => script.type !== 'application/ld+json').length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
