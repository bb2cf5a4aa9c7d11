/**
 * Policies in other languages and scripts, built end to end (issue 13, cases
 * field-08 and field-10) from tests/fixtures/atlas-languages: Tessera's German,
 * French, Japanese and Arabic documents, Wahat's clause with an Arabic title
 * (field-08) and Sakura's Japanese clause (field-10).
 *
 * - Pages stay `lang="en"`; a document's words (quote, snapshot text, the
 *   document's title) carry its `lang`, with `dir="rtl"` for Arabic; a clause
 *   title or summary in the document's script carries it too; the English
 *   analysis carries none.
 * - OG cards of Arabic and Japanese records are drawn (the build fails on a
 *   character no bundled font has).
 * - In Chromium, the search page finds Japanese words inside longer runs of
 *   kanji and kana, and Arabic, German, French and English words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { describeBrowser, launchBrowser, type Browser } from '../support/browser.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';

const ATLAS = join(import.meta.dirname, '..', 'fixtures', 'atlas-languages');
const WAHAT = '/platform/wahat/privacy-policy/ai-training/';
const SAKURA = '/platform/sakura/riyou-kiyaku/third-party/';
const TESSERA_JA = '/platform/tessera/gaibu-soushin/ad-partners/';
const TESSERA_AR = '/platform/tessera/privacy-policy/ai-training/';
const TESSERA_DE = '/platform/tessera/nutzungsbedingungen/schiedsverfahren/';
const TESSERA_FR = '/platform/tessera/regles-communaute/ai-training/';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(ATLAS);
  if (site.status !== 0) throw new Error(`languages fixture build failed:\n${site.output}`);
}, 300_000);

afterAll(() => site?.dispose());

const pageAt = (path: string) => parseHTML(site.read(`${path.slice(1)}index.html`)).document;
const attributes = (element: Element | null) => ({ lang: element?.getAttribute('lang') ?? null, dir: element?.getAttribute('dir') ?? null });

describe('language and direction on pages', () => {
  it('marks the Arabic clause of case field-08: title, summary and quote lang="ar" dir="rtl", the page and its analysis English', () => {
    const page = pageAt(WAHAT);
    expect(attributes(page.documentElement)).toEqual({ lang: 'en', dir: null });
    expect(attributes(page.querySelector('h1'))).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(attributes(page.querySelector('.page-header .lede p'))).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(attributes(page.querySelector('.quote blockquote'))).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(attributes(page.querySelector('.quote figcaption'))).toEqual({ lang: null, dir: null });
  });

  it('marks each Tessera quote with its document language, dir="rtl" only for Arabic, and leaves the English titles unmarked', () => {
    const quotes = Object.fromEntries([TESSERA_DE, TESSERA_FR, TESSERA_JA, TESSERA_AR].map((path) => [path, attributes(pageAt(path).querySelector('.quote blockquote'))]));
    expect(quotes).toEqual({
      [TESSERA_DE]: { lang: 'de', dir: null },
      [TESSERA_FR]: { lang: 'fr', dir: null },
      [TESSERA_JA]: { lang: 'ja', dir: null },
      [TESSERA_AR]: { lang: 'ar', dir: 'rtl' },
    });
    expect(attributes(pageAt(TESSERA_AR).querySelector('h1'))).toEqual({ lang: null, dir: null });
  });

  it('marks a Japanese clause title in a clause list, and an Arabic platform name right to left with no language to name', () => {
    const sakura = pageAt('/platform/sakura/');
    const link = sakura.querySelector(`.clause-list__title a[href="${SAKURA}"]`);
    expect(attributes(link)).toEqual({ lang: 'ja', dir: null });
    expect(attributes(pageAt('/platform/wahat/').querySelector('h1'))).toEqual({ lang: null, dir: 'rtl' });
  });

  it('marks a document title and its version text with the document language', () => {
    const document = pageAt('/platform/tessera/privacy-policy/');
    expect(document.querySelector('h1')?.textContent).toBe('سياسة الخصوصية');
    expect(attributes(document.querySelector('h1'))).toEqual({ lang: 'ar', dir: 'rtl' });
    const version = pageAt('/platform/tessera/privacy-policy/versions/2023-11-01T00-00-00Z/');
    expect(attributes(version.querySelector('.snapshot-text'))).toEqual({ lang: 'ar', dir: 'rtl' });
    const japanese = pageAt('/platform/tessera/gaibu-soushin/versions/2023-11-01T00-00-00Z/');
    expect(attributes(japanese.querySelector('.snapshot-text'))).toEqual({ lang: 'ja', dir: null });
  });
});

describe('OG cards and search index', () => {
  it('draws the Arabic and Japanese cards as real images', async () => {
    for (const path of ['og/platform/wahat/privacy-policy/ai-training.png', 'og/platform/sakura/riyou-kiyaku/third-party.png', 'og/platform/tessera/privacy-policy.png']) {
      const meta = await sharp(readFileSync(join(site.out, path))).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    }
  });

  it('indexes the Japanese pages in a Japanese index and the rest in the English one', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    // Japanese: Tessera's and Sakura's document and clause pages.
    expect(Object.fromEntries(Object.entries(entry.languages).map(([language, index]) => [language, index.page_count]))).toMatchObject({ ja: 4 });
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ja']);
    expect(pageAt('/search/').querySelector('[data-search]')?.getAttribute('data-index-languages')).toBe('["ja"]');
  });
});

describeBrowser('search in other languages', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(site.out);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The result paths the search page lists for `query`, once it has answered. */
  async function search(query: string): Promise<string[]> {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      await page.locator('[data-summary]').filter({ hasText: /result/i }).waitFor({ timeout: 20_000 });
      const links = await page.locator('.search-result__title a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      return links.map((href) => new URL(href, 'http://x').pathname);
    } finally {
      await page.close();
    }
  }

  // Case field-10: words inside a run of kanji and kana.
  it.each(['第三者', '提供', '広告配信', '第三者に提供', '氏名', '個人情報'])('finds the Japanese clauses for %s', async (query) => {
    expect(await search(query)).toEqual(expect.arrayContaining([SAKURA, TESSERA_JA]));
  }, 60_000);

  it.each([
    ['بياناتك', [WAHAT, TESSERA_AR]],
    ['الاصطناعي', [WAHAT, TESSERA_AR]],
    ['Schiedsgericht', [TESSERA_DE]],
    ['intelligence', [TESSERA_FR]],
    ['advertisers', [TESSERA_JA]],
  ])('finds %s', async (query, expected) => {
    expect(await search(query)).toEqual(expect.arrayContaining(expected));
  }, 60_000);
});
