/** Times the page-rendering phase of the build (from the start of the build to the pages being written) for the benchmark. */
import type { AstroIntegration } from 'astro';
import { recordTiming } from './timings.ts';

export default function buildPhases(): AstroIntegration {
  let started = 0;
  return {
    name: 'clause-atlas:build-phases',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
      },
      'astro:build:generated': () => {
        recordTiming('pages', performance.now() - started);
      },
    },
  };
}
