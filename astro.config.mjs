// @ts-check
import { defineConfig } from 'astro/config';
import clauseAtlas from './src/integrations/clause-atlas.ts';

export default defineConfig({ integrations: [clauseAtlas()] });
