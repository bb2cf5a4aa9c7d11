/**
 * Negative findings (content/negatives/): their schema, their validation
 * against the rest of the atlas, the re-check against later versions, and the
 * coverage and rarity counts they feed. Expected values are worked out by hand
 * from the fixture atlas (tests/fixtures/atlas/negatives and snapshots).
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { cellCounts, compareRows } from '../../src/atlas/model/compare.ts';
import { coverageCell, negativeLabel, platformCells, platformState, recheckNegative } from '../../src/atlas/model/coverage.ts';
import { computeRarity, rarityCounts } from '../../src/atlas/model/rarity.ts';
import { negativeSchema } from '../../src/schema/negative.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS, type FixtureCopy } from '../support/fixture-atlas.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const { atlas } = loadAtlas(FIXTURE_ATLAS, { now: NOW });
const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`fixture has no ${what}`);
  return value;
};
const document = (key: string) => need(atlas.documentByKey.get(key), key);
const clauseType = (key: string) => need(atlas.clauseTypeByKey.get(key), key);
const negative = (key: string) => need(atlas.negatives.find((n) => n.key === key), key);

let copy: FixtureCopy | undefined;
afterEach(() => {
  copy?.dispose();
  copy = undefined;
});
/** Writes a file into the copy, making its folders. */
function put(fixture: FixtureCopy, path: string, text: string): void {
  mkdirSync(dirname(join(fixture.root, path)), { recursive: true });
  fixture.write(path, text);
}
const problemsOf = (fixture: FixtureCopy, now = NOW) => loadAtlas(fixture.root, { now, displayBase: `${fixture.root}/..` }).problems.map(formatProblem);

/** A snapshot file for birdy's privacy policy with its real SHA-256. */
function birdySnapshot(stamp: string, body: string): [string, string] {
  const sha = createHash('sha256').update(body).digest('hex');
  const at = `${stamp.slice(0, 10)}T${stamp.slice(11, 19).replaceAll('-', ':')}Z`;
  return [`snapshots/birdy/privacy-policy/${stamp}.md`, `---\ncaptured_at: ${at}\nsha256: ${sha}\nobtained:\n  method: import\n  tool: fixture\nsubstantive: true\n---\n${body}`];
}
const BIRDY_TEXT = '# Birdy Privacy Policy\n\nWe use your public posts to train artificial intelligence models.\n\nWe share data with our affiliates.\n';

describe('the negative finding schema', () => {
  const valid = { snapshot: '2024-01-10T12-00-00Z', checked_on: '2024-02-01', note: 'No dispute terms.' };
  it('accepts exactly snapshot, checked_on and note', () => {
    expect(negativeSchema.parse(valid)).toEqual(valid);
  });
  it('refuses a missing or an unknown field, a bad stamp and a date that does not exist', () => {
    expect(negativeSchema.safeParse({ ...valid, note: undefined }).success).toBe(false);
    expect(negativeSchema.safeParse({ ...valid, id: 'CA-N-1' }).success).toBe(false);
    expect(negativeSchema.safeParse({ ...valid, snapshot: '2024-01-10' }).success).toBe(false);
    expect(negativeSchema.safeParse({ ...valid, checked_on: '2024-02-30' }).success).toBe(false);
    expect(negativeSchema.safeParse({ ...valid, note: '  ' }).success).toBe(false);
  });
});

