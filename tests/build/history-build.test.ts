/**
 * Builds the fixture atlas, plus one version of hostile third-party text, and
 * checks its history pages: a version page per version (not per capture)
 * with capture facts, stated dates, later captures, highlighted clauses and a
 * diff; the former page of a capture that is not a version leading to it; raw snapshots that hash to the
 * SHA-256 shown; the change log and its feeds; the review list of clauses
 * whose quote left the current text; and no markup or script from the text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { versionUrl } from '../../src/atlas/model/changes.ts';
import { serializeSnapshot, sha256 } from '../../src/atlas/reading/snapshot-file.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { textOf } from '../support/html-text.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

/** The HTML of one section of a page, from its opening tag to the next section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section class="section" id="${id}"`);
  if (start < 0) throw new Error(`no section #${id}`);
  const end = html.indexOf('<section class="section"', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

/** A later Birdy version whose text tries every way in: raw HTML, handlers, script URLs. */
const HOSTILE_STAMP = '2024-06-01T00-00-00Z';
const HOSTILE_TEXT = [
  '# Birdy Privacy Policy',
  'We may use your posts to train our machine learning models <script>alert(1)</script> and more.',
  '<img src=x onerror="alert(2)">',
  '[click](javascript:alert(3)) <iframe src="https://evil.example"></iframe>',
  '<a href="https://evil.example" onclick="alert(4)">raw link</a> <style>body{display:none}</style>',
  '',
].join('\n\n');

let copy: FixtureCopy;
let atlas: Atlas;
let site: BuiltSite;
/** The built page of a site path; a fragment (a capture's entry on its version's page) is left off. */
const page = (url: string) => site.read(`${url.replace(/^\//, '').replace(/#.*$/, '')}index.html`);

