/**
 * Runs the same checks as `npm run validate` before Astro compiles anything,
 * so `astro build` refuses to build from content with problems.
 */
import type { AstroIntegration } from 'astro';
import { formatProblem, loadAtlas } from '../atlas/index.ts';

export default function atlasValidation({ contentRoot }: { contentRoot: string }): AstroIntegration {
  return {
    name: 'clause-atlas:validation',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const { errors, warnings } = loadAtlas(contentRoot);
        for (const warning of warnings) logger.warn(formatProblem(warning));
        if (errors.length) {
          throw new Error(`Content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was built:\n${errors.map(formatProblem).join('\n')}`);
        }
        logger.info('content validated');
      },
    },
  };
}
