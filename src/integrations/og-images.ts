/**
 * Renders the OG card of every page into `<outDir>/og/` after the build.
 * Cards are cached by a hash of everything drawn on them, so an unchanged
 * page's image is copied from the cache instead of rendered again.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ogCardsFor } from '../og/cards.ts';
import { renderCards } from '../og/pool.ts';
import { loadAtlasOnce } from '../atlas/index.ts';
import { recordTiming } from './timings.ts';


export default function ogImages({ contentRoot }: { contentRoot: string }): AstroIntegration {
  return {
    name: 'clause-atlas:og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const cards = ogCardsFor(loadAtlasOnce(contentRoot).atlas);
        const results = await renderCards(
          cards.map(({ card, image }) => ({ card, output: join(outDir, image) })),
          process.env.ATLAS_OG_CACHE ? { cacheDir: process.env.ATLAS_OG_CACHE } : {},
        );
        const rendered = results.filter((r) => r.status === 'rendered').length;
        const ms = performance.now() - started;
        recordTiming('og', ms, { images: results.length, rendered });
        logger.info(`${results.length} OG images (${rendered} rendered, ${results.length - rendered} from cache) in ${Math.round(ms)} ms`);
      },
    },
  };
}
