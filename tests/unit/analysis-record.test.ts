/**
 * An analysis's own record: when it was written and reviewed, who wrote it,
 * which other clause types it bears on and which clauses go with it — checked
 * by validation, linked both ways in the model, and carried into every
 * citation format with the section the quote sits under.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAtlas, type Problem } from '../../src/atlas/index.ts';
import { clauseCitation, sectionNote } from '../../src/atlas/outputs/citation.ts';
import { clauseCslItem, toBibtex, toRis } from '../../src/atlas/outputs/citation-export.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const AI = 'clauses/acme/privacy-policy/ai-training.md';
let copy: FixtureCopy;
beforeEach(() => (copy = copyFixtureAtlas()));
afterEach(() => copy.dispose());

/** Adds front-matter lines to the Acme AI-training clause. */
function addToAiClause(lines: string): void {
  copy.edit(AI, (text) => text.replace('categories: [artificial-intelligence]\n', `categories: [artificial-intelligence]\n${lines}`));
}

const problemsOf = (problems: Problem[]) => problems.filter((p) => p.file.endsWith('ai-training.md') && p.file.includes('acme')).map((p) => [p.field, p.expected, p.found, p.level]);

describe('analysis dates', () => {
  it('accepts dates between the first capture holding the quote and today', () => {
    addToAiClause('written_on: 2024-04-02\nreviewed_on: 2025-06-30\ncontributors: [Ada Lovelace, "@grace"]\n');
    const { errors, warnings } = loadAtlas(copy.root, { now: NOW });
    expect(errors).toEqual([]);
    expect(problemsOf(warnings)).toEqual([]);
  });

  it('refuses a date in the future, one before the quote was first captured, and a review before the writing', () => {
    const { atlas } = loadAtlas(copy.root, { now: NOW });
    const first = atlas.clauseByKey.get('acme/privacy-policy/ai-training')?.stability.firstCaptured?.capturedOn;
    expect(first).toBe('2023-02-01');
    addToAiClause('written_on: 2023-01-31\nreviewed_on: 2026-01-02\n');
    expect(problemsOf(loadAtlas(copy.root, { now: NOW }).errors)).toEqual([
      ['written_on', 'a date on or after 2023-02-01, the first capture holding the quote', '2023-01-31', 'error'],
      ['reviewed_on', 'a date not in the future', '2026-01-02', 'error'],
    ]);
  });

  it('refuses a review dated before the writing', () => {
    addToAiClause('written_on: 2025-02-01\nreviewed_on: 2025-01-31\n');
    expect(problemsOf(loadAtlas(copy.root, { now: NOW }).errors)).toEqual([['reviewed_on', 'a date on or after written_on (2025-02-01)', '2025-01-31', 'error']]);
  });

  it('names the line of a malformed date', () => {
    addToAiClause('written_on: 2025-02-30\n');
    const [problem] = loadAtlas(copy.root, { now: NOW }).errors.filter((p) => p.field === 'written_on');
    expect(problem?.line).toBe(12);
    expect(problem?.expected).toBe('a date that exists on the calendar');
  });
});

describe('related clauses and secondary types', () => {
  it('links a relation on both pages and lists a secondary type on its type, apart from the main count', () => {
    addToAiClause('related: [acme/terms-of-service/arbitration]\nsecondary_types: [data-retention]\n');
    const { atlas, errors } = loadAtlas(copy.root, { now: NOW });
    expect(errors).toEqual([]);
    const ai = atlas.clauseByKey.get('acme/privacy-policy/ai-training');
    const arbitration = atlas.clauseByKey.get('acme/terms-of-service/arbitration');
    expect(ai?.related.map((c) => c.key)).toEqual(['acme/terms-of-service/arbitration']);
    expect(arbitration?.related.map((c) => c.key)).toEqual(['acme/privacy-policy/ai-training']);
    const retention = atlas.clauseTypes.find((t) => t.key === 'data-retention');
    expect(retention?.secondaryClauses.map((c) => c.key)).toEqual(['acme/privacy-policy/ai-training']);
    expect(retention?.clauses.map((c) => c.key)).not.toContain('acme/privacy-policy/ai-training');
    expect(ai?.secondaryTypes.map((t) => t.key)).toEqual(['data-retention']);
  });

  it('refuses unknown or self references, with a suggestion and the line', () => {
    addToAiClause('related: [acme/terms-of-service/arbitraton, acme/privacy-policy/ai-training]\nsecondary_types: [data-retentin, ai-training]\n');
    const problems = loadAtlas(copy.root, { now: NOW }).errors.filter((p) => p.file.endsWith('acme/privacy-policy/ai-training.md'));
    expect(problems.map((p) => [p.field, p.line, p.found])).toEqual([
      ['related.0', 12, 'unknown clause `acme/terms-of-service/arbitraton`'],
      ['related.1', 12, 'the clause itself'],
      ['secondary_types.0', 13, 'unknown clause type `data-retentin`'],
      ['secondary_types.1', 13, '`ai-training`, the main type'],
    ]);
    expect(problems[0]?.hint).toContain('acme/terms-of-service/arbitration');
    expect(problems[2]?.hint).toContain('data-retention');
  });
});

describe('citations of a dated, credited analysis', () => {
  it('dates the work by its review, credits its contributors in every format, and leaves the access date to the reader', () => {
    addToAiClause('written_on: 2024-04-02\nreviewed_on: 2025-06-30\ncontributors: [Ada Lovelace, Grace Hopper]\n');
    const { atlas } = loadAtlas(copy.root, { now: NOW });
    const clause = atlas.clauseByKey.get('acme/privacy-policy/ai-training')!;
    const citation = clauseCitation(atlas, clause);
    expect(citation.issued).toBe('2025-06-30');
    expect(citation.apa).toMatch(/^Ada Lovelace and Grace Hopper\. \(2025, June 30\)\. Posts may train Acme's models \[/);
    expect(citation.bluebook).toMatch(/^Ada Lovelace and Grace Hopper, Posts may train Acme's models, Fixture Atlas \(/);
    const item = clauseCslItem(atlas, clause);
    expect(item.author).toEqual([{ literal: 'Ada Lovelace' }, { literal: 'Grace Hopper' }]);
    const bib = toBibtex(item);
    expect(bib).toContain('author = {{Ada Lovelace} and {Grace Hopper}}');
    expect(bib).toMatch(/\n\s*month = jun,\n\s*date = \{2025-06-30\},/);
    const ris = toRis(item);
    expect(ris).toContain('AU  - Ada Lovelace\r\n');
    expect(ris).toMatch(/(DA|Y1) {2}- 2025\/06\/30\//);
    expect(ris).not.toMatch(/Y2 {2}-/);
  });

  it('falls back to the writing date, and to "n.d." and the publisher when nothing is recorded', () => {
    addToAiClause('written_on: 2024-04-02\n');
    const { atlas } = loadAtlas(copy.root, { now: NOW });
    expect(clauseCitation(atlas, atlas.clauseByKey.get('acme/privacy-policy/ai-training')!).apa).toMatch(/^Fixture publishers\. \(2024, April 2\)\./);
    expect(clauseCitation(atlas, atlas.clauseByKey.get('birdy/privacy-policy/ai-training')!).apa).toMatch(/^Fixture publishers\. \(n\.d\.\)\./);
  });

  it('pins the section the quote sits under', () => {
    expect(sectionNote(['3. How we use information', 'Research'])).toBe(', section "3. How we use information › Research"');
    expect(sectionNote([])).toBe('');
    expect(sectionNote(undefined)).toBe('');
  });
});
