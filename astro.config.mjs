// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import atlasValidation from './src/integrations/atlas-validation.ts';

const contentRoot = resolve(process.env.ATLAS_CONTENT ?? 'content');
const site = parse(readFileSync(resolve(contentRoot, 'site.yaml'), 'utf8'));

export default defineConfig({
  site: site.url,
  outDir: process.env.ATLAS_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [atlasValidation({ contentRoot }), mdx()],
  markdown: { smartypants: false },
  cacheDir: process.env.ATLAS_CACHE ?? './node_modules/.astro',
  devToolbar: { enabled: false },
});
