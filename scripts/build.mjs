/**
 * npm run build — `astro build` with a bounded heap.
 *
 * Node's default heap limit follows the machine's memory (about 4 GB on a
 * 24 GB machine), and V8 lets the heap grow towards it long before collecting:
 * a 4,000-clause build held 2.2 GB while its live data was a fraction of that
 * (docs/bench/README.md). The build therefore runs with
 * `--max-old-space-size=ATLAS_HEAP_MB` (default 2048 MB), which keeps its
 * memory near what it uses, and an atlas too large for the limit stops with a
 * message saying so and what to do, instead of thrashing or dying with V8's
 * bare "heap out of memory" abort. Arguments are passed on to `astro build`.
 */
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HEAP_MB } from './lib/heap-limit.mjs';

const requested = process.env.ATLAS_HEAP_MB ?? String(DEFAULT_HEAP_MB);
const heapMb = Number(requested);
if (!Number.isInteger(heapMb) || heapMb < 16) {
  console.error(`build: ATLAS_HEAP_MB must be a whole number of megabytes (16 or more), found "${requested}"`);
  process.exit(2);
}

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, astro, 'build', ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
// stderr is passed through as it comes; its tail is kept to tell a heap overflow from other failures.
let tail = '';
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  tail = (tail + chunk.toString('utf8')).slice(-4096);
});
child.on('close', (code, signal) => {
  if (/heap out of memory|Reached heap limit/.test(tail)) {
    const machineMb = Math.round(totalmem() / 1048576);
    console.error(
      `\nbuild: the build needed more than its heap limit of ${heapMb} MB and was stopped.\n` +
        `The atlas is too large for this limit. Set ATLAS_HEAP_MB to a larger number of megabytes (this machine has ${machineMb} MB), ` +
        `e.g. ATLAS_HEAP_MB=${heapMb * 2} npm run build, or build on a machine with more memory.`,
    );
    process.exit(1);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
