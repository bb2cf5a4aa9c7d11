/**
 * Importing a clone of an Open Terms Archive `*-versions` git repository
 * (scripts/lib/import-ota/versions-repo.ts). The repository is made in the
 * test, committing as the OTA engine does: one `<Service>/<Terms type>.md` per
 * commit, GIT_AUTHOR_DATE set to the fetch date. Git runs asynchronously.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importOta, readDataset } from '../../scripts/lib/import-ota.ts';
import { splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';

const run = promisify(execFile);
const site = fileURLToPath(new URL('../fixtures/ota/site.yaml', import.meta.url));

let tmp: string;
let repo: string;
let content: string;

/** Runs git in the test repository with a fixed identity and, when given, the author and committer dates. */
async function git(args: string[], dates: { author?: string; committer?: string } = {}): Promise<string> {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp, ...(dates.author ? { GIT_AUTHOR_DATE: dates.author } : {}), GIT_COMMITTER_DATE: dates.committer ?? dates.author ?? '2020-01-01T00:00:00Z' };
  const { stdout } = await run('git', ['-c', 'user.name=OTA Bot', '-c', 'user.email=bot@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env });
  return stdout;
}

/** Writes files (path → text) and commits them with the given author date and message. */
async function commit(files: Record<string, string>, author: string, message: string, committer?: string): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), text);
  }
  await git(['add', '-A']);
  await git(['commit', '-q', '--allow-empty-message', '-m', message], { author, ...(committer ? { committer } : {}) });
  return (await git(['rev-parse', 'HEAD'])).trim();
}

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'import-ota-repo-'));
  repo = join(tmp, 'demo-versions');
  content = join(tmp, 'content');
  await mkdir(repo);
  await mkdir(content);
  await writeFile(join(content, 'site.yaml'), await readFile(site));
  await git(['init', '-q', '-b', 'main']);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const snapshotData = async (path: string) => {
  const parts = splitSnapshotFile(await readFile(join(content, 'snapshots', path)));
  return { data: parseYaml(parts?.frontMatter ?? '') as Record<string, unknown>, body: parts?.body.toString('utf8') };
};