describe('validation of negative findings', () => {
  const BIRDY = 'negatives/birdy/privacy-policy/arbitration.yaml';

  it('names the file, line, field, expected and found for each broken reference, all in one run', () => {
    copy = copyFixtureAtlas();
    put(copy, 'negatives/birdy/privacy-policy/arbitraton.yaml', 'snapshot: 2024-01-10T12-00-00Z\nchecked_on: 2024-02-01\nnote: Typo in the type.\n');
    put(copy, 'negatives/birdy/terms-of-service/arbitration.yaml', 'snapshot: 2024-01-10T12-00-00Z\nchecked_on: 2024-02-01\nnote: No such document.\n');
    copy.edit(BIRDY, (t) => t.replace('2024-01-10T12-00-00Z', '2024-01-11T12-00-00Z'));
    const problems = problemsOf(copy);
    expect(problems).toContain('content/negatives/birdy/privacy-policy/arbitraton.yaml file name: expected a clause type in content/clause-types/ (the file is named <clause-type>.yaml), found unknown clause type `arbitraton` — did you mean `arbitration`?');
    expect(problems).toContain('content/negatives/birdy/terms-of-service/arbitration.yaml path: expected a folder of a document in content/documents/, found unknown document `birdy/terms-of-service` — did you mean `acme/terms-of-service`?');
    expect(problems).toContain(`content/${BIRDY}:1 snapshot: expected the stamp of a snapshot of birdy/privacy-policy (a file in content/snapshots/birdy/privacy-policy/), found "2024-01-11T12-00-00Z", which is none of its 1 snapshots — its newest is \`2024-01-10T12-00-00Z\``);
  });

  it('reports an unknown platform folder', () => {
    copy = copyFixtureAtlas();
    put(copy, 'negatives/brdy/privacy-policy/arbitration.yaml', 'snapshot: 2024-01-10T12-00-00Z\nchecked_on: 2024-02-01\nnote: Typo in the platform.\n');
    expect(problemsOf(copy).filter((p) => !p.includes('(warning)'))).toEqual([
      'content/negatives/brdy/privacy-policy/arbitration.yaml path: expected a folder named after a platform in content/platforms/, found unknown platform `brdy` — did you mean `birdy`?',
    ]);
  });

  it('says nothing more about a snapshot that exists but cannot be read: its own problem is reported', () => {
    copy = copyFixtureAtlas();
    copy.edit('snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md', (t) => t.replace(/^sha256: .*$/m, 'sha256: not-a-hash'));
    const problems = problemsOf(copy).filter((p) => !p.includes('(warning)'));
    expect(problems.filter((p) => p.startsWith('content/negatives/'))).toEqual([]);
    expect(problems).toContain('content/snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md:4 sha256: expected 64 lowercase hexadecimal digits, found "not-a-hash"');
  });

  it('refuses a negative finding where the document has a clause of the type', () => {
    copy = copyFixtureAtlas();
    put(copy, 'negatives/birdy/privacy-policy/ai-training.yaml', 'snapshot: 2024-01-10T12-00-00Z\nchecked_on: 2024-02-01\nnote: Wrongly written, there is one.\n');
    expect(problemsOf(copy)).toContain(
      'content/negatives/birdy/privacy-policy/ai-training.yaml file: expected no clause of type `ai-training` in birdy/privacy-policy (a negative finding and a clause cannot both be true), found the clause content/clauses/birdy/privacy-policy/ai-training.md — delete the negative finding, or the clause if it was wrongly typed',
    );
  });

  it('refuses a check in the future or before the snapshot was captured', () => {
    copy = copyFixtureAtlas();
    copy.edit(BIRDY, (t) => t.replace('checked_on: 2024-02-01', 'checked_on: 2024-01-09'));
    expect(problemsOf(copy)).toContain(`content/${BIRDY}:2 checked_on: expected a date on or after the snapshot's capture (2024-01-10), found 2024-01-09 — a snapshot cannot be read before it was captured`);
    copy.edit(BIRDY, (t) => t.replace('checked_on: 2024-01-09', 'checked_on: 2026-01-02'));
    expect(problemsOf(copy)).toContain(`content/${BIRDY}:2 checked_on: expected a date not in the future, found 2026-01-02`);
  });

  it('reports a field the schema does not define on its line', () => {
    copy = copyFixtureAtlas();
    copy.edit(BIRDY, (t) => `${t}severity: low\n`);
    expect(problemsOf(copy)).toContain(`content/${BIRDY}:1 (top level): expected only the fields the schema defines, found unknown field \`severity\``);
  });
});

