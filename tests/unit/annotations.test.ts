/**
 * GitHub Actions annotations (src/atlas/checks/annotations.ts) and
 * `npm run validate -- --format github` (scripts/validate.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatAnnotation } from '../../src/atlas/checks/annotations.ts';
import { loadAtlas, type Problem } from '../../src/atlas/index.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const AI = 'clauses/acme/privacy-policy/ai-training.md';

let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

const problem = (extra: Partial<Problem> = {}): Problem => ({
  file: `content/${AI}`,
  line: 6,
  field: 'severity',
  expected: 'one of "low", "medium", "high"',
  found: '"severe"',
  level: 'error',
  ...extra,
});

describe('escaping', () => {
  it('escapes %, CR and LF in messages, % first so nothing is escaped twice', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeData('already %0A')).toBe('already %250A');
    expect(escapeData('a: b, c')).toBe('a: b, c');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('content/a,b:c.md')).toBe('content/a%2Cb%3Ac.md');
    expect(escapeProperty('50%\n')).toBe('50%25%0A');
  });
});

describe('formatAnnotation', () => {
  it('puts an error on its file and line, titled with the field', () => {
    expect(formatAnnotation(problem())).toBe(`::error file=content/${AI},line=6,title=severity::expected one of "low", "medium", "high", found "severe"`);
  });

  it('writes warnings as ::warning, leaves out a line it does not know and appends the hint', () => {
    expect(formatAnnotation(problem({ level: 'warning', line: undefined, field: 'quote', expected: 'text still in the latest version', found: 'a quote no longer in the current text', hint: 'review the clause' }))).toBe(
      `::warning file=content/${AI},title=quote::expected text still in the latest version, found a quote no longer in the current text — review the clause`,
    );
  });

  it('keeps a problem on one line whatever its text holds', () => {
    const line = formatAnnotation(problem({ file: 'content/odd,name.md', field: 'a:b', found: '"two\nlines" at 100%' }));
    expect(line).toBe('::error file=content/odd%2Cname.md,line=6,title=a%3Ab::expected one of "low", "medium", "high", found "two%0Alines" at 100%25');
    expect(line).not.toContain('\n');
  });

  it('turns every problem of a broken atlas into one annotation', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('severity: high', 'severity: severe'));
    const { problems } = loadAtlas(copy.root, { now: new Date('2026-01-01T00:00:00Z'), displayBase: `${copy.root}/..` });
    expect(problems.map(formatAnnotation)).toEqual([
      `::error file=content/${AI},line=6,title=severity::expected one of "low", "medium", "high", found "severe"`,
      '::warning file=content/clauses/acme/privacy-policy/message-retention.md,line=8,title=quote::expected text still in the latest version, found a quote no longer in the current text since 2024-03-01 (2024-03-01T00-00-00Z) — review the clause against the current version',
      '::warning file=content/negatives/acme/privacy-policy/arbitration.yaml,line=2,title=snapshot::expected a snapshot of the text in force (the check read the version of 2023-08-01), found a document changed since: the version of 2024-03-01 (2024-03-01T00-00-00Z) has different text — read the newest snapshot again; then update snapshot and checked_on, or write a clause if the type is there now',
    ]);
  });
});

describe('npm run validate (CLI)', () => {
  const exec = promisify(execFile);
  const run = (args: string[]) => exec(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', ...args], { cwd: repo });

  it('prints workflow commands with --format github and exits 1 on errors', async () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('severity: high', 'severity: severe'));
    const failure = (await run(['--format', 'github', copy.root]).then(
      () => ({ code: 0, stdout: '' }),
      (error: unknown) => error,
    )) as { code: number; stdout: string };
    expect(failure.code).toBe(1);
    const lines = failure.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^::error file=\\S*content/${AI},line=6,title=severity::expected one of "low", "medium", "high", found "severe"$`));
    expect(lines[1]).toMatch(/^::warning file=\S*content\/clauses\/acme\/privacy-policy\/message-retention\.md,line=8,title=quote::expected text still/);
    expect(lines[2]).toMatch(/^::warning file=\S*content\/negatives\/acme\/privacy-policy\/arbitration\.yaml,line=2,title=snapshot::expected a snapshot of the text in force/);
    expect(lines[3]).toMatch(/^✗ 3 platforms, 4 documents, 7 snapshots, 3 clauses, 3 negative findings checked in \d+ ms: 1 error, 2 warnings$/);
  });

  it('rejects an unknown option or format with a usage error (exit 2)', async () => {
    const [option, format] = await Promise.all([run(['--frmat', 'github']), run(['--format', 'xml'])].map((p) => p.catch((error: unknown) => error)));
    expect(option).toMatchObject({ code: 2, stderr: expect.stringContaining("validate: Unknown option '--frmat'") });
    expect(format).toMatchObject({ code: 2, stderr: expect.stringContaining('validate: --format: expected one of text, github, found "xml"') });
  });
});
