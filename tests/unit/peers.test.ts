/**
 * Peers at a size where the cap matters: a synthetic atlas of 20 platforms.
 * Every clause names at most PEER_LIMIT peers, one per other platform (that
 * platform's most severe clause of the type), most severe first; the counts
 * behind the capped list are checked against a brute-force count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { PEER_LIMIT, type Atlas } from '../../src/atlas/model/model.ts';
import { peerSummary } from '../../src/atlas/model/peer-summary.ts';
import { clauseFaq } from '../../src/atlas/model/faq.ts';
import { fixtureFiles } from '../../scripts/lib/fixture/atlas.ts';
import { writeFixture } from '../../scripts/lib/fixture/write.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const rank = { high: 0, medium: 1, low: 2 } as const;
let tmp: string;
let atlas: Atlas;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-peers-'));
  writeFixture(join(tmp, 'atlas'), fixtureFiles({ platforms: 20, clauses: 400, versions: 1, seed: 3 }), false);
  const loaded = loadAtlas(join(tmp, 'atlas'));
  expect(loaded.errors).toEqual([]);
  atlas = loaded.atlas;
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('peers of a clause', () => {
  it('are capped, one per other platform, each its platform’s most severe of the type, most severe first', () => {
    let capped = 0;
    for (const clause of atlas.clauses) {
      const others = atlas.clauses.filter((o) => o.clauseType === clause.clauseType && o.platform !== clause.platform);
      const platforms = new Set(others.map((o) => o.platform));
      expect(clause.peerCount).toBe(others.length);
      expect(clause.peers).toHaveLength(Math.min(PEER_LIMIT, platforms.size));
      expect(new Set(clause.peers.map((p) => p.platform)).size).toBe(clause.peers.length);
      for (const peer of clause.peers) {
        expect(peer.platform).not.toBe(clause.platform);
        const best = Math.min(...others.filter((o) => o.platform === peer.platform).map((o) => rank[o.data.severity]));
        expect(rank[peer.data.severity]).toBe(best);
      }
      const ranks = clause.peers.map((p) => rank[p.data.severity]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      if (others.length > clause.peers.length) capped++;
    }
    expect(capped, 'the atlas is too small to exercise the cap').toBeGreaterThan(0);
  });

  it('say what the capped list stands for, on the page and in the FAQ', () => {
    const clause = atlas.clauses.find((c) => c.peerCount > c.peers.length && c.peers.length === PEER_LIMIT);
    if (!clause) throw new Error('no clause with more peers than the list shows');
    const summary = peerSummary(clause);
    const platforms = new Set(atlas.clauses.filter((o) => o.clauseType === clause.clauseType && o.platform !== clause.platform).map((o) => o.platform)).size;
    expect(summary.platforms).toBe(platforms);
    expect(summary.sentence).toBe(`Shown: ${PEER_LIMIT} of the ${platforms} other platforms with this clause type, each by its most severe clause (${clause.peerCount} clauses in all).`);
    const answer = clauseFaq(clause).find((item) => item.question === 'Do other platforms have a clause like this?')?.answer;
    expect(answer).toContain(`Yes. ${platforms} of the `);
    expect(answer).toContain(`among them ${clause.peers.map((p) => p.platform.data.name).join(', ')}.`);
  });

  it('say nothing extra when the list shows every peer', () => {
    const small = loadAtlas(FIXTURE_ATLAS).atlas;
    const clause = small.clauseByKey.get('acme/privacy-policy/ai-training');
    if (!clause) throw new Error('the fixture atlas lost acme/privacy-policy/ai-training');
    expect([clause.peers.length, clause.peerCount]).toEqual([1, 1]);
    expect(peerSummary(clause)).toEqual({ platforms: 1, clauses: 1, sentence: undefined });
  });
});
