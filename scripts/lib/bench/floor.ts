/**
 * The fair floor for this stack: what a plain Astro site with the same number
 * of HTML pages costs, built by the same Astro in the same run. One glob
 * content collection of Markdown entries of clause-like size, one dynamic
 * route that renders each entry into a small layout, and Pagefind over every
 * written page — the way an Astro user would build such a site, not one Vite
 * module per page (that floor is superlinear: 487 s for 12,114 pages).
 *
 * The project lives inside the repository so it resolves this project's
 * node_modules (same Astro, same Pagefind).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Words the entries are written from: plain policy vocabulary, so Pagefind indexes a realistic spread of words. */
const WORDS = (
  'account content service terms privacy data personal information share third parties provide use may we you your ' +
  'agree license rights remove suspend terminate notice law court arbitration dispute liability warranty change update ' +
  'cookies advertising partners retain delete request access consent children age region country policy platform user'
).split(' ');

/** A deterministic pseudo-random sequence (mulberry32), so every run writes the same floor. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markdown of about `bytes` bytes: headed paragraphs of policy words, with a quote as a clause page has. */
export function floorEntry(i: number, bytes: number): string {
  const next = random(i + 1);
  const word = () => WORDS[Math.floor(next() * WORDS.length)] ?? 'policy';
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, word);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  let body = `> ${sentence()} ${sentence()}\n`;
  for (let section = 1; body.length < bytes; section++) {
    body += `\n## Section ${section}\n\n${Array.from({ length: 5 }, sentence).join(' ')}\n`;
  }
  return `---\ntitle: Page ${i}\n---\n${body}`;
}

const CONFIG = "import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' } });\n";
const COLLECTIONS = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = { pages: defineCollection({ loader: glob({ pattern: '**/*.md', base: './entries' }), schema: z.object({ title: z.string() }) }) };
`;
const ROUTE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body>
    <nav><a href="/">Home</a></nav>
    <main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main>
  </body>
</html>
`;

/**
 * Writes the floor project into `dir` (emptied first): `pages` entries of
 * about `entryBytes` bytes of Markdown each, all rendered by `src/pages/p/[slug].astro`.
 */
export function writeFloorProject(dir: string, pages: number, entryBytes: number): void {
  rmSync(dir, { recursive: true, force: true });
  const entries = join(dir, 'entries');
  mkdirSync(entries, { recursive: true });
  mkdirSync(join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src', 'content.config.ts'), COLLECTIONS);
  writeFileSync(join(dir, 'src', 'pages', 'p', '[slug].astro'), ROUTE);
  for (let i = 0; i < pages; i++) writeFileSync(join(entries, `page-${i}.md`), floorEntry(i, entryBytes));
}

/** Edits one entry's title, as the atlas bench edits one clause's, before a warm build. */
export function editFloorEntry(dir: string): void {
  const file = join(dir, 'entries', 'page-0.md');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^title: (.*)$/m, 'title: $1 (edited)');
  if (edited === text) throw new Error(`bench: ${file} has no title line to edit`);
  writeFileSync(file, edited);
}

/**
 * The same pages as a Hugo site (content/p/*.md and one single-page layout),
 * for an optional reference line when `hugo` is installed: what a generator
 * outside the JavaScript stack does with the same page count.
 */
export function writeHugoProject(dir: string, floorDir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  const content = join(dir, 'content', 'p');
  mkdirSync(content, { recursive: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n");
  writeFileSync(join(dir, 'layouts', '_default', 'single.html'), '<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><nav><a href="/">Home</a></nav><main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n');
  writeFileSync(join(dir, 'layouts', '_default', 'list.html'), '<html lang="en"><body>{{ .Title }}</body></html>\n');
  for (let i = 0; i < pages; i++) writeFileSync(join(content, `page-${i}.md`), readFileSync(join(floorDir, 'entries', `page-${i}.md`)));
}
