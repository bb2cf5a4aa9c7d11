/**
 * Hub pages that do not grow with the atlas (hub-pages.ts): a generated atlas
 * with more clauses per regulation and agency than one page lists, and more
 * platforms than one page of a clause-type comparison holds, is built; every
 * list is checked to stay within its page size, to chain its pages and to
 * list each clause or platform exactly once, in order; the sitemap to name
 * every further page; and no page of the build to exceed 200 KB raw.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { HUB_CLAUSES_PER_PAGE, HUB_PLATFORMS_PER_PAGE, hubPagePath, pagedHubs, type PagedHub } from '../../src/atlas/outputs/hub-pages.ts';
import { sitemapEntries } from '../../src/atlas/outputs/sitemap.ts';
import type { BuiltSite } from '../support/build-site.ts';
import { buildGeneratedAtlas, type GeneratedSite } from '../support/generated-atlas.ts';

/** The bound for any page at 10,000 clauses (issue 17). */
const MAX_PAGE_BYTES = 200 * 1024;

let generated: GeneratedSite;
let atlas: Atlas;
let site: BuiltSite;
const page = (path: string) => site.read(`${path.replace(/^\//, '')}index.html`);

beforeAll(async () => {
  // 60 platforms (over one comparison page), 320 clauses: the common regulations are cited by well over one page of clauses.
  generated = await buildGeneratedAtlas('hub-atlas', { platforms: 60, clauses: 320, versions: 2, seed: 1 });
  ({ atlas, site } = generated);
}, 600_000);
afterAll(() => generated?.dispose());

/** The hrefs a list page shows for its items, in order: clause links, or the comparison's platform row headers. */
function listed(hub: PagedHub, html: string): string[] {
  const pattern = hub.list === 'clauses' ? /<p class="clause-list__title">\s*<a href="([^"]+)"/g : /<th scope="row"[^>]*><a href="([^"]+)"/g;
  return [...html.matchAll(pattern)].map((m) => m[1] ?? '');
}

describe('hub pages of a large atlas', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('has lists long enough to need further pages', () => {
    const hubs = pagedHubs(atlas);
    expect(hubs.some((h) => h.kind === 'regulation' && h.items.length > HUB_CLAUSES_PER_PAGE)).toBe(true);
    expect(hubs.some((h) => h.kind === 'agency' && h.items.length > HUB_CLAUSES_PER_PAGE)).toBe(true);
    expect(atlas.platforms.length).toBeGreaterThan(HUB_PLATFORMS_PER_PAGE);
  });

  it('lists every clause or platform of each hub exactly once across its pages, in order, within the page size, chained', () => {
    for (const hub of pagedHubs(atlas)) {
      const pages = Math.max(1, Math.ceil(hub.items.length / hub.size));
      const seen: string[] = [];
      for (let n = 1; n <= pages; n++) {
        const html = page(hubPagePath(hub, n));
        const items = listed(hub, html);
        expect(items.length, hubPagePath(hub, n)).toBeLessThanOrEqual(hub.size);
        seen.push(...items);
        if (n < pages) expect(html, hubPagePath(hub, n)).toContain(`href="${hubPagePath(hub, n + 1)}" rel="next"`);
        if (n > 1) expect(html, hubPagePath(hub, n)).toContain(`href="${hubPagePath(hub, n - 1)}" rel="prev"`);
      }
      expect(seen, hub.record.url).toEqual(hub.items.map((item) => item.url));
      expect(site.exists(`${hubPagePath(hub, pages + 1).replace(/^\//, '')}index.html`), `${hub.record.url}: no page after the last`).toBe(false);
    }
  });

  it('names every further page in the sitemap', () => {
    const locs = new Set(sitemapEntries(atlas).map((e) => new URL(e.loc).pathname));
    for (const hub of pagedHubs(atlas)) {
      for (let n = 2; n <= Math.ceil(hub.items.length / hub.size); n++) expect(locs.has(hubPagePath(hub, n)), hubPagePath(hub, n)).toBe(true);
    }
  });

  it('writes no page over 200 KB raw', () => {
    const sizes: Array<[string, number]> = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.html')) sizes.push([path, statSync(path).size]);
      }
    };
    walk(site.out);
    const [largest, bytes] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(bytes, largest).toBeLessThanOrEqual(MAX_PAGE_BYTES);
  });
});