describe('re-checking a negative finding against later versions', () => {
  it('flags a finding whose document has a later version with different text', () => {
    const stale = negative('acme/privacy-policy/arbitration');
    expect(stale.version?.stamp).toBe('2023-08-01T00-00-00Z');
    expect(stale.changedSince?.stamp).toBe('2024-03-01T00-00-00Z');
    expect(negativeLabel(stale)).toBe('none (checked on 1 September 2023, in the version of 1 August 2023; the document has changed since)');
  });

  it('leaves a finding on the text in force alone', () => {
    const fresh = negative('birdy/privacy-policy/arbitration');
    expect(fresh.changedSince).toBeUndefined();
    expect(negativeLabel(fresh)).toBe('none (checked on 1 February 2024)');
  });

  it('flags it once a new version arrives, but not for a capture of the same text', () => {
    copy = copyFixtureAtlas();
    copy.write(...birdySnapshot('2024-06-01T00-00-00Z', `${BIRDY_TEXT}\n`));
    const same = loadAtlas(copy.root, { now: NOW });
    expect(same.atlas.negatives.find((n) => n.key === 'birdy/privacy-policy/arbitration')?.changedSince).toBeUndefined();
    copy.write(...birdySnapshot('2024-07-01T00-00-00Z', `${BIRDY_TEXT}\nDisputes go to binding arbitration.\n`));
    const changed = loadAtlas(copy.root, { now: NOW });
    const finding = changed.atlas.negatives.find((n) => n.key === 'birdy/privacy-policy/arbitration');
    expect(finding?.changedSince?.stamp).toBe('2024-07-01T00-00-00Z');
    expect(changed.warnings.map(formatProblem)).toContain(
      `${finding?.file}:1 snapshot (warning): expected a snapshot of the text in force (the check read the version of 2024-01-10), found a document changed since: the version of 2024-07-01 (2024-07-01T00-00-00Z) has different text — read the newest snapshot again; then update snapshot and checked_on, or write a clause if the type is there now`,
    );
  });

  it('does not flag a text that changed and came back to the one checked', () => {
    copy = copyFixtureAtlas();
    copy.write(...birdySnapshot('2024-06-01T00-00-00Z', `${BIRDY_TEXT}\nDisputes go to binding arbitration.\n`));
    copy.write(...birdySnapshot('2024-09-01T00-00-00Z', BIRDY_TEXT));
    const reloaded = loadAtlas(copy.root, { now: NOW });
    const birdy = need(reloaded.atlas.documentByKey.get('birdy/privacy-policy'), 'birdy');
    expect(birdy.versions.map((v) => v.stamp)).toEqual(['2024-01-10T12-00-00Z', '2024-06-01T00-00-00Z', '2024-09-01T00-00-00Z']);
    expect(recheckNegative(birdy, '2024-01-10T12-00-00Z').changedSince).toBeUndefined();
    expect(recheckNegative(birdy, '2024-06-01T00-00-00Z').changedSince?.stamp).toBe('2024-09-01T00-00-00Z');
  });
});

