import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { clauseCitation, documentCitation, permanentUrl } from '../../src/atlas/citation.ts';

const { atlas } = loadAtlas('tests/fixtures/atlas');
const clause = (key: string) => {
  const c = atlas.clauseByKey.get(key);
  if (!c) throw new Error(`fixture clause ${key} missing`);
  return c;
};

describe('clauseCitation', () => {
  const aiTraining = clause('acme/privacy-policy/ai-training');
  const citation = clauseCitation(atlas, aiTraining);

  it('builds the permanent URL from the site URL and record ID', () => {
    expect(citation.permanentUrl).toBe('https://fixture.example/r/FX-P-000002/');
    expect(permanentUrl({ site: { ...atlas.site, url: 'https://fixture.example/' } }, 'FX-P-000002')).toBe('https://fixture.example/r/FX-P-000002/');
  });

  it('writes an APA reference naming everything a reader needs to find the version', () => {
    expect(citation.apa).toBe(
      "Fixture publishers. (2024, March 1). Posts may train Acme's models [analysis of a clause in Acme Social, Acme Social Privacy Policy; record FX-P-000002; text captured 1 March 2024, SHA-256 9b005666306e]. Fixture Atlas. Retrieved March 1, 2024, from https://fixture.example/r/FX-P-000002/",
    );
  });

  it('writes a Bluebook-style web citation with a last-visited date', () => {
    expect(citation.bluebook).toBe(
      "Fixture publishers, Posts may train Acme's models, Fixture Atlas (analysis of a clause in Acme Social, Acme Social Privacy Policy, record FX-P-000002; text captured Mar. 1, 2024, SHA-256 9b005666306e), https://fixture.example/r/FX-P-000002/ (last visited Mar. 1, 2024).",
    );
  });

  it('pins the snapshot the clause is cited against, not the newest one', () => {
    // The retention quote vanished in March 2024, so it is cited against August 2023.
    const gone = clauseCitation(atlas, clause('acme/privacy-policy/message-retention'));
    expect(gone.snapshot?.stamp).toBe('2023-08-01T00-00-00Z');
    expect(gone.apa).toContain('(2023, August 1)');
    expect(gone.apa).toContain(`SHA-256 ${gone.snapshot?.data.sha256.slice(0, 12)}]`);
    expect(gone.bluebook).toContain('text captured Aug. 1, 2023');
  });

  it('takes the accessed date from the data, not the clock', () => {
    expect(citation.accessed).toBe(atlas.dataAsOf);
    const later = clauseCitation({ site: atlas.site, dataAsOf: '2026-09-03' }, aiTraining);
    expect(later.apa).toContain('Retrieved September 3, 2026, from');
    expect(later.bluebook).toContain('(last visited Sept. 3, 2026).');
  });

  it('leaves out the accessed date and version when there are none', () => {
    const bare = clauseCitation({ site: atlas.site, dataAsOf: undefined }, { ...aiTraining, citedSnapshot: undefined });
    expect(bare.apa).toBe(
      "Fixture publishers. (n.d.). Posts may train Acme's models [analysis of a clause in Acme Social, Acme Social Privacy Policy; record FX-P-000002]. Fixture Atlas. https://fixture.example/r/FX-P-000002/",
    );
    expect(bare.bluebook).not.toContain('last visited');
  });
});

describe('documentCitation', () => {
  it('cites a document against its latest capture', () => {
    const document = atlas.documentByKey.get('acme/privacy-policy');
    if (!document) throw new Error('fixture document missing');
    const citation = documentCitation(atlas, document);
    expect(citation.permanentUrl).toBe('https://fixture.example/r/FX-D-00002/');
    expect(citation.snapshot?.stamp).toBe('2024-03-01T00-00-00Z');
    expect(citation.apa).toBe(
      'Fixture publishers. (2024, March 1). Acme Social Privacy Policy [Acme Social policy text and version history; record FX-D-00002; text captured 1 March 2024, SHA-256 9b005666306e]. Fixture Atlas. Retrieved March 1, 2024, from https://fixture.example/r/FX-D-00002/',
    );
    expect(citation.bluebook).toContain('Acme Social Privacy Policy, Fixture Atlas (Acme Social policy text and version history, record FX-D-00002;');
  });
});
