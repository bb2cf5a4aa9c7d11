/**
 * The comparison's pages: a copy of the fixture atlas given more platforms
 * than fit on one page of /compare/ is built, and each page is checked to
 * hold at most COMPARE_PAGE_SIZE platforms, the pages to chain /compare/,
 * /compare/2/, …, and every platform to be a row on exactly one of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { COMPARE_PAGE_SIZE } from '../../src/atlas/model/compare.ts';
import { routes } from '../../src/atlas/routes.ts';
import { sitemapEntries } from '../../src/atlas/outputs/sitemap.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { textOf } from '../support/html-text.ts';

/** Enough platforms for a second, part-filled page. */
const EXTRA_PLATFORMS = COMPARE_PAGE_SIZE + 2;

let copy: FixtureCopy;
let atlas: Atlas;
let site: BuiltSite;
const page = (path: string) => site.read(`${path.replace(/^\//, '')}index.html`);

beforeAll(async () => {
  copy = copyFixtureAtlas();
  for (let i = 1; i <= EXTRA_PLATFORMS; i++) {
    copy.write(`platforms/extra-${String(i).padStart(3, '0')}.yaml`, `name: Extra ${String(i).padStart(3, '0')}\nwebsite: https://extra-${i}.example\nheadquarters: US\ndescription: A platform with no documents yet.\n`);
  }
  atlas = loadAtlas(copy.root).atlas;
  site = await buildSite(copy.root);
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
}, 300_000);
afterAll(() => {
  site?.dispose();
  copy?.dispose();
});

describe('the comparison pages', () => {
  it('puts every platform on exactly one page, at most COMPARE_PAGE_SIZE to a page, in name order', () => {
    const paths: string[] = [];
    const seen: string[] = [];
    for (let path: string | undefined = '/compare/'; path; ) {
      expect(paths, 'the pages chain without a loop').not.toContain(path);
      paths.push(path);
      const html = page(path);
      const platforms = [...new Set([...parseHTML(html).document.querySelectorAll('#matrix tbody tr')].map((tr) => tr.getAttribute('data-platform') ?? ''))];
      expect(platforms.length, path).toBeGreaterThan(0);
      expect(platforms.length, path).toBeLessThanOrEqual(COMPARE_PAGE_SIZE);
      seen.push(...platforms);
      path = /<a href="([^"]+)" rel="next"/.exec(html)?.[1];
    }
    expect(paths).toEqual([routes.compare(1), routes.compare(2)]);
    expect(seen).toEqual(atlas.platforms.map((p) => p.slug));
  });

  it('counts every cell on each page, shows the per-type table once, and lists every page in the sitemap', () => {
    const second = page('/compare/2/');
    // Acme has two documents, Birdy one, Quiet and the extras none (one row each); two core types.
    const cells = 2 * (2 + 1 + 1 + EXTRA_PLATFORMS);
    expect(textOf(second)).toContain(`Of ${cells} cells, 3 have a clause, 3 were checked and have none, and ${cells - 6} are not yet analysed.`);
    expect(parseHTML(second).document.querySelector('#by-type')).toBeNull();
    expect(parseHTML(page('/compare/')).document.querySelector('#by-type')).not.toBeNull();
    expect(second).toContain('<a href="/compare/" rel="prev"');
    const sitemap = sitemapEntries(atlas).map((e) => new URL(e.loc).pathname);
    expect(sitemap).toContain('/compare/');
    expect(sitemap).toContain('/compare/2/');
    expect(sitemap).not.toContain('/compare/3/');
  });
});
