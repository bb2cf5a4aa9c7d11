/** Copies the fixture atlas to a temporary folder so a test can break it without touching the original. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_ATLAS = join(import.meta.dirname, '..', 'fixtures', 'atlas');

export interface FixtureCopy {
  root: string;
  /** Replaces the text of a file (relative to the copy's root). */
  write(path: string, text: string | Buffer): void;
  /** Edits a file's text with a function. */
  edit(path: string, change: (text: string) => string): void;
  remove(path: string): void;
  dispose(): void;
}

export function copyFixtureAtlas(): FixtureCopy {
  const root = join(mkdtempSync(join(tmpdir(), 'atlas-fixture-')), 'content');
  cpSync(FIXTURE_ATLAS, root, { recursive: true });
  return {
    root,
    write: (path, text) => writeFileSync(join(root, path), text),
    edit: (path, change) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8'))),
    remove: (path) => rmSync(join(root, path), { recursive: true }),
    dispose: () => rmSync(join(root, '..'), { recursive: true, force: true }),
  };
}