beforeAll(async () => {
  copy = copyFixtureAtlas();
  const body = Buffer.from(HOSTILE_TEXT);
  copy.write(
    `snapshots/birdy/privacy-policy/${HOSTILE_STAMP}.md`,
    serializeSnapshot(
      {
        captured_at: '2024-06-01T00:00:00Z',
        source_url: 'https://birdy.example/privacy',
        sha256: sha256(body),
        obtained: { method: 'import', tool: 'fixture', dataset: 'Hand-written fixture' },
        substantive: true,
      },
      body,
    ),
  );
  atlas = loadAtlas(copy.root).atlas;
  site = await buildSite(copy.root);
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => {
  site?.dispose();
  copy?.dispose();
});

describe('the history pages of the fixture build', () => {
  it('publishes a version page with capture facts for every version, and lists every other capture on its version page', () => {
    expect(atlas.snapshots).toHaveLength(8);
    for (const snapshot of atlas.snapshots) {
      const text = textOf(page(versionUrl(snapshot)));
      for (const fact of [snapshot.data.sha256, snapshot.capturedOn === '2022-06-01' ? '1 June 2022' : snapshot.capturedAt]) expect(text, `${snapshot.file}: ${fact}`).toContain(fact);
      if (snapshot.capture.version === snapshot) {
        for (const fact of [snapshot.data.source_url, 'SHA-256 verified at build', 'This capture A new version']) expect(text, `${snapshot.file}: ${fact}`).toContain(fact);
        if (snapshot.data.archive_url) expect(text).toContain(snapshot.data.archive_url);
      }
    }
    expect(site.exists('platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/index.html')).toBe(true);
  });

  it('lists a capture with the same text on its version page, and leads its former page there', () => {
    const checks = textOf(sectionOf(page('/platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/'), 'checks'));
    expect(checks).toContain('1 June 2022 : checked, no change');
    const former = page('/platform/acme/old-privacy-policy/versions/2022-06-01T00-00-00Z/');
    expect(former).toContain('url=/platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/#capture-2022-06-01T00-00-00Z');
    expect(site.read('_redirects')).toContain('/platform/acme/old-privacy-policy/versions/2022-06-01T00-00-00Z/ /platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/#capture-2022-06-01T00-00-00Z 301');
  });

  it('shows the date a version states for itself beside its capture date', () => {
    const text = textOf(page('/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/'));
    expect(text).toContain('Captured on 1 March 2024');
    expect(text).toContain('The text states it was last updated on 1 March 2024');
    expect(textOf(page('/platform/acme/privacy-policy/versions/2023-08-01T00-00-00Z/'))).toContain('The text states no date of its own');
  });

  it('highlights the passages analysed clauses quote and links them to the clause pages', () => {
    const html = page('/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/');
    const text = sectionOf(html, 'text');
    expect(text).toContain('<mark class="clause-highlight">');
    expect(text).toMatch(/<a id="clause-ai-training" class="clause-highlight__link" href="\/platform\/acme\/privacy-policy\/ai-training\/">/);
    const clauses = textOf(sectionOf(html, 'clauses'));
    expect(clauses).toContain('quote highlighted in the text below');
    expect(clauses).toContain('quote not in this version');
  });

  it('shows a word-level diff against the previous version, following predecessors', () => {
    const html = page('/platform/acme/privacy-policy/versions/2023-08-01T00-00-00Z/');
    const changes = sectionOf(html, 'changes');
    expect(changes).toMatch(/<ins[^>]*><span class="visually-hidden"[^>]*>added: <\/span>after you delete them<\/ins>/);
    expect(textOf(changes)).toContain('Compared with the version of 1 February 2023');
    // The first version of the successor is compared with the predecessor's last version (its 1 June 2022 capture only repeats 1 January).
    expect(textOf(page('/platform/acme/privacy-policy/versions/2023-02-01T00-00-00Z/'))).toContain('Compared with the version of 1 January 2022');
    expect(textOf(page('/platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/'))).toContain('This is the first captured version');
  });

  it('lists every version with the size of its change on the document page', () => {
    const versions = sectionOf(page('/platform/acme/privacy-policy/'), 'versions');
    for (const snapshot of atlas.documentByKey.get('acme/privacy-policy')?.versions ?? []) expect(versions).toContain(`href="${versionUrl(snapshot)}"`);
    expect(textOf(versions)).toMatch(/\d+ words added, \d+ removed/);
  });

  it('publishes each raw snapshot byte for byte, hashing to the SHA-256 on its page', () => {
    for (const snapshot of atlas.snapshots) {
      const bytes = readFileSync(join(site.out, 'snapshots', snapshot.documentKey, `${snapshot.stamp}.md`));
      const hash = createHash('sha256').update(bytes).digest('hex');
      expect(hash, snapshot.file).toBe(snapshot.data.sha256);
      expect(page(versionUrl(snapshot))).toContain(`/snapshots/${snapshot.documentKey}/${snapshot.stamp}.md`);
    }
  });

  it('lists new versions newest first on /changes/, with a summary and the clauses affected', () => {
    const html = page('/changes/');
    const dates = [...sectionOf(html, 'log').matchAll(/<a href="\/platform\/[^"]+\/versions\/([^/]+)\/"[^>]*><time/g)].map((m) => m[1] ?? '');
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toContain('2023-08-01T00-00-00Z');
    expect(textOf(html)).toContain('no longer in the text');
    expect(textOf(html)).toMatch(/sentences? (added|removed)/);
  });

  it('serves valid RSS, Atom and JSON feeds for the atlas and each platform', () => {
    for (const base of ['changes/', ...atlas.platforms.map((p) => `platform/${p.slug}/`)]) {
      for (const file of ['feed.xml', 'atom.xml']) {
        const xml = site.read(`${base}${file}`);
        expect(XMLValidator.validate(xml), `${base}${file}`).toBe(true);
      }
      const json = JSON.parse(site.read(`${base}feed.json`)) as { version: string; items: unknown[] };
      expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    }
    expect(site.read('changes/feed.xml')).toContain('/versions/2024-03-01T00-00-00Z/');
  });

  it('lists clauses whose quote left the current text on the review page, linked to the version it left', () => {
    const html = page('/review/');
    const text = textOf(html);
    expect(text).toContain(atlas.clauseByKey.get('acme/privacy-policy/message-retention')?.data.title ?? 'missing');
    expect(text).toContain('No longer in the current text since the version of 1 March 2024');
    expect(html).toContain('href="/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/"');
    expect(page('/platform/acme/privacy-policy/message-retention/')).toContain('href="/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/"');
  });
});

describe('a version page of hostile text', () => {
  it('never lets snapshot text inject markup or script, in the text or in the diff', () => {
    const html = page(`/platform/birdy/privacy-policy/versions/${HOSTILE_STAMP}/`);
    const shown = sectionOf(html, 'changes') + sectionOf(html, 'text');
    expect(textOf(shown)).toContain('raw link');
    // The diff may show the raw markup as text (escaped); no element, attribute or URL of it may survive.
    expect(shown).not.toMatch(/<(script|img|iframe|style)\b/i);
    expect(shown).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(shown).not.toMatch(/href="\s*javascript:/i);
    expect(readFileSync(join(site.out, `snapshots/birdy/privacy-policy/${HOSTILE_STAMP}.md`), 'utf8')).toBe(HOSTILE_TEXT);
  });
});
