/**
 * Coverage on the built fixture atlas: /compare/ and its per-platform views,
 * the clause-type comparison, the review page and the API tell a clause, a
 * checked absence ("none (checked on …)") and "not yet analysed" apart, and
 * count has / has not / unknown separately. Expected values are worked out by
 * hand from tests/fixtures/atlas (see tests/unit/negatives.test.ts).
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { textOf } from '../support/html-text.ts';

let site: BuiltSite;
beforeAll(() => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => site?.dispose());

const dom = (url: string) => parseHTML(site.read(`${url.replace(/^\//, '')}index.html`)).document;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A cell's state and visible text, found by its row's and its own data attributes. */
function cell(doc: Document, row: string, column: string): { state: string | null; text: string } {
  const td = doc.querySelector(`tr${row} td${column}`);
  if (!td) throw new Error(`no cell ${row} ${column}`);
  return { state: td.querySelector('[data-coverage]')?.getAttribute('data-coverage') ?? null, text: squash(td.textContent) };
}

const STALE = 'none (checked on 1 September 2023, in the version of 1 August 2023; the document has changed since)';

describe('/compare/', () => {
  it('shows every cell of the core matrix as a clause with its severity, a checked none or not yet analysed', () => {
    const doc = dom('/compare/');
    const acmePrivacy = '[data-document="acme/privacy-policy"]';
    expect(cell(doc, acmePrivacy, '[data-type="ai-training"]')).toEqual({ state: 'has', text: "●●● High severity : Posts may train Acme's models" });
    expect(cell(doc, acmePrivacy, '[data-type="arbitration"]')).toEqual({ state: 'has-not', text: STALE });
    expect(cell(doc, '[data-document="acme/terms-of-service"]', '[data-type="ai-training"]')).toEqual({ state: 'has-not', text: 'none (checked on 15 January 2024)' });
    expect(cell(doc, '[data-document="acme/terms-of-service"]', '[data-type="arbitration"]').state).toBe('has');
    expect(cell(doc, '[data-document="birdy/privacy-policy"]', '[data-type="arbitration"]')).toEqual({ state: 'has-not', text: 'none (checked on 1 February 2024)' });
    expect(cell(doc, '[data-platform="quiet"]', '[data-type="arbitration"]')).toEqual({ state: 'unknown', text: 'not yet analysed' });
    // Only core types are columns: data retention is not core.
    expect(doc.querySelector('td[data-type="data-retention"]')).toBeNull();
    expect(doc.querySelectorAll('#matrix tbody tr')).toHaveLength(4);
    // Each clause in a cell links to its page.
    expect(doc.querySelector(`tr${acmePrivacy} td[data-type="ai-training"] a`)?.getAttribute('href')).toBe('/platform/acme/privacy-policy/ai-training/');
  });

  it('counts has, has not and not yet analysed apart, per type and over all cells', () => {
    const doc = dom('/compare/');
    const counts = (type: string) => ['has', 'has-not', 'unknown'].map((c) => squash(doc.querySelector(`tr[data-type="${type}"] td[data-count="${c}"]`)?.textContent));
    // Birdy's only tracked document was checked; without its terms the platform stays not yet analysed.
    expect(counts('arbitration')).toEqual(['1', '0', '2']);
    expect(counts('ai-training')).toEqual(['2', '0', '1']);
    expect(textOf(site.read('compare/index.html'))).toContain('Of 8 cells, 3 have a clause, 3 were checked and have none, and 2 are not yet analysed.');
    // The table by type counts Birdy as not yet analysed for arbitration although its one cell is checked: the page says why.
    expect(textOf(site.read('compare/index.html'))).toContain('Birdy: no terms of service tracked');
  });

  it('has a per-platform view with each finding\'s note, linked from the matrix, and is in the navigation and the sitemap', () => {
    const doc = dom('/compare/');
    expect(doc.querySelector('tr[data-platform="birdy"] th a')?.getAttribute('href')).toBe('/compare/platform/birdy/');
    const birdy = dom('/compare/platform/birdy/');
    expect(cell(birdy, '[data-type="arbitration"]', '[data-document="birdy/privacy-policy"]')).toEqual({
      state: 'has-not',
      text: 'none (checked on 1 February 2024) The privacy policy has no dispute-resolution terms. Read in this version.',
    });
    expect(squash(dom('/compare/platform/quiet/').querySelector('tbody td')?.textContent)).toBe('not yet analysed');
    expect(doc.querySelector('nav[aria-label="Main"] a[href="/compare/"]')).not.toBeNull();
    expect(site.read('sitemap.xml')).toContain('https://fixture.example/compare/platform/quiet/');
  });
});

