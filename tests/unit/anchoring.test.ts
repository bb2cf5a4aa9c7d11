/**
 * Sentence-level anchoring (src/atlas/model/anchoring.ts) and the stability it
 * gives (src/atlas/model/stability.ts), on small hand-worked versions.
 */
import { describe, expect, it } from 'vitest';
import { editSimilarity, exactAnchor, similarAnchor, SUBSTANTIAL_SIMILARITY } from '../../src/atlas/model/anchoring.ts';
import { classifyCaptures } from '../../src/atlas/model/captures.ts';
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import type { SnapshotView } from '../../src/atlas/model/snapshots.ts';
import { computeStability } from '../../src/atlas/model/stability.ts';
import { testSnapshot } from '../support/snapshot-view.ts';

let day = 0;
/** A version captured a month after the one before. */
function version(text: string): SnapshotView {
  day += 31;
  return testSnapshot('acme/terms', new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'), text);
}

function stabilityOf(quote: string, texts: string[]) {
  const history = texts.map(version);
  for (const [s, c] of classifyCaptures(history)) s.capture = c;
  const stability = computeStability(quote, history);
  const when = (s: SnapshotView | undefined) => (s ? history.indexOf(s) : -1);
  return {
    stability,
    firstSeen: when(stability.firstSeen),
    exactSince: when(stability.exactSince),
    substantiallySince: when(stability.substantiallySince),
    events: stability.timeline.map((e) => `${e.kind} v${history.indexOf(e.snapshot)}`),
  };
}

const QUOTE = 'We may suspend your account at any time for any reason.';
const intro = 'These terms apply to everyone. Please read them.';
const other = 'You may close your account whenever you like.';

describe('exactAnchor', () => {
  it('gives the whole sentences the quote falls in', () => {
    const v = version(`${intro}\n\nIn short, we may suspend your account at any time. Then we tell you.`);
    expect(exactAnchor(v, normalizeText('we may suspend your account'))).toEqual({ kind: 'exact', text: 'In short, we may suspend your account at any time.' });
    expect(exactAnchor(v, normalizeText('at any time. Then we'))?.text).toBe('In short, we may suspend your account at any time. Then we tell you.');
    expect(exactAnchor(v, 'not there')).toBeUndefined();
  });
});

describe('similarAnchor', () => {
  it(`finds the sentence at least ${SUBSTANTIAL_SIMILARITY} alike, and nothing for a sentence that says something else`, () => {
    const v = version(`${intro}\n\nWe may suspend your account at any time, for any reason. ${other}`);
    expect(similarAnchor(v, QUOTE)).toEqual({ kind: 'similar', text: 'We may suspend your account at any time, for any reason.' });
    expect(editSimilarity('We may suspend your account at any time, for any reason.', QUOTE)).toBeGreaterThan(0.95);
    expect(similarAnchor(version(`${intro}\n\nWe will never suspend an account without a court order. ${other}`), QUOTE)).toBeUndefined();
  });
});

describe('computeStability at sentence level', () => {
  it('dates a clause from an earlier version with a trivial difference, and says since when the wording is exact', () => {
    const r = stabilityOf(QUOTE, [
      `${intro}\n\nWe may suspend your account at any time for any reason`, // no full stop
      `${intro}\n\nWe may suspend your account at any time for any reason.`,
    ]);
    expect(r.firstSeen).toBe(0);
    expect(r.substantiallySince).toBe(0);
    expect(r.exactSince).toBe(1);
    expect(r.events).toEqual(['appeared v0', 'reworded v1']);
    expect(r.stability.earlierWording?.version.stamp).toBe(r.stability.firstSeen?.stamp);
    const parts = r.stability.earlierWording?.parts ?? [];
    expect(parts.map((p) => p.text).join('')).toMatch(/^We may suspend your account at any time for any reason\.?$/);
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text.replace('reason', ''))).toContain('.');
  });

  it('does not count edits to other sentences of the same paragraph, markup or letter case', () => {
    const r = stabilityOf(QUOTE, [
      `${intro}\n\n${QUOTE} ${other}`,
      `${intro}\n\n${QUOTE} You may close your account whenever you like, from the settings page.`,
      `${intro}\n\n**${QUOTE}** You may close your account whenever you like, from the settings page.`,
      `${intro}\n\n## ${QUOTE.toUpperCase()}`,
    ]);
    expect(r.events).toEqual(['appeared v0']);
    expect(r.stability.changes).toBe(0);
    expect(r.stability.stillPresent).toBe(true);
    // The upper-case heading is the clause in substance, not verbatim.
    expect(r.exactSince).toBe(-1);
    expect(r.substantiallySince).toBe(0);
  });

  it('counts a rewording inside the clause, a removal and a restoration', () => {
    const r = stabilityOf(QUOTE, [
      `${intro}\n\n${QUOTE}`,
      `${intro}\n\nWe may suspend your account at any time and for any reason.`,
      `${intro}\n\n${other}`,
      `${intro}\n\n${QUOTE}`,
    ]);
    expect(r.events).toEqual(['appeared v0', 'reworded v1', 'removed v2', 'reappeared v3']);
    expect(r.stability.changes).toBe(3);
    expect(r.exactSince).toBe(3);
    expect(r.substantiallySince).toBe(3);
    expect(r.stability.earlierWording).toBeUndefined();
  });
});
