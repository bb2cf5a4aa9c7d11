/**
 * Runs the same checks as `npm run validate` before Astro compiles anything,
 * so `astro build` refuses to build from content with problems.
 */
import type { AstroIntegration } from 'astro';
import { formatProblem, loadAtlasOnce } from '../atlas/index.ts';
import { recordTiming } from './timings.ts';

export default function atlasValidation({ contentRoot }: { contentRoot: string }): AstroIntegration {
  return {
    name: 'clause-atlas:validation',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const started = performance.now();
        const { errors, warnings } = loadAtlasOnce(contentRoot);
        recordTiming('atlas', performance.now() - started);
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (errors.length) {
          throw new Error(`Content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was built:\n${errors.map(formatProblem).join('\n')}`);
        }
        logger.info('content validated');
      },
    },
  };
}
