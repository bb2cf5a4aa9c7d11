/**
 * Builds the fixture atlas and follows its permanent URLs: every `/r/<ID>/`
 * and former path leads to a page that exists, the withdrawn record has its
 * tombstone, the citation files parse, and a clause renamed without
 * recording its new path in the ledger stops the build.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { buildSite, fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

let site: BuiltSite;
const { atlas } = loadAtlas(FIXTURE_ATLAS);
const ids = [...atlas.documents, ...atlas.clauses].map((r) => r.data.id);
const pageFile = (path: string) => `${path.replace(/^\//, '')}index.html`;

/** Where a redirect page sends the reader: its refresh target, canonical URL and visible link. */
function redirectOf(html: string): { refresh: string | undefined; canonical: string | undefined; link: string | undefined } {
  return {
    refresh: /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1],
    canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1],
    link: /<body>[\s\S]*?<a href="([^"]+)"/.exec(html)?.[1],
  };
}

beforeAll(() => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => site?.dispose());

describe('permanent record URLs in the built site', () => {
  it('leads every /r/<ID>/ to the record\'s existing page, without JavaScript and kept out of search results', () => {
    expect(ids).toHaveLength(8);
    for (const record of [...atlas.documents, ...atlas.clauses]) {
      const html = site.read(pageFile(`/r/${record.data.id}/`));
      expect(redirectOf(html), record.data.id).toEqual({ refresh: record.url, canonical: `https://fixture.example${record.url}`, link: record.url });
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toContain('<script');
      expect(site.exists(pageFile(record.url)), record.url).toBe(true);
    }
  });

  it('keeps the old slug of a renamed clause working', () => {
    const html = site.read(pageFile('/platform/acme/privacy-policy/model-training/'));
    expect(redirectOf(html)).toEqual({
      refresh: '/platform/acme/privacy-policy/ai-training/',
      canonical: 'https://fixture.example/platform/acme/privacy-policy/ai-training/',
      link: '/platform/acme/privacy-policy/ai-training/',
    });
  });

  it('keeps a tombstone for the withdrawn clause saying when and why, and leads its old path there', () => {
    const html = site.read(pageFile('/r/FX-P-000005/'));
    expect(html).toContain('Record FX-P-000005 was withdrawn');
    expect(html).toContain('<time datetime="2024-02-01">1 February 2024</time>');
    expect(html).toContain('Merged into the Birdy AI-training clause after review.');
    expect(html).toContain('<a href="/platform/birdy/privacy-policy/">Birdy Privacy Policy</a>');
    expect(html).toContain('<a href="/platform/birdy/">Birdy</a>');
    expect(html).toContain('<link rel="canonical" href="https://fixture.example/r/FX-P-000005/">');
    expect(redirectOf(site.read(pageFile('/platform/birdy/privacy-policy/ad-sharing/'))).refresh).toBe('/r/FX-P-000005/');
  });

  it('publishes a _redirects file for static hosts', () => {
    const lines = site.read('_redirects').trim().split('\n');
    // 8 records, 2 former paths, and the former page of the one fixture capture that is not a version.
    expect(lines).toHaveLength(8 + 2 + 1);
    expect(lines).toContain('/platform/acme/old-privacy-policy/versions/2022-06-01T00-00-00Z/ /platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/#capture-2022-06-01T00-00-00Z 301');
    expect(lines).toContain('/r/FX-P-000002/ /platform/acme/privacy-policy/ai-training/ 301');
    expect(lines).toContain('/platform/acme/privacy-policy/model-training/ /platform/acme/privacy-policy/ai-training/ 301');
  });
});

describe('citation downloads in the built site', () => {
  it('links BibTeX, RIS and CSL-JSON from the clause and document pages', () => {
    for (const [url, id] of [['/platform/acme/privacy-policy/ai-training/', 'FX-P-000002'], ['/platform/acme/privacy-policy/', 'FX-D-00002']] as const) {
      const html = site.read(pageFile(url));
      for (const format of ['bib', 'ris', 'json']) expect(html, `${url} ${format}`).toContain(`href="/cite/${id}.${format}" download="${id}.${format}"`);
    }
  });

  it('publishes every record\'s citation in each format, and each parses', () => {
    for (const id of ids) {
      const bib = parseBibtex(site.read(`cite/${id}.bib`));
      expect(bib.errors, id).toEqual([]);
      expect(bib.entries.map((e) => [e.key, e.fields.url])).toEqual([[id, `https://fixture.example/r/${id}/`]]);

      const ris = site.read(`cite/${id}.ris`);
      expect(ris.startsWith('TY  - ELEC\r\n') && ris.endsWith('\r\nER  - \r\n'), id).toBe(true);
      expect(new Cite(ris, { forceType: '@ris/file' }).data.map((i) => i.id)).toEqual([id]);

      const csl = JSON.parse(site.read(`cite/${id}.json`)) as Array<{ id: string; URL: string }>;
      expect(csl.map((i) => [i.id, i.URL])).toEqual([[id, `https://fixture.example/r/${id}/`]]);
    }
  });
});

describe('a clause renamed without recording its new path', () => {
  it('stops the build with the ledger problem', async () => {
    const copy = copyFixtureAtlas();
    try {
      // Move the file: the slug changes, the ledger still ends with the old path.
      const from = join(copy.root, 'clauses/acme/privacy-policy/ai-training.md');
      renameSync(from, join(copy.root, 'clauses/acme/privacy-policy/genai-training.md'));
      const broken = await buildSite(copy.root);
      try {
        expect(broken.status).not.toBe(0);
        expect(broken.output).toContain(
          'ledger.yaml:19 records.5.paths: expected the current path /platform/acme/privacy-policy/genai-training/ last, found "/platform/acme/privacy-policy/ai-training/" — append the new path; old paths stay so their links keep working',
        );
        expect(broken.exists('index.html')).toBe(false);
      } finally {
        broken.dispose();
      }
    } finally {
      copy.dispose();
    }
  }, 240_000);
});
