/**
 * A change-log entry names at most five of the analysed clauses a version
 * touched and counts the rest, linking to the version page that lists them
 * all (src/components/ChangeList.astro), so a page of 50 entries stays small
 * however many clauses a platform has. Built on a generated atlas with many
 * clauses per platform, where some versions touch more than five.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/atlas/index.ts';
import { atlasChanges } from '../../src/atlas/model/changes.ts';
import type { BuiltSite } from '../support/build-site.ts';
import { buildGeneratedAtlas, type GeneratedSite } from '../support/generated-atlas.ts';

let generated: GeneratedSite;
let atlas: Atlas;
let site: BuiltSite;

beforeAll(async () => {
  generated = await buildGeneratedAtlas('change-list-atlas', { platforms: 5, clauses: 150, versions: 3, seed: 1 });
  ({ atlas, site } = generated);
}, 600_000);
afterAll(() => generated?.dispose());

/** The `<li>` of the change log's pages that opens with a link to `versionUrl`. */
function entryFor(versionUrl: string): string {
  const pages = readdirSync(join(site.out, 'changes'), { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+$/.test(e.name));
  for (const html of [site.read('changes/index.html'), ...pages.map((p) => site.read(`changes/${p.name}/index.html`))]) {
    const at = html.indexOf(`<a href="${versionUrl}"`);
    if (at >= 0) return html.slice(html.lastIndexOf('<li', at), html.indexOf('</li>', at));
  }
  throw new Error(`no change-log entry links ${versionUrl}`);
}

describe('a change-log entry of a version that touched many analysed clauses', () => {
  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('names five clauses and links the rest, counted, to the version page', () => {
    const many = atlasChanges(atlas).filter((c) => c.clausesAffected.length > 5);
    expect(many.length, 'the generated atlas has versions that touch more than five clauses').toBeGreaterThan(0);
    for (const change of many.slice(0, 5)) {
      const entry = entryFor(change.versionUrl);
      const named = change.clausesAffected.filter(({ clause }) => entry.includes(`href="${clause.url}"`));
      expect(named.map(({ clause }) => clause.url)).toEqual(change.clausesAffected.slice(0, 5).map(({ clause }) => clause.url));
      expect(entry).toMatch(new RegExp(`<a href="${change.versionUrl}#clauses"[^>]*>${change.clausesAffected.length - 5} more</a>\\.`));
      const versionPage = readFileSync(join(site.out, change.versionUrl, 'index.html'), 'utf8');
      for (const { clause } of change.clausesAffected) expect(versionPage, `${change.versionUrl} lists ${clause.url}`).toContain(`href="${clause.url}"`);
    }
  });

  it('names every clause when there are five or fewer', () => {
    const few = atlasChanges(atlas).find((c) => c.clausesAffected.length > 0 && c.clausesAffected.length <= 5);
    if (!few) throw new Error('the generated atlas has a version touching between one and five clauses');
    const entry = entryFor(few.versionUrl);
    for (const { clause } of few.clausesAffected) expect(entry).toContain(`href="${clause.url}"`);
    expect(entry).not.toContain('#clauses"');
  });
});
