/**
 * The page index behind the page shell: search metadata, OG card, breadcrumb,
 * JSON-LD and feeds for pages of the fixture atlas, with values worked out by
 * hand from tests/fixtures/atlas.
 */
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { buildPageMeta, pageMetaFor } from '../../src/lib/page-meta.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const pages = buildPageMeta(atlas);
const CLAUSE = '/platform/acme/privacy-policy/message-retention/';
const DOCUMENT = '/platform/acme/privacy-policy/';
const PLATFORM = '/platform/acme/';

const filterValues = (path: string, name: string) =>
  pages
    .searchMeta(path)
    ?.filters.filter((f) => f.name === name)
    .map((f) => f.value);

describe('search metadata', () => {
  it('describes a clause by its severity, type, platform, policy, regulations and jurisdictions', () => {
    const meta = pages.searchMeta(CLAUSE);
    expect(filterValues(CLAUSE, 'type')).toEqual(['Clause']);
    expect(filterValues(CLAUSE, 'severity')).toEqual(['medium']);
    expect(filterValues(CLAUSE, 'clause type')).toEqual(['Data retention']);
    expect(filterValues(CLAUSE, 'platform')).toEqual(['Acme Social']);
    expect(filterValues(CLAUSE, 'document type')).toEqual(['Privacy Policy']);
    expect(filterValues(CLAUSE, 'regulation')).toEqual(['GDPR']);
    // GDPR applies in the European Union; the mapped agency (dpa) sits in Ireland.
    expect(filterValues(CLAUSE, 'jurisdiction')).toEqual(['European Union', 'Ireland']);
    // The quote is in the 2022-01-01 capture of the predecessor policy; it was reworded on 2023-08-01 and removed on 2024-03-01.
    expect(meta?.sort).toEqual({ 'first-seen': '2022-01-01', 'last-changed': '2024-03-01' });
    expect(meta?.meta).toEqual({ kind: 'Clause', platform: 'Acme Social', severity: 'medium', record_id: 'FX-P-000001', clause_type: 'Data retention' });
    expect(meta?.keywords).toContain('FX-P-000001');
    // The regulation and agency notes are left out of the index; their names are keywords.
    expect(meta?.keywords).toContain('GDPR');
  });

  it('describes a document by platform, type, the clause types analysed in it and its history', () => {
    const meta = pages.searchMeta(DOCUMENT);
    expect(filterValues(DOCUMENT, 'type')).toEqual(['Document']);
    expect(filterValues(DOCUMENT, 'platform')).toEqual(['Acme Social']);
    expect(filterValues(DOCUMENT, 'document type')).toEqual(['Privacy Policy']);
    expect(filterValues(DOCUMENT, 'clause type')?.sort()).toEqual(['AI training on user data', 'Data retention']);
    expect(filterValues(DOCUMENT, 'severity')).toEqual([]);
    // History starts with the predecessor's first capture; the last substantive version is 2024-03-01.
    expect(meta?.sort).toEqual({ 'first-seen': '2022-01-01', 'last-changed': '2024-03-01' });
    expect(meta?.meta).toMatchObject({ kind: 'Document', platform: 'Acme Social', record_id: 'FX-D-00002' });
  });

  it('describes a platform by name and headquarters country, and finds it by its former name', () => {
    const meta = pages.searchMeta(PLATFORM);
    expect(filterValues(PLATFORM, 'platform')).toEqual(['Acme Social']);
    expect(filterValues(PLATFORM, 'jurisdiction')).toEqual(['United States']);
    expect(meta?.sort).toEqual({ 'first-seen': '2022-01-01', 'last-changed': '2024-03-01' });
    expect(meta?.keywords).toContain('Acme Chat');
    expect(meta?.keywords).toContain('Acme Holdings');
  });

  it('indexes clause types and regulations, and leaves other pages out', () => {
    expect(filterValues('/clause-types/data-retention/', 'type')).toEqual(['Clause type']);
    expect(filterValues('/regulations/gdpr/', 'jurisdiction')).toEqual(['European Union']);
    for (const path of ['/', '/about/', '/agencies/dpa/', '/search/', '/platform/acme/privacy-policy/versions/2023-02-01T00-00-00Z/']) {
      expect(pages.searchMeta(path), path).toBeUndefined();
    }
  });
});

