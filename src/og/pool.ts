/**
 * Renders many OG cards at once: hashes every card, serves what the cache
 * already holds, and renders the rest on a pool of worker threads (one per
 * core, each loading the fonts once). Optionally copies each PNG to an output
 * path such as `<outDir>/og/platform/x.png`. A rendering can start small and
 * be widened later, so the build can draw cards on the core that page
 * rendering leaves idle and take every core once the pages are written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../support/atomic-write.ts';
import { eachLimited } from '../support/each-limited.ts';
import { cardHash, lookup, resolveCacheDir } from './cache.ts';
import type { CardData } from './card.ts';
// Importing the renderer loads sharp in the main thread, which must happen before
// workers start on glibc Linux so its shared libraries outlive them (lovell/sharp#2263).
import { loadFonts, renderFingerprint } from './render.ts';
import type { RenderReply, RenderTask, WorkerOptions } from './worker.ts';

export interface RenderRequest {
  card: CardData;
  /** Where to copy the PNG as well, e.g. `<outDir>/og/platform/x.png`. */
  output?: string;
}

export interface RenderResult {
  hash: string;
  /** The PNG in the cache. */
  path: string;
  /** `rendered` when this call drew the card, `cached` when the PNG already existed (or an identical card earlier in the list drew it). */
  status: 'rendered' | 'cached';
  /** Thread ID of the worker that rendered the card. */
  worker?: number;
  /** Time the worker spent rendering and storing the card, in milliseconds. */
  ms?: number;
}

export interface PoolOptions {
  /** Cache folder; default `node_modules/.cache/clause-atlas-og`. */
  cacheDir?: string | undefined;
  /** Worker threads at most; default one per core (`os.availableParallelism()`). */
  workers?: number | undefined;
}

const workerEntry = new URL('./worker.ts', import.meta.url);
/** PNGs copied into the output at once. */
const COPY_CONCURRENCY = 16;

/** URL of tsx's ESM API, found through tsx's own exports map rather than a guessed path. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require('tsx/package.json') as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = manifest.exports['./esm/api'];
  const file = typeof entry === 'object' ? entry.import?.default : undefined;
  if (!file) throw new Error('node_modules/tsx/package.json exports["./esm/api"]: expected an import entry, found none');
  return pathToFileURL(join(dirname(require.resolve('tsx/package.json')), file)).href;
}

/**
 * Starts one worker. Node 20 cannot run TypeScript in a worker, and a worker's
 * `--import tsx` does not take effect there, so the worker is a one-line
 * bootstrap that loads worker.ts through tsx's scoped `tsImport`. This works
 * under vitest, tsx scripts and Astro's config loader alike, since all of them
 * keep this module's URL pointing at the source file.
 */
function startWorker(options: WorkerOptions, tsxApi: string): Worker {
  if (!existsSync(fileURLToPath(workerEntry))) {
    throw new Error(`src/og/pool.ts: expected the worker entry at ${fileURLToPath(workerEntry)}, found no file (import the pool from source, e.g. an Astro integration, not from bundled page code)`);
  }
  const entry = JSON.stringify(workerEntry.href);
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${entry}, ${entry}));`;
  return new Worker(bootstrap, { eval: true, workerData: options, execArgv: [] });
}

interface Rendered {
  path: string;
  worker: number;
  ms: number;
}

interface WorkerPool {
  /** Settles once the queue is empty and every worker is idle; the workers are stopped by then. */
  done: Promise<Map<number, Rendered>>;
  /** Starts more workers on the queued cards, up to `size` in all. */
  grow(size: number): void;
}

/** Renders `tasks` on `size` workers (more with `grow`); settles once every worker is idle, then stops them all. */
function renderOnWorkers(tasks: RenderTask[], size: number, options: WorkerOptions): WorkerPool {
  const tsxApi = tsxApiUrl();
  const byId = new Map(tasks.map((task) => [task.id, task]));
  let grow: (size: number) => void = () => {};
  const done = new Promise<Map<number, Rendered>>((resolve, reject) => {
    const queue = [...tasks];
    const done = new Map<number, Rendered>();
    const busy = new Set<Worker>();
    let failure: Error | undefined;
    let settled = false;
    const workers: Worker[] = [];

    const settle = () => {
      if (settled || busy.size) return;
      settled = true;
      // Workers are idle here, so stopping them never interrupts sharp mid-write.
      void Promise.all(workers.map((worker) => worker.terminate())).then(() => (failure ? reject(failure) : resolve(done)));
    };
    const fail = (error: Error) => {
      failure ??= error;
    };
    const dispatch = (worker: Worker) => {
      const task = failure ? undefined : queue.shift();
      if (task) {
        busy.add(worker);
        worker.postMessage(task);
      } else {
        busy.delete(worker);
        settle();
      }
    };
    const cardLabel = (id: number) => {
      const card = byId.get(id)?.card;
      return card ? `the ${card.kind} card "${card.title}"` : `card #${id}`;
    };

    const startOne = () => {
      let worker: Worker;
      try {
        worker = startWorker(options, tsxApi);
      } catch (error) {
        fail(error as Error);
        return;
      }
      workers.push(worker);
      worker.on('message', (reply: RenderReply) => {
        if (reply.ok) done.set(reply.id, { path: reply.path, worker: worker.threadId, ms: reply.ms });
        else fail(new Error(`src/og: rendering ${cardLabel(reply.id)} failed: ${reply.error}`));
        dispatch(worker);
      });
      worker.on('error', (error) => {
        fail(new Error(`src/og/worker.ts: the render worker stopped: ${error.message}`));
        busy.delete(worker);
        settle();
      });
      worker.on('exit', (code) => {
        if (!busy.has(worker)) return;
        fail(new Error(`src/og/worker.ts: expected the render worker to finish its card, found it exited with code ${code}`));
        busy.delete(worker);
        settle();
      });
      dispatch(worker);
    };
    grow = (wanted: number) => {
      // A worker only helps while cards are still queued.
      while (!settled && !failure && workers.length < wanted && queue.length > 0) startOne();
    };
    grow(size);
    settle();
  });
  return { done, grow: (wanted) => grow(wanted) };
}

