import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { clauseJsonLd } from '../../src/lib/json-ld.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const clause = (key: string) => {
  const found = atlas.clauseByKey.get(key);
  if (!found) throw new Error(`no clause ${key}`);
  return found;
};

describe('clauseJsonLd', () => {
  it("dates the policy it is based on by the policy's own stated date, not by the capture", () => {
    // Acme's privacy policy of 1 March 2024 states its own date.
    const based = clauseJsonLd(atlas, clause('acme/privacy-policy/ai-training')).isBasedOn as Record<string, unknown>;
    expect(based.dateModified).toBe('2024-03-01');
    expect(based.version).toBe(clause('acme/privacy-policy/ai-training').citedSnapshot?.data.sha256);
  });
  it('leaves the date out when the policy states none', () => {
    const terms = clause('acme/terms-of-service/arbitration');
    expect(terms.citedSnapshot?.statedDates).toEqual({});
    expect(clauseJsonLd(atlas, terms).isBasedOn).not.toHaveProperty('dateModified');
  });
});
