/**
 * The one integration of a Clause Atlas site: it resolves the content root
 * once (contentRoot(): ATLAS_CONTENT or content/), sets `site` from the atlas's
 * site.yaml, and wires validation, build-phase timings, OG images, MDX,
 * the page cache, the search index and the record files (redirect pages,
 * citations, API records, snapshot texts), in that hook order (the search
 * index reads the pages the page cache copies in). astro.config.mjs is this call.
 *
 * ATLAS_OUT and ATLAS_CACHE move the output and cache folders (the test
 * builds and the benchmark build into temporary folders).
 */
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentRoot as resolveContentRoot, loadAtlasOnce } from '../atlas/index.ts';
import { loadSiteFile } from '../atlas/reading/load.ts';
import { contributedMarkdown } from '../atlas/reading/markdown-syntax.ts';
import atlasValidation from './atlas-validation.ts';
import buildPhases from './build-phases.ts';
import ogImages from './og-images.ts';
import pageCache from './page-cache.ts';
import recordFiles from './record-files.ts';
import searchIndex from './search-index.ts';

/**
 * How analyses and regulation texts render: with remark (not Astro 7's default
 * Sätteri), from the one definition the validation guard parses with, sanitiser
 * included (src/atlas/reading/markdown-syntax.ts). tests/hostile/pipeline.test.ts
 * renders the hostile corpus with these very settings.
 */
export const SITE_MARKDOWN = { syntaxHighlight: false, processor: unified(contributedMarkdown) } as const;

/** The site's own settings, from the atlas and the environment. */
function siteSettings(contentRoot: string): AstroIntegration {
  return {
    name: 'clause-atlas:site',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // A resolved config holds folders as URLs; the variables hold paths relative to the project.
        const folder = (path: string) => pathToFileURL(`${resolve(fileURLToPath(config.root), path)}/`);
        updateConfig({
          // A build has loaded the atlas already (validation runs first) and its pages share it; a dev
          // server, a type check or the test runner reads site.yaml alone rather than load every snapshot.
          site: command === 'build' ? loadAtlasOnce(contentRoot).atlas.site.url : loadSiteFile(contentRoot)?.url,
          outDir: folder(process.env.ATLAS_OUT ?? 'dist'),
          cacheDir: folder(process.env.ATLAS_CACHE ?? 'node_modules/.astro'),
          trailingSlash: 'always',
          // Astro 7 defaults to JSX whitespace rules, which drop the space at a line break before an
          // inline element ("licensed<a>…"); HTML-aware compression keeps the words apart as before.
          compressHTML: true,
          build: { format: 'directory', inlineStylesheets: 'always' },
          markdown: SITE_MARKDOWN,
          // Scripts stay external files so the Content-Security-Policy (public/_headers) needs no 'unsafe-inline'.
          vite: { build: { assetsInlineLimit: 0 } },
          devToolbar: { enabled: false },
        });
      },
    },
  };
}

export default function clauseAtlas(): AstroIntegration[] {
  const contentRoot = resolveContentRoot();
  return [
    atlasValidation({ contentRoot }),
    siteSettings(contentRoot),
    buildPhases(),
    ogImages({ contentRoot }),
    mdx(),
    pageCache({ contentRoot }),
    searchIndex({ contentRoot }),
    recordFiles({ contentRoot }),
  ];
}