/** Copies each result's cached PNG to the output path at the same index (none where it is undefined), atomically. */
export async function copyOutputs(results: readonly RenderResult[], outputs: ReadonlyArray<string | undefined>): Promise<void> {
  // A bounded number at once: reading every PNG together held them all in memory (about 0.4 GB at 10,000 cards).
  await eachLimited([...results.keys()], COPY_CONCURRENCY, async (index) => {
    const output = outputs[index];
    if (output) await writeFileAtomic(output, await readFile(results[index]!.path), { durable: false });
  });
}

/** A rendering under way. */
export interface CardRendering {
  /** Where each PNG is, in request order, once every card is rendered and copied. */
  results: Promise<RenderResult[]>;
  /** Lets the rendering use up to `workers` worker threads from now on. */
  widen(workers: number): void;
}

/** Renders every card that is not cached yet and returns, in request order, where each PNG is. */
export function renderCards(requests: readonly RenderRequest[], options: PoolOptions = {}): Promise<RenderResult[]> {
  return startRendering(requests, options).results;
}

/** Like renderCards, but returns at once with a handle that can widen the pool while it runs. */
export function startRendering(requests: readonly RenderRequest[], options: PoolOptions = {}): CardRendering {
  let wanted = options.workers ?? availableParallelism();
  const cacheDir = resolveCacheDir(options.cacheDir);
  let pool: WorkerPool | undefined;
  const results =
    Number.isInteger(wanted) && wanted >= 1
      ? render(requests, cacheDir, (tasks) => {
          pool = renderOnWorkers(tasks, Math.min(wanted, tasks.length), { cacheDir });
          return pool.done;
        })
      : Promise.reject(new Error(`src/og/pool.ts workers: expected a positive whole number, found ${wanted}`));
  return {
    results,
    widen(workers) {
      wanted = Math.max(wanted, workers);
      pool?.grow(wanted);
    },
  };
}

async function render(requests: readonly RenderRequest[], cacheDir: string, onWorkers: (tasks: RenderTask[]) => Promise<Map<number, Rendered>>): Promise<RenderResult[]> {
  const fingerprint = renderFingerprint(loadFonts());
  const hashes = requests.map((request) => cardHash(request.card, fingerprint));

  // One task per distinct card that is not in the cache yet.
  const cached = new Map<string, string>();
  const tasks: RenderTask[] = [];
  const taskOf = new Map<string, number>();
  for (const [index, hash] of hashes.entries()) {
    if (cached.has(hash) || taskOf.has(hash)) continue;
    const path = await lookup(cacheDir, hash);
    if (path) cached.set(hash, path);
    else {
      taskOf.set(hash, index);
      tasks.push({ id: index, hash, card: (requests[index] as RenderRequest).card });
    }
  }

  const rendered = tasks.length ? await onWorkers(tasks) : new Map<number, Rendered>();

  const results = hashes.map((hash, index): RenderResult => {
    const own = taskOf.get(hash) === index ? rendered.get(index) : undefined;
    if (own) return { hash, path: own.path, status: 'rendered', worker: own.worker, ms: own.ms };
    const path = cached.get(hash) ?? rendered.get(taskOf.get(hash) ?? -1)?.path;
    if (!path) throw new Error(`src/og/pool.ts: expected a PNG for card ${hash}, found none`);
    return { hash, path, status: 'cached' };
  });

  await copyOutputs(results, requests.map((request) => request.output));
  return results;
}
