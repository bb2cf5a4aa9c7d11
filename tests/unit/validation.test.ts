/**
 * Validation messages: each broken copy of the fixture atlas must give the
 * exact `path[:line] field: expected …, found …` line, and all problems come in one run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

let copy: FixtureCopy;
afterEach(() => copy?.dispose());

/** Loads the copy and returns its error lines, with paths relative to the copy's parent. */
function errorsOf(fixture: FixtureCopy, now = new Date('2026-01-01T00:00:00Z')): string[] {
  return loadAtlas(fixture.root, { now, displayBase: `${fixture.root}/..` }).errors.map(formatProblem);
}

const AI = 'clauses/acme/privacy-policy/ai-training.md';

describe('validation', () => {
  it('reports nothing on the intact fixture', () => {
    copy = copyFixtureAtlas();
    expect(errorsOf(copy)).toEqual([]);
  });

  it('names the line and the expected values of a wrong enum', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('severity: high', 'severity: severe'));
    expect(errorsOf(copy)).toEqual([`content/${AI}:6 severity: expected one of "low", "medium", "high", found "severe"`]);
  });

  it('reports a missing field and an unknown one', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('confidence: high\n', 'certainty: high\n'));
    expect(errorsOf(copy)).toEqual([
      `content/${AI}:2 (top level): expected only the fields the schema defines, found unknown field \`certainty\``,
      `content/${AI}:2 confidence: expected one of "low", "medium", "high", found nothing (the field is missing)`,
    ]);
  });

  it('suggests the closest key for an unknown reference', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('clause_type: ai-training', 'clause_type: ai-trainng').replace('agencies: [dpa, consumer-office]', 'agencies: [dpa, consumer-ofice]'));
    expect(errorsOf(copy)).toEqual([
      `content/${AI}:5 clause_type: expected a known clause type, found unknown clause type \`ai-trainng\` — did you mean \`ai-training\`?`,
      `content/${AI}:10 agencies.1: expected a known agency, found unknown agency \`consumer-ofice\` — did you mean \`consumer-office\`?`,
    ]);
  });

  it('rejects a quote that occurs in no snapshot', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('train our machine learning models', 'train our robots on everything'));
    expect(errorsOf(copy)).toEqual([
      `content/${AI}:8 quote: expected text that occurs in a snapshot of acme/privacy-policy (5 checked), found a quote found in none of them: "We may use your posts to train our robots on everything" — a snapshot matches up to "…use your posts to train our", then the quote has "robots on everything"; copy the words exactly as the policy shows them; markup, line breaks and curly quotes do not matter`,
    ]);
  });

  it('accepts a quote found only in a predecessor snapshot, with a warning', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('"We may use your posts to train our machine learning models"', 'We may use your posts to improve our services.'));
    const { errors, warnings } = loadAtlas(copy.root, { now: new Date('2026-01-01T00:00:00Z') });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.found)).toContain('a quote no longer in the current text since 2023-02-01 (2023-02-01T00-00-00Z)');
  });

  it('detects a tampered snapshot by its SHA-256', () => {
    copy = copyFixtureAtlas();
    const file = 'snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md';
    copy.edit(file, (t) => t.replace('our affiliates', 'nobody'));
    const [line] = errorsOf(copy);
    expect(line).toMatch(new RegExp(`^content/${file}:4 sha256: expected the SHA-256 of the snapshot's text \\([0-9a-f]{64}\\), found [0-9a-f]{64} — snapshot files are never edited`));
  });

  it('rejects duplicate record IDs and IDs missing from the ledger', () => {
    copy = copyFixtureAtlas();
    copy.edit('clauses/birdy/privacy-policy/ai-training.md', (t) => t.replace('FX-P-000004', 'FX-P-000002'));
    copy.edit('clauses/acme/terms-of-service/arbitration.mdx', (t) => t.replace('FX-P-000003', 'FX-P-000009'));
    expect(errorsOf(copy)).toEqual([
      'content/clauses/acme/terms-of-service/arbitration.mdx:2 id: expected an ID recorded in content/ledger.yaml, found `FX-P-000009`, which the ledger does not list — take a new ID with `npm run new`, which records it',
      'content/clauses/birdy/privacy-policy/ai-training.md:2 id: expected a record ID no other entry uses, found `FX-P-000002`, already used by content/clauses/acme/privacy-policy/ai-training.md',
      'content/ledger.yaml:20 records.6: expected an entry in content/ for every record that is not withdrawn, found no entry with ID `FX-P-000003` — restore the entry, or mark the record withdrawn with a date and reason',
      'content/ledger.yaml:23 records.7: expected an entry in content/ for every record that is not withdrawn, found no entry with ID `FX-P-000004` — restore the entry, or mark the record withdrawn with a date and reason',
    ]);
  });

  it('refuses to reuse a withdrawn ID', () => {
    copy = copyFixtureAtlas();
    copy.edit('clauses/birdy/privacy-policy/ai-training.md', (t) => t.replace('FX-P-000004', 'FX-P-000005'));
    expect(errorsOf(copy)).toContain('content/clauses/birdy/privacy-policy/ai-training.md:2 id: expected an ID that was never withdrawn, found `FX-P-000005`, withdrawn on 2024-02-01 — withdrawn IDs are never reused');
  });

  it('rejects dates in the future', () => {
    copy = copyFixtureAtlas();
    expect(errorsOf(copy, new Date('2024-02-15T00:00:00Z'))).toEqual([
      expect.stringMatching(/^content\/snapshots\/acme\/privacy-policy\/2024-03-01T00-00-00Z\.md:2 captured_at: expected a time not in the future, found 2024-03-01T00:00:00Z$/),
    ]);
  });

  it('reports YAML syntax errors on their line', () => {
    copy = copyFixtureAtlas();
    copy.write('platforms/birdy.yaml', 'name: Birdy\nwebsite: [https://birdy.example\n');
    const [line] = errorsOf(copy);
    expect(line).toMatch(/^content\/platforms\/birdy\.yaml:\d YAML: expected valid YAML, found /);
  });

  it('rejects file names that are not slugs, and unknown document folders', () => {
    copy = copyFixtureAtlas();
    copy.write('clauses/acme/privacy-policy/Bad Name.md', '---\n---\n');
    copy.write('platforms/acme.yml', 'name: x\n');
    expect(errorsOf(copy)).toEqual([
      'content/clauses/acme/privacy-policy/Bad Name.md file name: expected the clause slug as a lowercase slug (letters, digits, single hyphens), found "Bad Name"',
      'content/platforms/acme.yml file name: expected a platform file named <key>.yaml, found "acme.yml"',
    ]);
  });

  it('rejects invalid UTF-8 with the line of the first bad byte', () => {
    copy = copyFixtureAtlas();
    copy.write('platforms/birdy.yaml', Buffer.concat([Buffer.from('name: Birdy\ndescription: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(errorsOf(copy)).toEqual(['content/platforms/birdy.yaml:2 file: expected text encoded as UTF-8, found bytes that are not valid UTF-8']);
  });

  it('reports every problem of a run at once', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('severity: high', 'severity: severe'));
    copy.edit('platforms/acme.yaml', (t) => t.replace('headquarters: US', 'headquarters: XX'));
    copy.edit('documents/acme/terms-of-service.yaml', (t) => t.replace('type: Terms of Service', 'type: Terms of Sevice'));
    expect(errorsOf(copy)).toHaveLength(3);
  });
});
