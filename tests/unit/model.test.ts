/**
 * Computed facts on the fixture atlas. The expected values are worked out by
 * hand from the fixture snapshots (tests/fixtures/atlas/snapshots).
 */
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { textFragmentUrl } from '../../src/atlas/model/source-link.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const { atlas, errors, warnings } = loadAtlas(FIXTURE_ATLAS, { now: new Date('2026-01-01T00:00:00Z') });
const clause = (key: string) => {
  const found = atlas.clauseByKey.get(key);
  if (!found) throw new Error(`no clause ${key}`);
  return found;
};

describe('the fixture atlas', () => {
  it('loads without errors', () => {
    expect(errors).toEqual([]);
    expect(atlas.platforms.map((p) => p.slug)).toEqual(['acme', 'birdy', 'quiet']);
    expect(atlas.clauses).toHaveLength(4);
  });

  it('warns about a quote that left the current text and a negative finding whose document changed since', () => {
    expect(warnings.map((w) => `${w.file.replace(/^.*?atlas\//, '')} ${w.field}`)).toEqual([
      'clauses/acme/privacy-policy/message-retention.md quote',
      'negatives/acme/privacy-policy/arbitration.yaml snapshot',
    ]);
  });
});

describe('document facts follow predecessors', () => {
  const policy = atlas.documentByKey.get('acme/privacy-policy');
  it('joins the predecessor history before its own', () => {
    expect(policy?.predecessor?.key).toBe('acme/old-privacy-policy');
    expect(policy?.predecessor?.successor).toBe(policy);
    expect(policy?.snapshots.map((s) => s.stamp)).toEqual(['2023-02-01T00-00-00Z', '2023-08-01T00-00-00Z', '2024-03-01T00-00-00Z']);
    expect(policy?.history.map((s) => s.capturedOn)).toEqual(['2022-01-01', '2022-06-01', '2023-02-01', '2023-08-01', '2024-03-01']);
  });
  it('counts captures, versions (own and with the predecessor) and months monitored', () => {
    // The predecessor's 2022-06-01 capture only re-spaces and drops emphasis: same text, not a version.
    expect(policy?.facts.captures).toBe(5);
    expect(policy?.facts.versions).toBe(4);
    expect(policy?.facts.ownVersions).toBe(3);
    expect(policy?.facts.ownFirstCaptured?.capturedOn).toBe('2023-02-01');
    expect(policy?.versions.map((s) => s.capturedOn)).toEqual(['2022-01-01', '2023-02-01', '2023-08-01', '2024-03-01']);
    expect(policy?.history[1]?.capture).toMatchObject({ kind: 'same-text', version: policy?.history[0] });
    expect(policy?.facts.firstCaptured?.capturedOn).toBe('2022-01-01');
    expect(policy?.facts.lastChanged?.capturedOn).toBe('2024-03-01');
    expect(policy?.facts.lastVerified?.capturedOn).toBe('2024-03-01');
    expect(policy?.facts.monthsMonitored).toBe(26);
  });
  it('takes the newest capture in the atlas as its date', () => {
    expect(atlas.dataAsOf).toBe('2024-03-01');
  });
});

describe('clause stability', () => {
  it('tracks a quote that was reworded and then removed', () => {
    const { stability } = clause('acme/privacy-policy/message-retention');
    expect(stability.firstSeen?.capturedOn).toBe('2022-01-01');
    expect(stability.lastSeen?.capturedOn).toBe('2023-08-01');
    expect(stability.presentIn).toBe(3);
    expect(stability.stillPresent).toBe(false);
    expect(stability.goneSince?.capturedOn).toBe('2024-03-01');
    expect(stability.timeline.map((e) => `${e.kind} ${e.snapshot.capturedOn}`)).toEqual(['appeared 2022-01-01', 'reworded 2023-08-01', 'removed 2024-03-01']);
    expect(stability.changes).toBe(2);
  });
  it('tracks a quote that appeared in the successor and is still present', () => {
    const { stability, citedSnapshot } = clause('acme/privacy-policy/ai-training');
    expect(stability.firstSeen?.capturedOn).toBe('2023-02-01');
    expect(stability.stillPresent).toBe(true);
    expect(stability.goneSince).toBeUndefined();
    expect(stability.changes).toBe(1);
    expect(citedSnapshot?.capturedOn).toBe('2024-03-01');
  });
  it('gives a clause seen in a single snapshot no changes', () => {
    const { stability } = clause('acme/terms-of-service/arbitration');
    expect(stability.presentIn).toBe(1);
    expect(stability.changes).toBe(0);
  });
});

describe('rarity, peers, siblings and grades', () => {
  it('computes rarity over all tracked platforms', () => {
    const ai = atlas.clauseTypeByKey.get('ai-training');
    expect(ai?.rarity).toMatchObject({ platforms: 2, total: 3, label: 'Common' });
    expect(atlas.clauseTypeByKey.get('arbitration')?.rarity).toMatchObject({ platforms: 1, total: 3, label: 'Uncommon' });
    expect(ai?.severityCounts).toEqual({ low: 0, medium: 1, high: 1 });
  });
  it('lists peers on other platforms and siblings in the same document', () => {
    expect(clause('acme/privacy-policy/ai-training').peers.map((c) => c.key)).toEqual(['birdy/privacy-policy/ai-training']);
    expect(clause('acme/privacy-policy/ai-training').siblings.map((c) => c.key)).toEqual(['acme/privacy-policy/message-retention']);
    expect(clause('acme/terms-of-service/arbitration').peers).toEqual([]);
  });
  it('grades platforms by the published formula', () => {
    // acme: medium + high + high = 1 + 3 + 3 = 7 points of 9 → 0.78 → D; birdy: one medium = 1 of 3 → 0.33 → B.
    expect(atlas.platformBySlug.get('acme')?.grade).toMatchObject({ letter: 'D', points: 7, clauses: 3 });
    // birdy's only clause is in its privacy policy: index 1/3 (B) but not enough coverage for a letter.
    expect(atlas.platformBySlug.get('birdy')?.grade).toMatchObject({ letter: undefined, index: 1 / 3, basis: { missingTypes: ['Terms of Service'] } });
    expect(atlas.platformBySlug.get('quiet')?.grade.letter).toBeUndefined();
    expect(atlas.platformBySlug.get('acme')?.severityCounts).toEqual({ low: 0, medium: 1, high: 2 });
  });
  it('links regulations and agencies both ways', () => {
    expect(atlas.regulationByKey.get('gdpr')?.clauses.map((c) => c.key).sort()).toEqual([
      'acme/privacy-policy/ai-training',
      'acme/privacy-policy/message-retention',
      'birdy/privacy-policy/ai-training',
    ]);
    expect(atlas.agencyByKey.get('dpa')?.regulations.map((r) => r.key)).toEqual(['gdpr']);
  });
  it('links into the live source with a text fragment', () => {
    expect(clause('acme/terms-of-service/arbitration').sourceLink).toBe('https://acme.example/terms#:~:text=Any%20dispute%20will%20be%20resolved%20by%20binding%20arbitration.');
    expect(textFragmentUrl('https://a.example/p#top', 'One two three four five six, seven eight nine ten eleven twelve thirteen - fourteen')).toBe(
      'https://a.example/p#:~:text=One%20two%20three%20four%20five%20six%2C,ten%20eleven%20twelve%20thirteen%20%2D%20fourteen',
    );
  });
});
