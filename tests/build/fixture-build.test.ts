/**
 * Builds the fixture atlas with the real Astro build and checks the pages:
 * one per entry, every section of a clause page present, and the computed
 * values (worked out by hand in tests/unit/model.test.ts) shown on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { buildSite, fixtureSite, type BuiltSite } from '../support/build-site.ts';
import { textOf } from '../support/html-text.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

let site: BuiltSite;
const { atlas } = loadAtlas(FIXTURE_ATLAS);
const page = (url: string) => site.read(`${url.replace(/^\//, '')}index.html`);

beforeAll(() => {
  site = fixtureSite();
  if (site.status !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => site?.dispose());

describe('the fixture build', () => {
  it('publishes a page for every platform, document, clause, clause type, regulation and agency', () => {
    const urls = [...atlas.platforms, ...atlas.documents, ...atlas.clauses, ...atlas.clauseTypes, ...atlas.regulations, ...atlas.agencies].map((r) => r.url);
    expect(urls).toHaveLength(3 + 4 + 4 + 3 + 2 + 2);
    for (const url of [...urls, '/', '/platforms/', '/clause-types/', '/regulations/', '/agencies/', '/methodology/', '/about/', '/contribute/']) {
      expect(site.exists(`${url.replace(/^\//, '')}index.html`), url).toBe(true);
    }
  });

  it('ships no client JavaScript: the only scripts are JSON-LD data', () => {
    for (const url of ['/', atlas.clauses[0]?.url ?? '', '/platform/acme/']) {
      const scripts = page(url).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.every((tag) => tag.includes('application/ld+json')), url).toBe(true);
    }
  });

  it('renders the whole anatomy of a clause page with computed values', () => {
    const html = page('/platform/acme/privacy-policy/message-retention/');
    const text = textOf(html);
    for (const section of ['What it is', 'Why it matters', 'Consumer impact', 'The clause, verbatim', 'Stability', 'How other platforms handle this', 'Record details', 'Provenance', 'Cite this', 'Classification', 'Other clauses in this policy', 'Questions and answers', 'not legal advice']) {
      expect(text, section).toContain(section);
    }
    expect(text).toContain('First seen in a version 1 January 2022');
    expect(text).toContain('First in force The text states no effective date');
    expect(text).toContain('Last seen 1 August 2023');
    expect(text).toContain('No longer in the current text since 1 March 2024');
    expect(text).toContain('Changes 2');
    expect(text).toContain('found at 1 of 3 tracked platforms');
    expect(text).toContain('FX-P-000001');
    expect(text).toContain('https://fixture.example/r/FX-P-000001/');
    expect(html).toContain('application/ld+json');
    const cited = atlas.clauseByKey.get('acme/privacy-policy/message-retention')?.citedSnapshot;
    expect(text).toContain(cited?.data.sha256 ?? 'missing');
    expect(text).toContain(cited?.data.sha256.slice(0, 12) ?? 'missing');
  });

  it('dates and credits an analysis from its front matter, on the page, in its citation and in its downloads', () => {
    // The clause's dates are written unquoted, as YAML dates: Astro's content layer must read them as the text written.
    const text = textOf(page('/platform/acme/privacy-policy/message-retention/'));
    expect(text).toContain('Analysis written 4 September 2023');
    expect(text).toContain('Last reviewed 10 October 2023');
    expect(text).toContain('Contributors Fixture Reviewer');
    expect(text).toContain('Fixture Reviewer. (2023, October 10). Messages are kept for thirty days [analysis of a clause in Acme Social');
    const bib = site.read('cite/FX-P-000001.bib');
    expect(bib).toContain('author = {{Fixture Reviewer}}');
    expect(bib).toContain('date = {2023-10-10}');
  });

  it('puts the evidence first: the quote, with a link to its highlighted passage, before the analysis; provenance and citation last', () => {
    const html = page('/platform/acme/privacy-policy/message-retention/');
    const at = (marker: string) => {
      const index = html.indexOf(marker);
      expect(index, marker).toBeGreaterThan(-1);
      return index;
    };
    const order = ['<h1', 'class="quote"', 'id="analysis"', 'id="stability"', 'id="peers"', 'id="siblings"', 'id="regulations"', 'id="provenance"', 'id="cite"'].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The full-text link lands on the passage the version page highlights.
    const link = /href="([^"#]+)#(clause-message-retention)">See it in the full text/.exec(html);
    expect(link?.[1]).toBe('/platform/acme/privacy-policy/versions/2023-08-01T00-00-00Z/');
    expect(page(link?.[1] ?? '')).toContain(`id="${link?.[2]}"`);
  });

  it('folds each agency’s guidance after its first sentence on clause pages, and shows it whole on the agency page', () => {
    const clause = page('/platform/acme/privacy-policy/message-retention/');
    expect(clause).toMatch(/Who can file:<\/strong> Anyone whose personal data is processed\.<\/p>\s*<details class="agency-guidance__details"><summary>/);
    expect(page('/agencies/dpa/')).not.toContain('<details class="agency-guidance__details"');
  });

  it('renders an allowed MDX component in an analysis', () => {
    expect(textOf(page('/platform/acme/terms-of-service/arbitration/'))).toContain('Arbitration is private.');
  });

  it('shows document facts and the platform grade computed from the snapshots', () => {
    const doc = textOf(page('/platform/acme/privacy-policy/'));
    expect(doc).toContain('26 months');
    expect(doc).toContain('Acme Chat Privacy Policy');
    const platform = textOf(page('/platform/acme/'));
    expect(platform).toContain('Grade D, from 3 clauses in 2 documents (privacy policy and terms of service): 7 concern points out of a possible 9');
    expect(platform).toContain('Acme Chat');
  });

  it('shows every grade with its basis, and no letter below the coverage minimum', () => {
    // birdy has one clause, in its privacy policy only: its index (1/3) would be a B.
    expect(textOf(page('/platform/birdy/'))).toContain('Not enough coverage for a grade: 1 clause analysed in 1 document (privacy policy), but none yet in its terms of service.');
    const table = textOf(page('/platforms/'));
    expect(table).toMatch(/Acme Social\s*D\s*from 3 clauses in 2 documents/);
    expect(table).toMatch(/Birdy\s*Not enough coverage\s*from 1 clause in 1 document/);
    expect(textOf(page('/methodology/'))).toContain('analysed in each of these document types: privacy policy and terms of service (one of each)');
  });

  it('compares a clause type across platforms', () => {
    const text = textOf(page('/clause-types/ai-training/'));
    expect(text).toContain('Acme Social');
    expect(text).toContain('Birdy');
    expect(text).toContain('Quiet');
  });

  it('states its independence in every footer and on the about page', () => {
    const statement = 'Fixture Atlas is independent of the platforms it covers: it is not affiliated with or endorsed by any of them, and none of them approves what it publishes.';
    for (const path of ['/', '/platform/acme/', '/platform/acme/privacy-policy/ai-training/', '/changes/']) expect(textOf(page(path)), path).toContain(statement);
    const about = page('/about/');
    expect(about).toContain('id="independence"');
    expect(textOf(about)).toContain(statement);
  });

  it('offers plain share links on a clause page: the permanent URL, encoded, and no script', () => {
    const html = page('/platform/acme/privacy-policy/ai-training/');
    const share = html.slice(html.indexOf('<section class="section" id="share"'));
    expect(share.length).toBeLessThan(html.length);
    const hrefs = [...share.matchAll(/<a href="([^"]+)" rel="noopener noreferrer"/g)].map((m) => m[1]?.replaceAll('&amp;', '&'));
    const url = encodeURIComponent('https://fixture.example/r/FX-P-000002/');
    const title = encodeURIComponent("Acme Social: Posts may train Acme's models");
    expect(hrefs).toEqual([
      `mailto:?subject=${title}&body=${title}${encodeURIComponent('\n')}${url}`,
      `https://bsky.app/intent/compose?text=${title}${encodeURIComponent(' ')}${url}`,
      `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
      `https://x.com/intent/post?url=${url}&text=${title}`,
    ]);
    expect(textOf(share)).toContain('https://fixture.example/r/FX-P-000002/');
    expect(share).not.toMatch(/<script(?![^>]*application\/ld\+json)|<iframe|<img/);
  });

  it('shows when each regulation and agency was reviewed, against which official sources', () => {
    const regulation = textOf(page('/regulations/gdpr/'));
    expect(regulation).toContain('Reviewed on 15 February 2024 against these official sources: Regulation (EU) 2016/679 on EUR-Lex');
    expect(page('/regulations/gdpr/')).toContain('<a href="https://eur-lex.europa.eu/eli/reg/2016/679/oj" class="break">Regulation (EU) 2016/679 on EUR-Lex</a>');
    expect(textOf(page('/agencies/dpa/'))).toContain('Reviewed on 15 February 2024 against these official sources: Complaints page of the authority');
  });

  it('lists regulations by their short names; the official name only on the regulation page', () => {
    const officialName = 'General Data Protection Regulation';
    for (const url of ['/regulations/', '/agencies/dpa/', '/platform/acme/privacy-policy/message-retention/']) {
      const text = textOf(page(url));
      expect(text, url).toContain('GDPR Regulation (EU) 2016/679 · European Union');
      expect(text, url).not.toContain(officialName);
    }
    const own = textOf(page('/regulations/gdpr/'));
    expect(own).toContain(`Official name ${officialName}`);
    expect(page('/regulations/gdpr/')).toMatch(/<h1[^>]*>GDPR<\/h1>/);
  });

  it('shows the written rule for regulations and agencies on the methodology page', () => {
    const text = textOf(page('/methodology/'));
    expect(text).toContain('A clause lists a regulation only when both of these hold');
    expect(text).toContain('rejects a clause that lists an agency enforcing none of the clause');
    expect(text).toContain('more than 180 days older than the atlas');
  });

  it('credits the data source on every page', () => {
    expect(textOf(page('/'))).toContain('Platform Governance Archive');
    expect(textOf(page('/about/'))).toContain('ODC-BY');
  });
});

describe('a build from content with problems', () => {
  it('refuses to build and names the problem', async () => {
    const copy = copyFixtureAtlas();
    try {
      copy.edit('clauses/acme/privacy-policy/ai-training.md', (t) => t.replace('severity: high', 'severity: severe'));
      const broken = await buildSite(copy.root);
      expect(broken.status).not.toBe(0);
      expect(broken.output).toContain('ai-training.md:6 severity: expected one of "low", "medium", "high", found "severe"');
      expect(broken.exists('index.html')).toBe(false);
      broken.dispose();
    } finally {
      copy.dispose();
    }
  }, 240_000);
});
