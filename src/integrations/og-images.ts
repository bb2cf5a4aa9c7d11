/**
 * Renders the OG card of every page into `<outDir>/og/`. Cards are cached by
 * a hash of everything drawn on them, so an unchanged page's image is copied
 * from the cache instead of rendered again. Rendering starts with the build on
 * one worker thread, since page rendering keeps only one core busy, and takes
 * every core once the pages are written; the PNGs are copied into the output
 * folder at the end, after Astro has written (and no longer cleans) it.
 */
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ogCardsFor, type OgCard } from '../og/cards.ts';
import { copyOutputs, startRendering, type CardRendering } from '../og/pool.ts';
import { loadAtlasOnce } from '../atlas/index.ts';
import { recordTiming } from './timings.ts';

export default function ogImages({ contentRoot }: { contentRoot: string }): AstroIntegration {
  let cards: OgCard[] = [];
  let early: CardRendering | undefined;
  let buildStarted = 0;
  return {
    name: 'clause-atlas:og-images',
    hooks: {
      'astro:build:start': () => {
        buildStarted = performance.now();
        cards = ogCardsFor(loadAtlasOnce(contentRoot).atlas);
        early = startRendering(
          cards.map(({ card }) => ({ card })),
          { ...(process.env.ATLAS_OG_CACHE ? { cacheDir: process.env.ATLAS_OG_CACHE } : {}), workers: 1 },
        );
        // A failure is reported where the rendering is awaited, at astro:build:done.
        early.results.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        if (!early) throw new Error('src/integrations/og-images.ts: expected the rendering started at astro:build:start, found none');
        early.widen(availableParallelism());
        const results = await early.results;
        const outDir = fileURLToPath(dir);
        await copyOutputs(results, cards.map(({ image }) => join(outDir, image)));
        const rendered = results.filter((r) => r.status === 'rendered').length;
        const ms = performance.now() - started;
        recordTiming('og', ms, { images: results.length, rendered, sinceBuildStart: Math.round(performance.now() - buildStarted) });
        logger.info(`${results.length} OG images (${rendered} rendered, ${results.length - rendered} from cache); ${Math.round(ms)} ms after the pages were written`);
      },
    },
  };
}
