/**
 * Entry of one OG render worker (started by pool.ts). Loads the fonts once,
 * then renders each card it is sent and stores the PNG in the cache itself,
 * so image bytes never travel between threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { store } from './cache.ts';
import type { CardData } from './card.ts';
import { loadFonts, renderCard } from './render.ts';

/** A card to render, sent by the pool. */
export interface RenderTask {
  id: number;
  hash: string;
  card: CardData;
}

/** The worker's answer to one task. */
export type RenderReply = { id: number; ok: true; path: string; ms: number } | { id: number; ok: false; error: string };

export interface WorkerOptions {
  cacheDir: string;
}

const port = parentPort;
if (!port) throw new Error('src/og/worker.ts: expected to run as a worker thread started by src/og/pool.ts, found the main thread');
const { cacheDir } = workerData as WorkerOptions;
const fonts = loadFonts();
// Parallelism comes from one worker per core; libvips threads inside each worker would only contend with them.
sharp.concurrency(1);

port.on('message', async (task: RenderTask) => {
  const started = performance.now();
  let reply: RenderReply;
  try {
    const path = await store(cacheDir, task.hash, await renderCard(task.card, fonts));
    reply = { id: task.id, ok: true, path, ms: performance.now() - started };
  } catch (error) {
    reply = { id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
