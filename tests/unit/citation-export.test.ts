/**
 * Citation downloads: what the atlas writes must be read back by real parsers.
 * BibTeX by @retorquere/bibtex-parser (the parser of Better BibTeX for
 * Zotero); CSL-JSON rendered by citeproc-js with the APA style and en-US
 * locale that @citation-js/plugin-csl ships (copies of the official CSL
 * files); RIS by a strict line check written here plus citation-js's RIS
 * reader, as no independent RIS parser is installed.
 */
import { createRequire } from 'node:module';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import CSL from 'citeproc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { routes } from '../../src/atlas/routes.ts';
import { citationFormats, citedRecords, clauseCslItem, documentCslItem, toBibtex, toCslJson, toRis, type CslItem } from '../../src/atlas/outputs/citation-export.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const require = createRequire(import.meta.url);
const styles = require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
const locales = require('@citation-js/plugin-csl/lib/locales.json') as Record<string, string>;

const { atlas } = loadAtlas(FIXTURE_ATLAS, { now: new Date('2026-01-01T00:00:00Z') });
const aiTraining = atlas.clauseByKey.get('acme/privacy-policy/ai-training');
const privacyPolicy = atlas.documentByKey.get('acme/privacy-policy');
if (!aiTraining || !privacyPolicy) throw new Error('fixture records missing');
const clauseItem = clauseCslItem(atlas, aiTraining);
const documentItem = documentCslItem(atlas, privacyPolicy);
const URL_OF = 'https://fixture.example/r/FX-P-000002/';

afterEach(() => vi.useRealTimers());

describe('the CSL-JSON item', () => {
  it('names the atlas, the platform and document, the pinned snapshot and the permanent URL', () => {
    expect(clauseItem).toEqual({
      id: 'FX-P-000002',
      'citation-key': 'FX-P-000002',
      type: 'webpage',
      title: "Posts may train Acme's models",
      genre: 'Analysis of a clause in Acme Social, Acme Social Privacy Policy',
      'container-title': 'Fixture Atlas',
      publisher: 'Fixture publishers',
      author: [{ literal: 'Fixture publishers' }],
      URL: URL_OF,
      note: 'Fixture Atlas record FX-P-000002; text captured 2024-03-01, SHA-256 9b005666306e',
    });
    // An analysis has no recorded date; a policy record is dated by its version's own stated date.
    expect(documentItem.issued).toEqual({ 'date-parts': [[2024, 3, 1]] });
    expect(documentItem).not.toHaveProperty('accessed');
    expect(documentItem.genre).toBe('Acme Social policy text and version history');
    expect(documentItem.URL).toBe('https://fixture.example/r/FX-D-00002/');
  });

  it('pins the snapshot the clause is cited against, dates it by its review, and leaves dates out when there are none', () => {
    const gone = atlas.clauseByKey.get('acme/privacy-policy/message-retention');
    if (!gone) throw new Error('fixture clause missing');
    expect(clauseCslItem(atlas, gone).note).toContain('text captured 2023-08-01');
    expect(clauseCslItem(atlas, gone).issued).toEqual({ 'date-parts': [[2023, 10, 10]] });
    expect(clauseCslItem(atlas, gone).author).toEqual([{ literal: 'Fixture Reviewer' }]);
    const bare = clauseCslItem({ site: atlas.site }, { ...aiTraining, citedSnapshot: undefined });
    expect(bare).not.toHaveProperty('issued');
    expect(bare).not.toHaveProperty('accessed');
    expect(bare.note).toBe('Fixture Atlas record FX-P-000002');
  });

  it('covers every clause and document, by ID', () => {
    expect(citedRecords(atlas).map((i) => i.id)).toEqual(['FX-D-00001', 'FX-D-00002', 'FX-D-00003', 'FX-D-00004', 'FX-P-000001', 'FX-P-000002', 'FX-P-000003', 'FX-P-000004']);
    expect(routes.citation('FX-P-000002', 'bib')).toBe('/cite/FX-P-000002.bib');
  });

  it('gives the same bytes whatever the clock says', () => {
    const before = (['bib', 'ris', 'json'] as const).map((f) => citationFormats[f].write(clauseItem));
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:00:00Z'));
    const after = (['bib', 'ris', 'json'] as const).map((f) => citationFormats[f].write(clauseCslItem(atlas, aiTraining)));
    expect(after).toEqual(before);
  });
});

