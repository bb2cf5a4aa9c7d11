/** The content layout table: where each kind of content file lives, as loading, collections, new, import and capture read it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_LAYOUT, contentFile, contentFolder, contentGlob } from '../../src/atlas/reading/content-layout.ts';

describe('content layout', () => {
  it('places an entry by its key, one folder a key part', () => {
    expect(contentFile('/c', 'document', 'x/privacy-policy')).toBe(join('/c', 'documents', 'x', 'privacy-policy.yaml'));
    expect(contentFile('/c', 'clause', 'x/tos/arbitration', '.mdx')).toBe(join('/c', 'clauses', 'x', 'tos', 'arbitration.mdx'));
    expect(contentFile('/c', 'snapshot', 'x/tos/2024-01-31T00-00-00Z')).toBe(join('/c', 'snapshots', 'x', 'tos', '2024-01-31T00-00-00Z.md'));
    expect(contentFolder('/c', 'clauseType')).toBe(join('/c', 'clause-types'));
    expect(contentFolder('/c', 'snapshot', 'x/tos')).toBe(join('/c', 'snapshots', 'x', 'tos'));
  });

  it('gives loaders a glob as deep as the kind and as wide as its extensions', () => {
    expect(contentGlob('clause')).toBe('**/*.{md,mdx}');
    expect(contentGlob('regulation')).toBe('*.md');
    expect(CONTENT_LAYOUT.clause.parts).toHaveLength(3);
  });
});
