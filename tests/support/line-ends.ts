/** Converts a content copy to Windows line ends, as Git for Windows checks files out with `core.autocrlf=true`. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rewrites every `.md`, `.mdx` and `.yaml` file under `root` with CRLF line
 * ends (and a UTF-8 BOM when `bom`), skipping snapshots unless `snapshots`.
 * Returns the paths changed, relative to `root`.
 */
export function toCrlf(root: string, options: { snapshots: boolean; bom?: boolean }): string[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .filter((path) => /\.(?:mdx?|yaml)$/.test(path) && (options.snapshots || !path.startsWith('snapshots/')));
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8').replace(/\r?\n/g, '\r\n');
    writeFileSync(join(root, file), `${options.bom ? '\uFEFF' : ''}${text}`);
  }
  return files;
}
