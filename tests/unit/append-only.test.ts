/**
 * The published record is append-only (issue 10 point 4; cases rel-06, rel-07):
 * `npm run validate -- --since <ref>` fails when, compared with <ref>, a
 * committed snapshot was changed, renamed or deleted, or a ledger record, one
 * of its paths or its withdrawal was removed or altered. Each test commits a
 * copy of the fixture atlas as `base` in a throwaway repository, changes it,
 * and runs the check (scripts/lib/append-only.ts) and the CLI.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOnlyProblems } from '../../scripts/lib/append-only.ts';
import { GitError } from '../../scripts/lib/git.ts';
import { formatProblem } from '../../src/atlas/reading/problems.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { commitAsBase, gitIn } from '../support/git-repo.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cases = join(repo, 'tests/fixtures/append-only');
const SNAPSHOTS = 'snapshots/acme/privacy-policy';

let copy: FixtureCopy;
let top: string;
beforeEach(async () => {
  copy = copyFixtureAtlas();
  top = await commitAsBase(copy.root);
});
afterEach(() => copy.dispose());

const check = async () => (await appendOnlyProblems(copy.root, 'base', top)).map(formatProblem);

describe('validate --since: the ledger is append-only', () => {
  it('passes an untouched atlas, a new record and a new path at the end of a record', async () => {
    expect(await check()).toEqual([]);
    copy.edit('ledger.yaml', (text) =>
      text
        .replace('paths: [/platform/acme/privacy-policy/message-retention/]', 'paths: [/platform/acme/privacy-policy/message-retention/, /platform/acme/privacy-policy/keeping-messages/]')
        .concat('  - id: FX-P-000006\n    kind: clause\n    paths: [/platform/acme/privacy-policy/new-one/]\n'),
    );
    expect(await check()).toEqual([]);
  });

  it('rel-06: refuses a removed withdrawn record', async () => {
    copyFileSync(join(cases, 'rel-06-ledger.yaml'), join(copy.root, 'ledger.yaml'));
    expect(await check()).toEqual([
      'content/ledger.yaml records: expected record FX-P-000005 (clause, /platform/birdy/privacy-policy/ad-sharing/, withdrawn 2024-02-01) kept (record IDs are permanent and never reused), found it removed since base — restore it as it was; the ledger only grows (add a path at the end, or withdraw the record)',
    ]);
  });

  it('rel-07: refuses a record that lost one of its paths, naming the line', async () => {
    copyFileSync(join(cases, 'rel-07-ledger.yaml'), join(copy.root, 'ledger.yaml'));
    expect(await check()).toEqual([
      'content/ledger.yaml:17 records.5.paths: expected the paths FX-P-000002 had, in order, before any new one (/platform/acme/privacy-policy/model-training/, /platform/acme/privacy-policy/ai-training/), found /platform/acme/privacy-policy/model-training/ removed since base — restore it as it was; the ledger only grows (add a path at the end, or withdraw the record)',
    ]);
  });

  it('refuses a changed kind, reordered paths, an altered or removed withdrawal, and a deleted ledger, all in one run', async () => {
    copy.edit('ledger.yaml', (text) =>
      text
        .replace('paths: [/platform/acme/privacy-policy/model-training/, /platform/acme/privacy-policy/ai-training/]', 'paths: [/platform/acme/privacy-policy/ai-training/, /platform/acme/privacy-policy/model-training/]')
        .replace('on: "2024-02-01"', 'on: "2024-03-01"'),
    );
    const found = await check();
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('records.5.paths: expected the paths FX-P-000002 had, in order');
    expect(found[0]).toContain('found them reordered to /platform/acme/privacy-policy/ai-training/, /platform/acme/privacy-policy/model-training/ since base');
    expect(found[1]).toMatch(/^content\/ledger.yaml:\d+ records\.8\.withdrawn: expected the withdrawal of FX-P-000005 kept as it was \(on 2024-02-01: .*\), found it changed to on 2024-03-01: /);

    copy.edit('ledger.yaml', (text) => text.replace(/\n    withdrawn:\n.*\n.*\n/, '\n'));
    expect((await check()).some((line) => line.includes('records.8.withdrawn') && line.includes('found it removed since base'))).toBe(true);

    copy.remove('ledger.yaml');
    expect(await check()).toHaveLength(9);
  });
});

describe('validate --since: committed snapshots are append-only', () => {
  it('passes a new snapshot, and refuses an edited, a renamed and a deleted one, committed or not', async () => {
    copy.write(`${SNAPSHOTS}/2025-01-01T00-00-00Z.md`, '---\n---\nnew\n');
    await gitIn(top, 'add', '-A');
    await gitIn(top, 'commit', '-q', '-m', 'a new snapshot');
    expect(await check()).toEqual([]);

    copy.edit(`${SNAPSHOTS}/2023-02-01T00-00-00Z.md`, (text) => text.replace(/\n$/, ' (edited)\n'));
    copy.remove(`${SNAPSHOTS}/2023-08-01T00-00-00Z.md`);
    renameSync(join(copy.root, `${SNAPSHOTS}/2024-03-01T00-00-00Z.md`), join(copy.root, `${SNAPSHOTS}/2024-03-02T00-00-00Z.md`));
    await gitIn(top, 'add', '-A');
    await gitIn(top, 'commit', '-q', '-m', 'rewrite history');
    // The last one is left uncommitted: the check compares the folder as it is on disk.
    copy.edit('snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md', (text) => `${text}more\n`);
    const found = await check();
    expect(found.map((line) => line.split(' file: ')[0])).toEqual([
      `content/${SNAPSHOTS}/2023-02-01T00-00-00Z.md`,
      `content/${SNAPSHOTS}/2023-08-01T00-00-00Z.md`,
      `content/${SNAPSHOTS}/2024-03-01T00-00-00Z.md`,
      'content/snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md',
    ]);
    expect(found[2]).toContain(`renamed since base (now content/${SNAPSHOTS}/2024-03-02T00-00-00Z.md)`);
  });

  it('judges against where the branch left the base, so snapshots added to the base later are not deletions', async () => {
    await gitIn(top, 'checkout', '-q', '-b', 'feature');
    await gitIn(top, 'checkout', '-q', 'main');
    copy.write(`${SNAPSHOTS}/2025-06-01T00-00-00Z.md`, '---\n---\nlater on main\n');
    await gitIn(top, 'add', '-A');
    await gitIn(top, 'commit', '-q', '-m', 'main moves on');
    await gitIn(top, 'checkout', '-q', 'feature');
    expect((await appendOnlyProblems(copy.root, 'main', top)).map(formatProblem)).toEqual([]);
  });

  it('refuses an unknown ref or one written as an option, and a folder outside git', async () => {
    await expect(appendOnlyProblems(copy.root, 'no-such-branch', top)).rejects.toThrow(/--since: expected a commit known to this repository, found "no-such-branch"/);
    await expect(appendOnlyProblems(copy.root, '--output=x', top)).rejects.toThrow(GitError);
    const outside = copyFixtureAtlas();
    try {
      await expect(appendOnlyProblems(outside.root, 'base')).rejects.toThrow(/inside a git repository, found none/);
    } finally {
      outside.dispose();
    }
  });
});

describe('npm run validate -- --since', () => {
  it('rel-06 through the CLI: exits 1 and names the removed record; exits 0 when untouched', async () => {
    const validate = (...args: string[]) =>
      promisify(execFile)(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/validate.ts'), copy.root, ...args], { cwd: top, env: { ...process.env, FORCE_COLOR: '0' } }).then(
        (result) => ({ code: 0, ...result }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const clean = await validate('--since', 'base');
    expect(clean.code).toBe(0);
    copyFileSync(join(cases, 'rel-06-ledger.yaml'), join(copy.root, 'ledger.yaml'));
    const withoutSince = await validate();
    const withSince = await validate('--since', 'base');
    expect(withSince.code).toBe(1);
    expect(withSince.stdout).toContain('content/ledger.yaml records: expected record FX-P-000005');
    // Without --since the loss cannot be seen (nothing left refers to FX-P-000005).
    expect(withoutSince.stdout).not.toContain('FX-P-000005');
    const badRef = await validate('--since', 'nowhere');
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toContain('validate: --since: expected a commit known to this repository, found "nowhere"');
  }, 60_000);
});
