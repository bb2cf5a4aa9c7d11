/**
 * The floor for this stack: a plain Astro project with the same number of
 * trivial Markdown pages, built by the same Astro in the same run. It lives
 * inside the repository so it resolves this project's node_modules.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFloorProject(dir: string, pages: number): void {
  rmSync(dir, { recursive: true, force: true });
  const pagesDir = join(dir, 'src', 'pages', 'p');
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ telemetry: false });\n");
  for (let i = 0; i < pages; i++) {
    writeFileSync(join(pagesDir, `page-${i}.md`), `---\ntitle: Page ${i}\n---\n# Page ${i}\n\nA trivial page with one paragraph of text, number ${i}.\n`);
  }
}
