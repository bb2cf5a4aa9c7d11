import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { clauseCitation, documentCitation, permanentUrl, versionDate } from '../../src/atlas/outputs/citation.ts';
import type { SnapshotView } from '../../src/atlas/model/model.ts';

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
      "Fixture publishers. (n.d.). Posts may train Acme's models [analysis of a clause in Acme Social, Acme Social Privacy Policy; record FX-P-000002; text captured 1 March 2024, SHA-256 9b005666306e]. Fixture Atlas. https://fixture.example/r/FX-P-000002/",
    );
  });

  it('writes a Bluebook-style web citation, leaving "last visited" to the reader', () => {
    expect(citation.bluebook).toBe(
      "Fixture publishers, Posts may train Acme's models, Fixture Atlas (analysis of a clause in Acme Social, Acme Social Privacy Policy, record FX-P-000002; text captured Mar. 1, 2024, SHA-256 9b005666306e), https://fixture.example/r/FX-P-000002/.",
    );
  });

  it('pins the snapshot the clause is cited against, not the newest one', () => {
    // The retention quote vanished in March 2024, so it is cited against August 2023.
    const gone = clauseCitation(atlas, clause('acme/privacy-policy/message-retention'));
    expect(gone.snapshot?.stamp).toBe('2023-08-01T00-00-00Z');
    expect(gone.apa).toContain('text captured 1 August 2023');
    expect(gone.apa).toContain(`SHA-256 ${gone.snapshot?.data.sha256.slice(0, 12)}]`);
    expect(gone.bluebook).toContain('text captured Aug. 1, 2023');
  });

  it('never dates an analysis by the capture of the policy, nor states an access date', () => {
    // The capture (1 March 2024) is when a crawler fetched the policy, not when the analysis was written or read.
    expect(citation.issued).toBeUndefined();
    expect(citation.apa).toMatch(/^Fixture publishers\. \(n\.d\.\)\./);
    for (const text of [citation.apa, citation.bluebook]) {
      expect(text).not.toMatch(/Retrieved|last visited|accessed/i);
    }
  });

  it('leaves out the accessed date and version when there are none', () => {
    const bare = clauseCitation({ site: atlas.site }, { ...aiTraining, citedSnapshot: undefined });
    expect(bare.apa).toBe(
      "Fixture publishers. (n.d.). Posts may train Acme's models [analysis of a clause in Acme Social, Acme Social Privacy Policy; record FX-P-000002]. Fixture Atlas. https://fixture.example/r/FX-P-000002/",
    );
    expect(bare.bluebook).toBe(
      "Fixture publishers, Posts may train Acme's models, Fixture Atlas (analysis of a clause in Acme Social, Acme Social Privacy Policy, record FX-P-000002), https://fixture.example/r/FX-P-000002/.",
    );
  });
});

describe('documentCitation', () => {
  it('cites a document against its latest capture, dated by the date that version states', () => {
    const document = atlas.documentByKey.get('acme/privacy-policy');
    if (!document) throw new Error('fixture document missing');
    const citation = documentCitation(atlas, document);
    expect(citation.permanentUrl).toBe('https://fixture.example/r/FX-D-00002/');
    expect(citation.snapshot?.stamp).toBe('2024-03-01T00-00-00Z');
    expect(citation.apa).toBe(
      'Fixture publishers. (2024, March 1). Acme Social Privacy Policy [Acme Social policy text and version history; record FX-D-00002; text captured 1 March 2024, SHA-256 9b005666306e]. Fixture Atlas. https://fixture.example/r/FX-D-00002/',
    );
    expect(citation.issued).toBe('2024-03-01');
    expect(citation.bluebook).toContain('Acme Social Privacy Policy, Fixture Atlas (Acme Social policy text and version history, record FX-D-00002, dated Mar. 1, 2024;');
  });
  it('is undated when the cited version states no date of its own', () => {
    const terms = atlas.documentByKey.get('acme/terms-of-service');
    if (!terms) throw new Error('fixture document missing');
    const citation = documentCitation(atlas, terms);
    expect(terms.facts.lastVerified?.effectiveDate).toBeUndefined();
    expect(citation.apa).toContain('(n.d.)');
    expect(citation.apa).toContain(`text captured`);
  });
});

describe('versionDate', () => {
  const captured = (capturedOn: string, statedDates: SnapshotView['statedDates']) => ({ capturedOn, statedDates }) as SnapshotView;
  it('prefers the last-updated date to the effective date', () => {
    expect(versionDate(captured('2024-05-01', { effective: '2024-03-01', updated: '2024-02-15' }))).toBe('2024-02-15');
    expect(versionDate(captured('2024-05-01', { effective: '2024-03-01' }))).toBe('2024-03-01');
  });
  it('never dates a text by a day after its capture: that is when it takes effect, not when it was published', () => {
    expect(versionDate(captured('2024-05-01', { effective: '2024-06-01' }))).toBeUndefined();
    expect(versionDate(captured('2024-05-01', {}))).toBeUndefined();
    expect(versionDate(undefined)).toBeUndefined();
  });
});