describe('the clause-type page', () => {
  it('answers for every platform and document', () => {
    const doc = dom('/clause-types/arbitration/');
    expect(cell(doc, '[data-document="acme/terms-of-service"]', ':last-child')).toEqual({ state: 'has', text: expect.stringMatching(/High severity|Medium severity|Low severity/) });
    expect(cell(doc, '[data-document="acme/privacy-policy"]', ':last-child')).toEqual({ state: 'has-not', text: expect.stringContaining(STALE) });
    expect(cell(doc, '[data-document="birdy/privacy-policy"]', ':last-child')).toEqual({ state: 'has-not', text: expect.stringContaining('none (checked on 1 February 2024)') });
    expect(cell(doc, '[data-platform="quiet"]', ':last-child')).toEqual({ state: 'unknown', text: 'not yet analysed' });
    // The old privacy policy has a successor and holds no answer: it is not a row.
    expect(doc.querySelector('tr[data-document="acme/old-privacy-policy"]')).toBeNull();
    const text = textOf(site.read('clause-types/arbitration/index.html'));
    // Birdy's privacy policy was checked, but its terms are not tracked: the platform is not said to lack the clause.
    expect(text).toContain('Checked, none 0 of 3');
    expect(text).toContain('Not yet analysed 2 of 3');
    expect(text).toContain('found at 1 of 3 tracked platforms; checked and absent at 0; not yet analysed at 2');
  });

  it('says the three counts on the clause-type index', () => {
    expect(textOf(site.read('clause-types/index.html'))).toContain('(has: 1, has not: 0, not yet analysed: 2, of 3)');
  });
});

describe('the review page and the API', () => {
  it('flags a negative finding whose document changed since it was checked', () => {
    const section = dom('/review/').querySelector('#negatives');
    const text = squash(section?.textContent);
    expect(text).toContain('Mandatory arbitration (Acme Social, Acme Social Privacy Policy)');
    expect(text).toContain('Document changed since checked on 1 September 2023: none found in the version of 1 August 2023; the version of 1 March 2024 has different text.');
    expect(section?.querySelectorAll('li')).toHaveLength(1);
  });

  it('publishes negative findings and the three counts', () => {
    const document = JSON.parse(site.read('api/v1/documents/acme/privacy-policy.json'));
    expect(document.negatives).toEqual([
      {
        key: 'acme/privacy-policy/arbitration',
        document: 'acme/privacy-policy',
        clause_type: 'arbitration',
        snapshot: '2023-08-01T00-00-00Z',
        version: '2023-08-01T00-00-00Z',
        checked_on: '2023-09-01',
        note: 'The privacy policy says nothing about how disputes are resolved.',
        changed_since: '2024-03-01T00-00-00Z',
      },
    ]);
    const type = JSON.parse(site.read('api/v1/clause-types/arbitration.json'));
    expect(type.core).toBe(true);
    expect(type.rarity).toMatchObject({ platforms: 1, has_not: 0, unknown: 2, total: 3 });
    expect(type.negatives.map((n: { key: string }) => n.key)).toEqual(['acme/privacy-policy/arbitration', 'birdy/privacy-policy/arbitration']);
  });
});
