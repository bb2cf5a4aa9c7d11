/**
 * Reads a clone of an Open Terms Archive `*-versions` git repository. There a
 * terms type is one file, `<Service>/<Terms type>.md`, and every commit that
 * changes the file records a version. The Open Terms Archive engine commits each
 * version with GIT_AUTHOR_DATE and GIT_COMMITTER_DATE both set to the fetch date
 * of the snapshot it was extracted from, and reads a version's fetch date back
 * as the commit's author date (engine: src/archivist/recorder/repositories/git/git.js
 * and dataMapper.js). So the author date is the capture instant here too.
 *
 * Git runs asynchronously through execFile/spawn (no shell): one `git log` for
 * the whole history, then one `git cat-file --batch` for every file content.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { git, GitError } from '../git.ts';
import { instantToStamp } from '../../../src/atlas/reading/snapshot-file.ts';
import { kindOf, versionText, type Dataset, type DatasetService, type DatasetTerms, type SkippedVersion } from './dataset.ts';

/** One change of a file in one commit, as `git log --raw` lists it. */
interface FileChange {
  commit: string;
  /** Author date as git prints it (ISO 8601 with offset). */
  authorDate: string;
  /** Mode of the file after the commit (100644 for a plain file). */
  mode: string;
  blob: string;
  status: string;
  file: string;
}

const NO_BLOB = /^0+$/;

/** Every file change in the history of the checked-out commit, oldest first (merges left out, renames as delete + add). */
async function fileChanges(repo: string): Promise<FileChange[]> {
  const out = await git(['log', '--reverse', '--no-merges', '--no-renames', '--raw', '--no-abbrev', '-z', '--format=%x01%H %aI'], repo);
  const changes: FileChange[] = [];
  const tokens = out.split('\0');
  let commit = '';
  let authorDate = '';
  for (let i = 0; i < tokens.length; i += 1) {
    const token = (tokens[i] ?? '').replace(/^\n/, '');
    if (token.startsWith('\x01')) {
      [commit = '', authorDate = ''] = token.slice(1).split(' ');
    } else if (token.startsWith(':')) {
      // :<old mode> <new mode> <old blob> <new blob> <status>, then the path as the next token
      const [, mode = '', , blob = '', status = ''] = token.slice(1).split(' ');
      i += 1;
      changes.push({ commit, authorDate, mode, blob, status, file: tokens[i] ?? '' });
    }
  }
  return changes;
}

/**
 * Contents of blobs by ID, through one `git cat-file --batch`, whose output is
 * `<id> blob <size>\n<content>\n` per blob. Parsed as it streams in, each
 * content copied once into a buffer of its own size, so a large history is not
 * also held as one concatenated buffer.
 */
