/**
 * The fuzz run: "whatever validation accepts, the build builds". Each case
 * copies the fixture atlas, applies one random hostile mutation and validates
 * it. A rejection must name the file and field; an acceptance must give
 * well-formed feeds, dataset and citations. Then each build case applies many
 * accepted mutations to one copy (dropping any that the combination makes
 * invalid), runs the real `astro build`, and checks every file it wrote.
 * Everything is drawn from a seeded PRNG: the same seed replays the same run.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAtlas } from '../../../src/atlas/index.ts';
import { Random } from '../fixture/prng.ts';
import { buildContent } from '../astro-build.ts';
import { checkBuiltSite, checkGeneratedOutputs, checkRejection } from './check-output.ts';
import { describeMutation, mutateAtlas, type Mutation } from './mutate.ts';

export interface FuzzOptions {
  /** The atlas to mutate (copied, never changed). */
  fixture: string;
  /** Validation-level cases. */
  cases: number;
  seed: number;
  /** Full builds, each of one copy carrying many accepted mutations. */
  builds: number;
  /** Mutations tried per build. */
  mutationsPerBuild: number;
  /** "Now" for validation; added snapshots stay before it. */
  now: Date;
  log?: ((line: string) => void) | undefined;
}

export interface FuzzReport {
  cases: number;
  /** Cases by outcome: rejected by validation, accepted with good output, not applicable (the file system refused the change). */
  rejected: number;
  accepted: number;
  skipped: number;
  /** One line per broken promise, prefixed with the mutation that broke it. */
  failures: string[];
  /** What each build carried and whether it built. */
  builds: Array<{ mutations: string[]; status: number | null; filesChecked: number }>;
}

function copyFixture(fixture: string): { root: string; dispose(): void } {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-fuzz-')), 'content');
  cpSync(fixture, root, { recursive: true });
  return { root, dispose: () => rmSync(join(root, '..'), { recursive: true, force: true }) };
}

/** Validates a mutated copy; returns the failures to report and whether the copy was accepted. */
function judge(root: string, mutation: Mutation, now: Date): { accepted: boolean; failures: string[] } {
  const where = describeMutation(mutation);
  try {
    const { atlas, errors } = loadAtlas(root, { now, displayBase: join(root, '..') });
    if (errors.length) return { accepted: false, failures: checkRejection(errors, mutation, 'content').map((f) => `${where}: ${f}`) };
    return { accepted: true, failures: checkGeneratedOutputs(atlas).map((f) => `${where}: ${f}`) };
  } catch (error) {
    return { accepted: false, failures: [`${where}: validation crashed: ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`] };
  }
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const random = new Random(options.seed);
  const report: FuzzReport = { cases: options.cases, rejected: 0, accepted: 0, skipped: 0, failures: [], builds: [] };
  for (let i = 0; i < options.cases; i++) {
    // Each case is synchronous work; yielding between cases keeps a test runner's worker responsive.
    await new Promise((resolve) => setImmediate(resolve));
    const copy = copyFixture(options.fixture);
    try {
      const mutation = mutateAtlas(copy.root, random.fork(`case-${i}`), options.now);
      if (!mutation) {
        report.skipped++;
        continue;
      }
      const { accepted, failures } = judge(copy.root, mutation, options.now);
      report[accepted ? 'accepted' : 'rejected']++;
      report.failures.push(...failures);
      log(`${accepted ? 'accepted' : 'rejected'} ${describeMutation(mutation)}${failures.length ? ` — ${failures.length} FAILURES` : ''}`);
    } finally {
      copy.dispose();
    }
  }
  for (let b = 0; b < options.builds; b++) {
    const copy = copyFixture(options.fixture);
    const stream = random.fork(`build-${b}`);
    const carried: string[] = [];
    try {
      for (let k = 0; k < options.mutationsPerBuild; k++) {
        await new Promise((resolve) => setImmediate(resolve));
        const backup = copyFixture(copy.root);
        const mutation = mutateAtlas(copy.root, stream, options.now);
        const verdict = mutation && judge(copy.root, mutation, options.now);
        if (mutation && verdict?.accepted && !verdict.failures.length) {
          carried.push(describeMutation(mutation));
        } else {
          rmSync(copy.root, { recursive: true, force: true });
          cpSync(backup.root, copy.root, { recursive: true });
        }
        backup.dispose();
      }
      log(`build ${b + 1}: ${carried.length} accepted mutations:\n  ${carried.join('\n  ')}`);
      const site = await buildContent(copy.root);
      try {
        const where = `build ${b + 1} (${carried.length} mutations)`;
        const checked = site.status === 0 ? checkBuiltSite(site.out) : { checked: 0, failures: [] };
        report.builds.push({ mutations: carried, status: site.status, filesChecked: checked.checked });
        if (site.status !== 0) report.failures.push(`${where}: astro build exited ${site.status}: ${site.output.split('\n').filter((l) => /error|Error/.test(l)).slice(0, 5).join(' | ')}`);
        report.failures.push(...checked.failures.map((f) => `${where}: ${f}`));
        log(`build ${b + 1}: exit ${site.status}, ${checked.checked} files checked`);
      } finally {
        site.dispose();
      }
    } finally {
      copy.dispose();
    }
  }
  return report;
}
