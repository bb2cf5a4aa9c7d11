/**
 * Which reusable pages an edit changes the key of (src/atlas/outputs/page-inputs.ts),
 * on the fixture atlas: its clauses are acme/privacy-policy/{ai-training,
 * message-retention}, acme/terms-of-service/arbitration and
 * birdy/privacy-policy/ai-training. Digests are edited in memory, as an edit
 * to the files would change them.
 */
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { contentDigests, type ContentDigests } from '../../src/atlas/reading/content-digest.ts';
import { reusablePages } from '../../src/atlas/outputs/page-inputs.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);
const digests = contentDigests(FIXTURE_ATLAS);
const keys = (d: ContentDigests, code = 'code') => new Map(reusablePages(atlas, d, code).map((p) => [p.path, p.key]));
const before = keys(digests);

/** The paths whose key differs from the unedited atlas's. */
function changed(edit: (d: ContentDigests) => ContentDigests, code = 'code'): string[] {
  const after = keys(edit(digests), code);
  return [...after].filter(([path, key]) => before.get(path) !== key).map(([path]) => path).sort();
}

const withClause = (d: ContentDigests, key: string, part: 'card' | 'full') => {
  const clauses = new Map(d.clauses);
  const old = clauses.get(key)!;
  clauses.set(key, part === 'card' ? { card: 'edited', full: 'edited' } : { ...old, full: 'edited' });
  return { ...d, clauses };
};

const isVersion = (path: string) => path.includes('/versions/');

describe('page input keys', () => {
  it('cover every clause page and every version page, each once', () => {
    const paths = reusablePages(atlas, digests, 'code').map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => !isVersion(p)).sort()).toEqual(atlas.clauses.map((c) => c.url).sort());
    expect(paths.filter(isVersion).length).toBeGreaterThan(0);
  });

  it('are stable for the same inputs', () => {
    expect(keys(contentDigests(FIXTURE_ATLAS))).toEqual(before);
  });

  it('change only the clause page itself when only its analysis changes', () => {
    expect(changed((d) => withClause(d, 'acme/privacy-policy/message-retention', 'full'))).toEqual(['/platform/acme/privacy-policy/message-retention/']);
  });

  it('change the pages that show a clause when its front matter changes: its platform, its type, and its platform’s version pages', () => {
    const paths = changed((d) => withClause(d, 'birdy/privacy-policy/ai-training', 'card'));
    expect(paths.filter((p) => !isVersion(p))).toEqual(['/platform/acme/privacy-policy/ai-training/', '/platform/birdy/privacy-policy/ai-training/']);
    expect(paths.filter(isVersion).length).toBeGreaterThan(0);
    expect(paths.filter(isVersion).every((p) => p.startsWith('/platform/birdy/'))).toBe(true);
  });

  it('change every key when any other content or the code changes', () => {
    expect(changed((d) => ({ ...d, rest: 'edited' }))).toEqual([...before.keys()].sort());
    expect(changed((d) => d, 'other code')).toEqual([...before.keys()].sort());
  });

  it('fail clearly when the digests are of another content root', () => {
    expect(() => reusablePages(atlas, { rest: '', clauses: new Map() }, 'code')).toThrow(/no digest of the clause file of acme\//);
  });
});

describe('content digests', () => {
  it('split each clause file into its front matter and the whole file', () => {
    expect([...digests.clauses.keys()].sort()).toEqual(atlas.clauses.map((c) => c.key).sort());
    for (const digest of digests.clauses.values()) {
      expect(digest.card).toMatch(/^[0-9a-f]{64}$/);
      expect(digest.full).not.toBe(digest.card);
    }
  });

  it('depend on where the content root is, as pages name its files from the working directory', () => {
    expect(contentDigests(FIXTURE_ATLAS, '/').rest).not.toBe(contentDigests(FIXTURE_ATLAS, FIXTURE_ATLAS).rest);
  });
});