async function readBlobs(repo: string, ids: string[]): Promise<Map<string, Buffer>> {
  const child = spawn('git', ['cat-file', '--batch'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  const blobs = new Map<string, Buffer>();
  const errors: Buffer[] = [];
  let header: Buffer[] = [];
  let current: { id: string; body: Buffer; filled: number } | undefined;
  let newlineDue = false;
  child.stdout.on('data', (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      if (newlineDue) {
        newlineDue = false;
        at += 1;
      } else if (current === undefined) {
        const end = chunk.indexOf(0x0a, at);
        if (end < 0) {
          header.push(chunk.subarray(at));
          break;
        }
        header.push(chunk.subarray(at, end));
        at = end + 1;
        const [id = '', type = '', size = ''] = Buffer.concat(header).toString('utf8').split(' ');
        header = [];
        if (type === 'missing') continue;
        current = { id, body: Buffer.allocUnsafe(Number(size)), filled: 0 };
      } else {
        const n = Math.min(current.body.length - current.filled, chunk.length - at);
        chunk.copy(current.body, current.filled, at, at + n);
        current.filled += n;
        at += n;
      }
      if (current !== undefined && current.filled === current.body.length) {
        blobs.set(current.id, current.body);
        current = undefined;
        newlineDue = true;
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  const code = await exited;
  if (code !== 0) throw new GitError(`git cat-file failed: ${Buffer.concat(errors).toString('utf8').split('\n')[0]}`);
  return blobs;
}

/**
 * Reads the history of a versions repository. Files at the top (README.md,
 * LICENSE) and paths starting with "." are ignored; other files that are not
 * `<Service>/<Terms type>.md`, and versions that cannot be imported, go to `skipped`.
 */
export async function readVersionsRepository(repo: string): Promise<Dataset> {
  const dataset: Dataset = { layout: 'versions-repository', services: [], skipped: [], problems: [] };
  if ((await kindOf(repo)) !== 'folder') {
    dataset.problems.push(`${repo}: expected a clone of a *-versions repository, found ${(await kindOf(repo)) ?? 'nothing at this path'}`);
    return dataset;
  }
  let changes: FileChange[];
  try {
    changes = await fileChanges(repo);
  } catch (error) {
    dataset.problems.push(`${repo}: expected a readable git history, found ${(error as Error).message}`);
    return dataset;
  }
  const skipped: SkippedVersion[] = dataset.skipped;
  const at = (change: FileChange) => `${join(repo, change.file)}@${change.commit.slice(0, 12)}`;
  const kept: FileChange[] = [];
  const reported = new Set<string>();
  for (const change of changes) {
    const parts = change.file.split('/');
    if (parts.length === 1 || parts.some((p) => p.startsWith('.'))) continue;
    if (change.status === 'D' || NO_BLOB.test(change.blob)) continue; // a deletion records no version
    if (parts.length !== 2 || !change.file.endsWith('.md')) {
      if (!reported.has(change.file)) skipped.push({ path: join(repo, change.file), reason: 'expected a version file <Service>/<Terms type>.md, found another path' });
      reported.add(change.file);
      continue;
    }
    if (change.mode !== '100644' && change.mode !== '100755') {
      skipped.push({ path: at(change), reason: `expected a plain file, found git mode ${change.mode}` });
      continue;
    }
    const date = new Date(change.authorDate);
    if (Number.isNaN(date.getTime())) {
      skipped.push({ path: at(change), reason: `expected a commit author date, found ${JSON.stringify(change.authorDate)}` });
      continue;
    }
    kept.push(change);
  }
  let blobs: Map<string, Buffer>;
  try {
    blobs = await readBlobs(repo, [...new Set(kept.map((c) => c.blob))]);
  } catch (error) {
    dataset.problems.push(`${repo}: expected readable file contents, found ${(error as Error).message}`);
    return dataset;
  }

  const services = new Map<string, DatasetService>();
  const termsByFile = new Map<string, DatasetTerms>();
  for (const change of kept) {
    const [serviceName = '', fileName = ''] = change.file.split('/');
    let terms = termsByFile.get(change.file);
    if (terms === undefined) {
      let service = services.get(serviceName);
      if (service === undefined) {
        service = { name: serviceName, dir: join(repo, serviceName), terms: [] };
        services.set(serviceName, service);
      }
      terms = { type: fileName.slice(0, -'.md'.length), dir: join(repo, change.file), versions: [] };
      service.terms.push(terms);
      termsByFile.set(change.file, terms);
    }
    const bytes = blobs.get(change.blob);
    if (bytes === undefined) {
      skipped.push({ path: at(change), reason: `expected the file's content in the clone, found blob ${change.blob} missing` });
      continue;
    }
    const read = versionText(bytes);
    if ('reason' in read) {
      skipped.push({ path: at(change), reason: read.reason });
      continue;
    }
    const stamp = instantToStamp(new Date(change.authorDate).toISOString());
    const sameSecond = terms.versions.findIndex((v) => v.stamp === stamp);
    if (sameSecond >= 0) {
      // Snapshot file names have second precision: the later commit of the same second is the state that stood.
      skipped.push({ path: terms.versions[sameSecond]?.path ?? '', reason: `expected one version per second, found a later commit ${change.commit.slice(0, 12)} at the same second ${stamp}; the later one is imported` });
      terms.versions.splice(sameSecond, 1);
    }
    terms.versions.push({ stamp, path: at(change), bytes });
  }
  for (const service of [...services.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    service.terms = service.terms.filter((terms) => {
      if (terms.versions.length > 0) return true;
      skipped.push({ path: terms.dir, reason: 'expected at least one importable version in its history, found none' });
      return false;
    });
    service.terms.sort((a, b) => (a.type < b.type ? -1 : 1));
    for (const terms of service.terms) terms.versions.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
    if (service.terms.length > 0) dataset.services.push(service);
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (dataset.services.length === 0) dataset.problems.push(`${repo}: expected at least one <Service>/<Terms type>.md with importable versions in the history, found none`);
  return dataset;
}
