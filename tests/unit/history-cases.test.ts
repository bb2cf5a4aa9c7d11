/**
 * Field cases of noisy histories (tests/fixtures/history/field-05, -06, -07:
 * invisible characters and re-wrapped text) and the facts the bundled atlas
 * must get right about X's AI-training clause and its announced versions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../scripts/lib/capture.ts';
import { classifyCaptures } from '../../src/atlas/model/captures.ts';
import { versionContext } from '../../src/atlas/outputs/version-pages.ts';
import { contentRoot, loadAtlas } from '../../src/atlas/index.ts';
import { containsQuote, normalizeText } from '../../src/atlas/model/normalize.ts';
import { computeStability } from '../../src/atlas/model/stability.ts';
import { diffVersions } from '../../src/atlas/model/version-diff.ts';
import { testSnapshot } from '../support/snapshot-view.ts';

const CASES = join(import.meta.dirname, '..', 'fixtures', 'history');
const read = (path: string) => readFileSync(join(CASES, path), 'utf8');
const quoteOf = (path: string) => String(matter(read(path)).data.quote);

function view(stamp: string, text: string) {
  return testSnapshot('wrapco/privacy-policy', stamp, text);
}

describe('field-05: soft hyphens', () => {
  it('matches a quote written without the soft hyphens the snapshot has', () => {
    const snapshot = read('field-05/snapshot-de.md');
    expect(snapshot).toContain('\u00AD');
    expect(containsQuote(normalizeText(snapshot), quoteOf('field-05/clause-geltungsbereich.md'))).toBe(true);
  });
  it('finds the same text when a page only gains soft hyphens, so a re-capture is unchanged', () => {
    const capture = { select: 'main' };
    const v1 = extractPage(read('field-05/shy-v1.html'), capture, 'https://capco.example/shy').markdown;
    const v2 = extractPage(read('field-05/shy-v2.html'), capture, 'https://capco.example/shy').markdown;
    expect(v1).not.toBe(v2);
    expect(normalizeText(v2)).toBe(normalizeText(v1));
  });
});

describe('field-06: a zero-width space inside a word', () => {
  it('is deleted, not read as a space; the no-break space still is one', () => {
    const snapshot = read('field-06/snapshot-de.md');
    expect(snapshot).toContain('Da\u200Bten');
    expect(normalizeText(snapshot)).toContain('Wir speichern Ihre Daten bis zu 30 Tagen.');
    expect(containsQuote(normalizeText(snapshot), quoteOf('field-06/clause-speicherdauer.md'))).toBe(true);
  });
});

describe('field-07: a re-wrapped paragraph', () => {
  const v1 = view('2024-01-01T00-00-00Z', read('field-07/v1.md'));
  const v2 = view('2024-02-01T00-00-00Z', read('field-07/v2-rewrapped.md'));
  it('is the same text, not a new version', () => {
    expect(classifyCaptures([v1, v2]).get(v2)).toMatchObject({ kind: 'same-text', version: v1 });
  });
  it('diffs to no change at all', () => {
    const diff = diffVersions(v1.readText(), v2.readText());
    expect(diff.changed).toBe(false);
    expect(diff.stats).toEqual({ addedWords: 0, removedWords: 0, changedBlocks: 0 });
  });
  it('keeps the quote present, with no change and nothing to review', () => {
    for (const [s, c] of classifyCaptures([v1, v2])) s.capture = c;
    const stability = computeStability(quoteOf('field-07/clause-collection.md'), [v1, v2]);
    expect(stability).toMatchObject({ firstSeen: v1, lastSeen: v1, stillPresent: true, goneSince: undefined, changes: 0 });
    expect(containsQuote(v2.normalized, quoteOf('field-07/clause-collection.md'))).toBe(true);
  });
});

describe('the bundled atlas: X and its announced versions', () => {
  const { atlas } = loadAtlas(contentRoot());
  const clause = atlas.clauseByKey.get('x/privacy-policy/ai-training-on-user-data')!;
  const twitter = atlas.documentByKey.get('x/twitter-privacy-policy')!;
  const capture = (stamp: string) => twitter.snapshots.find((s) => s.stamp === stamp)!;

  it('reads the 23 August 2023 capture as an announcement of the policy in force from 22 September 2023', () => {
    const announced = capture('2023-08-23T00-36-12Z');
    expect(announced.statedDates.effective).toBe('2023-09-22');
    expect(announced.capture).toMatchObject({ kind: 'announcement', inForceFrom: '2023-09-22', version: capture('2023-05-18T18-34-41Z') });
    expect(capture('2023-08-24T06-35-36Z').capture.kind).toBe('same-text');
    expect(capture('2023-08-30T18-34-43Z').capture).toMatchObject({ kind: 'announcement', inForceFrom: '2023-09-29' });
    expect(capture('2023-09-29T18-34-56Z').capture.kind).toBe('version');
    // Listed on the page of the version in force when it was captured.
    expect(versionContext(atlas, capture('2023-05-18T18-34-41Z')).checks.map((s) => s.stamp)).toEqual(['2023-08-23T00-36-12Z', '2023-08-24T06-35-36Z', '2023-08-30T18-34-43Z']);
  });

  it('dates the AI-training clause: first captured 23 August 2023 in an announcement, in force from 29 September 2023, never removed', () => {
    const { stability } = clause;
    expect(stability.firstCaptured?.stamp).toBe('2023-08-23T00-36-12Z');
    expect(stability.firstCaptured?.capture.kind).toBe('announcement');
    expect(stability.firstSeen?.stamp).toBe('2023-09-29T18-34-56Z');
    expect(stability.firstInForce).toBe('2023-09-29');
    expect(stability.stillPresent).toBe(true);
    expect(stability.goneSince).toBeUndefined();
    expect(stability.timeline.map((e) => e.kind)).not.toContain('removed');
  });

  it('counts X privacy policy versions apart from Twitter ones', () => {
    const x = atlas.documentByKey.get('x/privacy-policy')!;
    expect(x.facts.ownVersions).toBeLessThan(x.facts.versions);
    expect(x.facts.versions).toBeLessThan(x.facts.captures);
    expect(x.facts.ownFirstCaptured?.documentKey).toBe('x/privacy-policy');
    expect(x.facts.firstCaptured?.documentKey).toBe('x/twitter-privacy-policy');
  });
});
