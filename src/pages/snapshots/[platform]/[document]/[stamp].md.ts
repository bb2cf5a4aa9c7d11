/**
 * A capture's text (every capture, whether a version or not), byte for byte as hashed, so `sha256sum` on the
 * download matches the SHA-256 on its pages. The bytes are re-read from the
 * file and re-hashed here: a text that no longer matches fails the build.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentFile, contentRoot } from '../../../../atlas/reading/content-layout.ts';
import type { SnapshotView } from '../../../../atlas/model/model.ts';
import { sha256, splitSnapshotFile } from '../../../../atlas/reading/snapshot-file.ts';
import { publishedCaptures } from '../../../../atlas/outputs/version-pages.ts';
import { atlas } from '../../../../lib/atlas.ts';

export const getStaticPaths = (() =>
  publishedCaptures(atlas).map((snapshot) => {
    const [platform, document] = snapshot.documentKey.split('/');
    return { params: { platform, document, stamp: snapshot.stamp }, props: { snapshot } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ snapshot: SnapshotView }> = ({ props: { snapshot } }) => {
  const file = contentFile(contentRoot(), 'snapshot', `${snapshot.documentKey}/${snapshot.stamp}`);
  const body = splitSnapshotFile(readFileSync(file))?.body;
  if (!body) throw new Error(`${snapshot.file}: expected front matter between --- lines, found none`);
  const actual = sha256(body);
  if (actual !== snapshot.data.sha256) throw new Error(`${snapshot.file} sha256: expected ${snapshot.data.sha256}, found ${actual}; snapshot files are never edited`);
  // A copy as a plain Uint8Array: the Response type does not take a Node Buffer.
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