describe('coverage and rarity', () => {
  it('tells a clause, a checked absence and no answer apart, cell by cell', () => {
    const arbitration = clauseType('arbitration');
    expect(coverageCell(document('acme/terms-of-service'), arbitration)).toMatchObject({ state: 'has', clauses: [{ key: 'acme/terms-of-service/arbitration' }] });
    expect(coverageCell(document('birdy/privacy-policy'), arbitration)).toMatchObject({ state: 'has-not', negative: { key: 'birdy/privacy-policy/arbitration' } });
    expect(coverageCell(document('acme/privacy-policy'), clauseType('data-retention')).state).toBe('has');
    expect(coverageCell(document('acme/terms-of-service'), clauseType('data-retention')).state).toBe('unknown');
  });

  it('answers for current privacy policies and terms only, and says so for a platform without any', () => {
    const acme = need(atlas.platformBySlug.get('acme'), 'acme');
    expect(platformCells(acme, clauseType('arbitration')).map((c) => `${c.document?.key} ${c.state}`)).toEqual(['acme/privacy-policy has-not', 'acme/terms-of-service has']);
    const quiet = need(atlas.platformBySlug.get('quiet'), 'quiet');
    expect(platformCells(quiet, clauseType('arbitration'))).toEqual([{ document: undefined, state: 'unknown', clauses: [], negative: undefined }]);
    expect(platformState(quiet, clauseType('arbitration'))).toBe('unknown');
  });

  it('counts platforms that have, have not and are not yet analysed', () => {
    // Birdy's privacy policy has a negative finding, but Birdy's terms are not tracked: it is unknown, not "has not".
    expect(clauseType('arbitration').rarity).toMatchObject({ platforms: 1, hasNot: 0, unknown: 2, total: 3 });
    expect(platformState(need(atlas.platformBySlug.get('birdy'), 'birdy'), clauseType('arbitration'))).toBe('unknown');
    expect(clauseType('ai-training').rarity).toMatchObject({ platforms: 2, hasNot: 0, unknown: 1, total: 3 });
    // Acme's terms were checked for AI training, its privacy policy has a clause: the platform has one.
    expect(platformState(need(atlas.platformBySlug.get('acme'), 'acme'), clauseType('ai-training'))).toBe('has');
    expect(rarityCounts(clauseType('arbitration').rarity)).toBe('found at 1 of 3 tracked platforms; checked and absent at 0; not yet analysed at 2');
  });

  it('needs a negative finding for every answered document before a platform has not', () => {
    copy = copyFixtureAtlas();
    const type = 'name: Governing law\nfamily: Disputes and liability\ndescription: Which law governs.\nseverity_guide: { low: a, medium: b, high: c }\ncore: true\n';
    const finding = (stamp: string) => `snapshot: ${stamp}\nchecked_on: 2024-04-01\nnote: No choice of law.\n`;
    copy.write('clause-types/governing-law.yaml', type);
    put(copy, 'negatives/acme/terms-of-service/governing-law.yaml', finding('2023-05-01T00-00-00Z'));
    const state = () => {
      const reloaded = loadAtlas(copy!.root, { now: NOW }).atlas;
      return platformState(need(reloaded.platformBySlug.get('acme'), 'acme'), need(reloaded.clauseTypeByKey.get('governing-law'), 'governing-law'));
    };
    expect(state()).toBe('unknown');
    put(copy, 'negatives/acme/privacy-policy/governing-law.yaml', finding('2024-03-01T00-00-00Z'));
    expect(state()).toBe('has-not');
  });

  it('keeps the three counts apart when nothing is checked', () => {
    expect(computeRarity(2, 10)).toMatchObject({ platforms: 2, hasNot: 0, unknown: 8 });
    expect(computeRarity(2, 10, 5)).toMatchObject({ platforms: 2, hasNot: 5, unknown: 3, label: 'Rare' });
  });

  it('builds the /compare/ matrix from the core clause types', () => {
    expect(atlas.coreClauseTypes.map((t) => t.key)).toEqual(['ai-training', 'arbitration']);
    const rows = compareRows(atlas);
    expect(rows.map((r) => `${r.platform.slug} ${r.document?.slug ?? '-'}: ${r.cells.map((c) => c.state).join(' ')}`)).toEqual([
      'acme privacy-policy: has has-not',
      'acme terms-of-service: has-not has',
      'birdy privacy-policy: has has-not',
      'quiet -: unknown unknown',
    ]);
    expect(cellCounts(rows)).toEqual({ has: 3, 'has-not': 3, unknown: 2 });
  });
});