describe('import-ota from a *-versions repository', () => {
  let emptyCommit = '';
  let deepCommit = '';

  beforeEach(async () => {
    await commit({ 'README.md': '# Demo versions\n' }, '2022-12-31T00:00:00Z', 'Initial commit');
    await commit({ 'Globex/Privacy Policy.md': '# Privacy\n\nWe collect your name.\n' }, '2023-01-01T08:00:00Z', 'First record of Globex Privacy Policy');
    // Author date with an offset, committed much later: the author date, in UTC, is the capture instant.
    await commit({ 'Globex/Privacy Policy.md': '# Privacy\n\nWe collect your name and location.\n' }, '2023-02-01T12:30:05+02:00', 'Record new changes of Globex Privacy Policy', '2023-06-01T00:00:00Z');
    emptyCommit = await commit({ 'Globex/Privacy Policy.md': '' }, '2023-03-01T00:00:00Z', 'Apply technical or declaration upgrade on Globex Privacy Policy');
    await commit({ 'Globex/Privacy Policy.md': '# Privacy\n\nWe collect your name and location.\n', 'README.md': '# Demo versions\n\nVersions of a made-up collection.\n' }, '2023-03-02T00:00:00Z', 'Apply technical or declaration upgrade on Globex Privacy Policy');
    await commit({ 'Initech/Terms of Service.md': '# Terms\n\nBe nice.\n' }, '2023-04-04T04:04:04Z', 'First record of Initech Terms of Service');
    deepCommit = await commit({ 'Initech/drafts/Terms of Service.md': 'draft\n' }, '2023-04-05T00:00:00Z', 'Not a version');
  });

  it('reads each commit that changes a terms file as a version dated by its author date', async () => {
    const dataset = await readDataset(repo);
    expect(dataset.layout).toBe('versions-repository');
    expect(dataset.problems).toEqual([]);
    expect(dataset.services.map((s) => [s.name, s.terms.map((t) => [t.type, t.versions.map((v) => v.stamp)])])).toEqual([
      ['Globex', [['Privacy Policy', ['2023-01-01T08-00-00Z', '2023-02-01T10-30-05Z', '2023-03-02T00-00-00Z']]]],
      ['Initech', [['Terms of Service', ['2023-04-04T04-04-04Z']]]],
    ]);
    expect(dataset.skipped).toEqual([
      { path: `${join(repo, 'Globex/Privacy Policy.md')}@${emptyCommit.slice(0, 12)}`, reason: 'expected the text of a version, found an empty file' },
      { path: join(repo, 'Initech/drafts/Terms of Service.md'), reason: 'expected a version file <Service>/<Terms type>.md, found another path' },
    ]);
    expect(deepCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('imports the versions as snapshots without a map, and a second run writes nothing', async () => {
    const { plan } = await importOta({ datasetDir: repo, contentDir: content, tool: 'test' });
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toHaveLength(2);
    expect(await readdir(join(content, 'snapshots/globex/privacy-policy'))).toEqual(['2023-01-01T08-00-00Z.md', '2023-02-01T10-30-05Z.md', '2023-03-02T00-00-00Z.md']);
    expect(await readdir(join(content, 'snapshots/initech/terms-of-service'))).toEqual(['2023-04-04T04-04-04Z.md']);
    const changed = await snapshotData('globex/privacy-policy/2023-02-01T10-30-05Z.md');
    expect(changed.data).toMatchObject({ captured_at: '2023-02-01T10:30:05Z', substantive: true, obtained: { method: 'import', dataset: 'Demo versions, via Open Terms Archive' } });
    expect(changed.body).toBe('# Privacy\n\nWe collect your name and location.\n');
    // Restored after the empty extraction: same text as the version before the skipped one, so not a change.
    expect((await snapshotData('globex/privacy-policy/2023-03-02T00-00-00Z.md')).data).toMatchObject({ substantive: false });
    expect(parseYaml(await readFile(join(content, 'platforms/globex.yaml'), 'utf8'))).toEqual({ name: 'Globex' });

    const again = await importOta({ datasetDir: repo, contentDir: content, tool: 'test' });
    expect(again.plan.problems).toEqual([]);
    expect(again.written).toEqual([]);
  });

  it('keeps the later commit when two change a file within the same second', async () => {
    await commit({ 'Initech/Terms of Service.md': '# Terms\n\nBe kind.\n' }, '2023-05-05T05:05:05Z', 'Record new changes of Initech Terms of Service');
    const last = await commit({ 'Initech/Terms of Service.md': '# Terms\n\nBe very kind.\n' }, '2023-05-05T05:05:05Z', 'Record new changes of Initech Terms of Service');
    const dataset = await readDataset(repo);
    const terms = dataset.services.find((s) => s.name === 'Initech')?.terms[0];
    expect(terms?.versions.map((v) => [v.stamp, v.bytes.toString('utf8')])).toEqual([
      ['2023-04-04T04-04-04Z', '# Terms\n\nBe nice.\n'],
      ['2023-05-05T05-05-05Z', '# Terms\n\nBe very kind.\n'],
    ]);
    expect(terms?.versions.at(-1)?.path).toBe(`${join(repo, 'Initech/Terms of Service.md')}@${last.slice(0, 12)}`);
    expect(dataset.skipped.map((s) => s.reason)).toContainEqual(expect.stringContaining(`found a later commit ${last.slice(0, 12)} at the same second 2023-05-05T05-05-05Z`));
  });

  it('with --strict refuses the whole import', async () => {
    const { plan, written } = await importOta({ datasetDir: repo, contentDir: content, tool: 'test', strict: true });
    expect(plan.problems).toHaveLength(2);
    expect(written).toEqual([]);
    expect(await readdir(content)).toEqual(['site.yaml']);
  });
});