describe('sharing metadata', () => {
  it('gives each record page its own absolute card with alt text, and other pages the nearest card', () => {
    const og = pages.og(CLAUSE);
    expect(og.image).toBe('https://fixture.example/og/platform/acme/privacy-policy/message-retention.png');
    expect(og.type).toBe('article');
    expect(og.alt).toContain('Messages are kept for thirty days');
    expect(og.alt).toContain('medium severity');
    expect(pages.og('/platform/acme/privacy-policy/versions/2023-02-01T00-00-00Z/').image).toBe('https://fixture.example/og/platform/acme/privacy-policy.png');
    expect(pages.og('/about/')).toMatchObject({ image: 'https://fixture.example/og/index.png', type: 'website' });
  });

  it('lists the atlas feeds everywhere, the platform feeds on its pages and the document feeds on its pages', () => {
    expect(pages.feeds('/about/').map((f) => f.href)).toEqual(['/changes/feed.xml', '/changes/atom.xml', '/changes/feed.json']);
    expect(pages.feeds('/platform/acme/').map((f) => f.href)).toHaveLength(6);
    const documentFeeds = ['/platform/acme/privacy-policy/feed.xml', '/platform/acme/privacy-policy/atom.xml', '/platform/acme/privacy-policy/feed.json'];
    expect(pages.feeds(CLAUSE).map((f) => f.href)).toEqual([
      '/changes/feed.xml',
      '/changes/atom.xml',
      '/changes/feed.json',
      '/platform/acme/feed.xml',
      '/platform/acme/atom.xml',
      '/platform/acme/feed.json',
      ...documentFeeds,
    ]);
    expect(pages.feeds(DOCUMENT).map((f) => f.href).slice(6)).toEqual(documentFeeds);
    expect(pages.feeds('/platform/acme/privacy-policy/versions/2023-08-01T00-00-00Z/').map((f) => f.href).slice(6)).toEqual(documentFeeds);
    expect(pages.feeds(CLAUSE).at(-1)?.title).toBe('Acme Social Privacy Policy changes (JSON Feed)');
  });
});

describe('JSON-LD', () => {
  it('describes a document page as a WebPage about a DigitalDocument, with its breadcrumb trail', () => {
    const [page, trail] = pages.jsonLd(DOCUMENT, { title: 'Acme Social Privacy Policy — Acme Social', description: 'd' });
    expect(page).toMatchObject({ '@type': 'WebPage', url: 'https://fixture.example/platform/acme/privacy-policy/', mainEntity: { '@type': 'DigitalDocument', identifier: 'FX-D-00002' } });
    expect(trail).toMatchObject({ '@type': 'BreadcrumbList' });
    const names = (trail?.['itemListElement'] as Array<{ name: string }>).map((item) => item.name);
    expect(names).toEqual(['Fixture Atlas', 'Platforms', 'Acme Social', 'Acme Social Privacy Policy']);
    // The visible breadcrumb is the same trail: a record page is named as its record, whatever its <title>.
    expect(pages.crumbs(DOCUMENT).map((c) => c.name)).toEqual(names);
    expect(pages.crumbs('/agencies/dpa/').at(-1)?.name).toBe(atlas.agencies.find((a) => a.key === 'dpa')?.data.short_name);
    expect(pages.crumbs('/about/', 'About').at(-1)).toEqual({ name: 'About', path: '/about/' });
    expect(() => pages.crumbs('/about/')).toThrow(/expected a record page or a title/);
  });

  it('uses the types that fit each record, and keeps a page’s own description', () => {
    const main = (path: string) => pages.jsonLd(path, { title: 't', description: 'd' })[0];
    expect(main('/')).toMatchObject({ '@type': 'WebSite' });
    expect(main(PLATFORM)).toMatchObject({ mainEntity: { '@type': 'Organization', name: 'Acme Social', alternateName: ['Acme Chat'] } });
    expect(main('/regulations/gdpr/')).toMatchObject({ mainEntity: { '@type': 'Legislation', legislationIdentifier: 'Regulation (EU) 2016/679' } });
    expect(main('/agencies/dpa/')).toMatchObject({ mainEntity: { '@type': 'GovernmentOrganization' } });
    expect(main('/platforms/')).toMatchObject({ '@type': 'CollectionPage' });
    expect(main(CLAUSE)).toMatchObject({ '@type': 'Article', identifier: 'FX-P-000001' });
    const own = { '@context': 'https://schema.org', '@type': 'Thing' };
    expect(pages.jsonLd('/about/', { title: 'About', description: 'd', own })[0]).toBe(own);
  });
});

it('builds the index once per atlas', () => {
  expect(pageMetaFor(atlas)).toBe(pageMetaFor(atlas));
});