describe('BibTeX', () => {
  it('parses with a real BibTeX parser and keeps every field', () => {
    const library = parseBibtex(toBibtex(clauseItem));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    const [entry] = library.entries;
    expect(entry?.key).toBe('FX-P-000002');
    expect(entry?.type).toBe('misc');
    expect(entry?.fields.title).toBe("Posts may train Acme's models");
    expect(entry?.fields.author).toEqual([{ name: 'Fixture publishers' }]);
    expect(entry?.fields.publisher).toEqual(['Fixture publishers']);
    expect(entry?.fields.url).toBe(URL_OF);
    expect(entry?.fields.year).toBeUndefined();
    expect(entry?.fields.note).toBe('Fixture Atlas record FX-P-000002; text captured 2024-03-01, SHA-256 9b005666306e');
  });

  it('writes the month as the BibTeX macro and the full date for biblatex, never "mar 1"', () => {
    const bibtex = toBibtex(documentItem);
    expect(bibtex).toContain('\tmonth = mar,\n');
    expect(bibtex).toContain('\tdate = {2024-03-01},\n');
    expect(bibtex).not.toMatch(/month = \{/);
    const library = parseBibtex(bibtex);
    expect(library.errors).toEqual([]);
    expect(library.entries[0]?.fields).toMatchObject({ year: '2024', date: '2024-03-01' });
    expect(String(library.entries[0]?.fields.month)).toMatch(/^(3|march|mar)$/i);
  });

  it('leaves the label check of citation-js as it was', async () => {
    const { plugins } = await import('@citation-js/core');
    const config = plugins.config.get('@bibtex') as { format: { checkLabel: boolean } };
    toBibtex(documentItem);
    expect(config.format.checkLabel).toBe(true);
  });
});

describe('RIS', () => {
  const ris = toRis(clauseItem);

  it('is one `XX  - value` line per tag, TY first and ER last, CRLF-terminated', () => {
    expect(ris.endsWith('\r\n')).toBe(true);
    const lines = ris.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const line of lines) expect(line, line).toMatch(/^[A-Z][A-Z0-9] {2}- (?:\S.*)?$/);
    expect(lines.filter((l) => l.startsWith('TY  - ') || l.startsWith('ER  - '))).toHaveLength(2);
    expect(lines).toContain(`UR  - ${URL_OF}`);
    expect(lines).toContain('TI  - Posts may train Acme\'s models');
  });

  it('keeps long values on one line, unlike citation-js\'s own writer', () => {
    const long = { ...clauseItem, title: 'A clause title long enough to pass the seventy-character wrap of citation-js' };
    expect(toRis(long)).toContain(`TI  - ${long.title}\r\n`);
  });

  it('writes dates as YYYY/MM/DD/', () => {
    expect(toRis(documentItem)).toContain('DA  - 2024/03/01/\r\n');
    expect(ris).not.toMatch(/^(DA|Y2|M1) {2}-/m);
  });

  it('round-trips through a RIS reader', () => {
    const [dated] = new Cite(toRis(documentItem), { forceType: '@ris/file' }).data;
    expect(dated).toMatchObject({ issued: { 'date-parts': [[2024, 3, 1]] } });
    expect(dated).not.toHaveProperty('accessed');
    const [back] = new Cite(ris, { forceType: '@ris/file' }).data;
    expect(back).toMatchObject({
      type: 'webpage',
      id: 'FX-P-000002',
      title: "Posts may train Acme's models",
      URL: URL_OF,
      publisher: 'Fixture publishers',
      author: [{ literal: 'Fixture publishers' }],
      note: clauseItem.note,
    });
  });
});

describe('CSL-JSON', () => {
  /** Renders the downloaded files with one engine: loading the APA style is the slow part. */
  function bibliography(...downloads: CslItem[]): string[] {
    const items = downloads.flatMap((item) => JSON.parse(toCslJson(item)) as CslItem[]);
    const engine = new CSL.Engine(
      { retrieveLocale: (lang) => locales[lang] ?? '', retrieveItem: (id) => items.find((i) => i.id === id) },
      styles.apa ?? '',
      'en-US',
    );
    engine.setOutputFormat('text');
    engine.updateItems(items.map((i) => i.id));
    const result = engine.makeBibliography();
    if (!result) throw new Error('citeproc made no bibliography');
    expect(result[0].bibliography_errors).toEqual([]);
    return result[1].map((entry) => entry.trim());
  }

  it('is a list holding exactly the item', () => {
    expect(JSON.parse(toCslJson(clauseItem))).toEqual([clauseItem]);
  });

  it('renders with citeproc-js and the APA style to a reference with the title and URL', () => {
    const [clause, document] = bibliography(clauseItem, documentItem);
    // The analysis is undated (n.d.), the policy record dated by its version's stated date. For an undated page the APA
    // style asks for a retrieval date; the download has none, so the reader's reference manager (its "Accessed" field) supplies it.
    expect(clause).toBe(
      'Fixture publishers. (n.d.). Posts may train Acme’s models [Analysis of a clause in Acme Social, Acme Social Privacy Policy]. Fixture publishers. Fixture Atlas. Retrieved https://fixture.example/r/FX-P-000002/',
    );
    expect(document).toContain('Fixture publishers. (2024, March 1). Acme Social Privacy Policy');
    expect(document).toContain('https://fixture.example/r/FX-D-00002/');
  });
});
