/**
 * Writes every record's small files — `/r/<ID>/` redirect pages, citation
 * downloads, per-record API JSON and raw snapshot texts
 * (src/atlas/outputs/record-files.ts says which) — in one streamed, atomic
 * pass instead of as thousands of Astro routes
 * (docs/decisions/0006-record-files-outside-routes.md). The pass starts once
 * Astro has written the pages (astro:build:generated), so its file-system
 * work overlaps the OG images and the search index (Pagefind indexes in a
 * process of its own), and is awaited at astro:build:done, after the search
 * index (this integration comes after it). A file that cannot be made, such
 * as a snapshot whose text no longer matches its SHA-256, fails the build,
 * naming the file and its record.
 *
 * The dev server serves the same files from the model, with their media types.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAtlasOnce } from '../atlas/index.ts';
import { recordFiles, type RecordFile, type RecordFileOptions } from '../atlas/outputs/record-files.ts';
import { pagePolicy } from '../atlas/outputs/security-headers.ts';
import { writeFiles } from '../support/write-files.ts';
import { recordTiming } from './timings.ts';

export default function recordFilesIntegration({ contentRoot }: { contentRoot: string }): AstroIntegration {
  let options: RecordFileOptions | undefined;
  let writing: Promise<{ files: number; ms: number }> | undefined;
  const filesOf = () => {
    if (!options) throw new Error('src/integrations/record-files.ts: expected the config to be resolved (astro:config:done), found it not yet');
    return recordFiles(loadAtlasOnce(contentRoot).atlas, options);
  };
  // The dev server looks files up by path; the list holds no contents, and the atlas is loaded once per server.
  let bySitePath: Map<string, RecordFile> | undefined;
  const fileAt = (sitePath: string) => (bySitePath ??= new Map(Array.from(filesOf(), (file) => [file.sitePath, file]))).get(sitePath);
  return {
    name: 'clause-atlas:record-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The one definition of the policy, as ContentSecurityPolicy.astro reads it.
        options = { contentRoot, policy: pagePolicy(readFileSync(new URL('_headers', config.publicDir), 'utf8')) };
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split(/[?#]/)[0] ?? '');
          const found = fileAt(path);
          if (!found) return next();
          Promise.resolve(found.contents()).then(
            (body) => {
              response.setHeader('Content-Type', found.mediaType);
              response.end(body);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:generated': ({ dir }) => {
        const started = performance.now();
        writing = writeFiles(fileURLToPath(dir), filesOf()).then(
          (files) => ({ files, ms: performance.now() - started }),
          (error: unknown) => {
            throw new Error(`record files: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
        // A failure is reported where the pass is awaited, at astro:build:done.
        writing.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!writing) throw new Error('src/integrations/record-files.ts: expected the pass started at astro:build:generated, found none');
        const { files, ms } = await writing;
        recordTiming('record-files', ms, { files });
        logger.info(`${files} record files (redirect pages, citations, API records, snapshot texts) in ${Math.round(ms)} ms, beside the OG images and the search index`);
      },
    },
  };
}
