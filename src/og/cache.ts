/**
 * The OG image cache: one `<hash>.png` per distinct card, where the hash is a
 * SHA-256 of everything that decides the pixels (card data plus the render
 * fingerprint). An unchanged card is found here and never rendered again;
 * files are written atomically, so a crashed or concurrent build never leaves
 * half a PNG under a valid name.
 */
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../support/atomic-write.ts';
import type { CardData } from './card.ts';
import type { RenderFingerprint } from './render.ts';

/** Where cards are cached unless a caller says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/clause-atlas-og';

export function resolveCacheDir(cacheDir: string = DEFAULT_CACHE_DIR): string {
  return resolve(cacheDir);
}

/** JSON with object keys sorted at every level, so key order never changes a hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The cache key of a card: hex SHA-256 of the card data and the render fingerprint. */
export function cardHash(card: CardData, fingerprint: RenderFingerprint): string {
  return createHash('sha256').update(canonicalJson({ card, fingerprint })).digest('hex');
}

export function cachePath(cacheDir: string, hash: string): string {
  return join(cacheDir, `${hash}.png`);
}

/** The cached PNG's path, or undefined when the card has not been rendered yet. */
export async function lookup(cacheDir: string, hash: string): Promise<string | undefined> {
  const path = cachePath(cacheDir, hash);
  try {
    await access(path);
    return path;
  } catch {
    return undefined;
  }
}

/** Stores a rendered PNG under its hash and returns its path. */
export async function store(cacheDir: string, hash: string, png: Uint8Array): Promise<string> {
  const path = cachePath(cacheDir, hash);
  await writeFileAtomic(path, png);
  return path;
}
