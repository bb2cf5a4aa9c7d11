// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { contributedMarkdown } from './src/atlas/reading/markdown-syntax.ts';
import atlasValidation from './src/integrations/atlas-validation.ts';
import buildPhases from './src/integrations/build-phases.ts';
import ogImages from './src/integrations/og-images.ts';
import searchIndex from './src/integrations/search-index.ts';

const contentRoot = resolve(process.env.ATLAS_CONTENT ?? 'content');
const site = parse(readFileSync(resolve(contentRoot, 'site.yaml'), 'utf8'));

export default defineConfig({
  site: site.url,
  outDir: process.env.ATLAS_OUT ?? './dist',
  trailingSlash: 'always',
  // Astro 7 defaults to JSX whitespace rules, which drop the space at a line break before an
  // inline element ("licensed<a>…"); HTML-aware compression keeps the words apart as before.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [atlasValidation({ contentRoot }), buildPhases(), ogImages({ contentRoot }), mdx(), searchIndex({ contentRoot })],
  // Analyses and regulation texts render with remark (not Astro 7's default Sätteri), from the one
  // definition the validation guard parses with, sanitiser included (src/atlas/reading/markdown-syntax.ts).
  markdown: { syntaxHighlight: false, processor: unified(contributedMarkdown) },
  cacheDir: process.env.ATLAS_CACHE ?? './node_modules/.astro',
  // Scripts stay external files so the Content-Security-Policy (public/_headers) needs no 'unsafe-inline'.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
