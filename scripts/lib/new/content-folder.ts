/**
 * What a content folder already holds, as far as `npm run new` needs to know:
 * the keys of platforms, documents and clause types (to check references and
 * suggest near misses), the record IDs written in entry files (so a new ID is
 * never one already taken) or ever committed to the ledger (so an ID removed
 * from it is not handed out again), the newest snapshot of a document (to point at
 * where a quote comes from) and the atlas's ID prefix.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CONTENT_FILES, CONTENT_LAYOUT, contentFile, contentFolder } from '../../../src/atlas/reading/content-layout.ts';
import { siteSchema } from '../../../src/schema/site.ts';
import { snapshotStamp } from '../../../src/schema/snapshot.ts';
import { recordIdsInLedgerHistory } from '../ledger-history.ts';

/** A refusal: nothing was written; the message is one line naming the file or option, what was expected and what was found. */
export class NewEntryError extends Error {
  override name = 'NewEntryError';
}

/** A path as the user should read it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split('\\').join('/') : path;
}

/** Names in a folder (sorted, hidden ones skipped); [] when the folder does not exist. */
async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Keys of `<dir>/<key><extension>` files. */
async function keys(dir: string, extension: string): Promise<string[]> {
  return (await list(dir)).filter((name) => name.endsWith(extension)).map((name) => name.slice(0, -extension.length));
}

/** An `id:` line at the top level of an entry's YAML; read loosely so even an entry that fails its schema keeps its ID taken. */
const idLine = /^id:[ \t]*(['"]?)([A-Z][A-Z0-9]{1,9}-[PD]-\d{5,6})\1[ \t]*(?:#.*)?$/m;

export class ContentFolder {
  constructor(readonly root: string) {}

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  platforms(): Promise<string[]> {
    return keys(contentFolder(this.root, 'platform'), CONTENT_LAYOUT.platform.extensions[0]);
  }

  /** Document keys, `<platform>/<document>`. */
  async documents(): Promise<string[]> {
    const out: string[] = [];
    for (const platform of await list(contentFolder(this.root, 'document'))) {
      for (const document of await keys(contentFolder(this.root, 'document', platform), CONTENT_LAYOUT.document.extensions[0])) out.push(`${platform}/${document}`);
    }
    return out;
  }

  clauseTypes(): Promise<string[]> {
    return keys(contentFolder(this.root, 'clauseType'), CONTENT_LAYOUT.clauseType.extensions[0]);
  }

  /** Path of a document's newest snapshot, or undefined when it has none yet. */
  async newestSnapshot(documentKey: string): Promise<string | undefined> {
    const stamps = (await keys(contentFolder(this.root, 'snapshot', documentKey), CONTENT_LAYOUT.snapshot.extensions[0])).filter((stamp) => snapshotStamp.test(stamp));
    const newest = stamps.at(-1);
    return newest === undefined ? undefined : contentFile(this.root, 'snapshot', `${documentKey}/${newest}`);
  }

  /** Record IDs written in document and clause entries (which may not all be in the ledger yet). */
  async recordIdsInEntries(): Promise<string[]> {
    const files: string[] = [];
    for (const document of await this.documents()) files.push(contentFile(this.root, 'document', document));
    for (const platform of await list(contentFolder(this.root, 'clause'))) {
      for (const document of await list(contentFolder(this.root, 'clause', platform))) {
        const dir = contentFolder(this.root, 'clause', `${platform}/${document}`);
        for (const name of await list(dir)) if (/\.mdx?$/.test(name)) files.push(join(dir, name));
      }
    }
    const ids: string[] = [];
    for (const file of files) {
      const id = idLine.exec(await readFile(file, 'utf8'))?.[2];
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  /**
   * Record IDs in any committed version of the ledger, when the folder is in a
   * git repository (else none): a record removed from the ledger keeps its ID
   * taken. (`npm run validate -- --since <base>` refuses the removal itself.)
   */
  recordIdsInLedgerHistory(): Promise<string[]> {
    return recordIdsInLedgerHistory(this.root);
  }

  /** The atlas's record ID prefix, from site.yaml. */
  async idPrefix(): Promise<string> {
    const file = this.path(CONTENT_FILES.site.file);
    let value: unknown;
    try {
      value = parseYaml(await readFile(file, 'utf8'));
    } catch (error) {
      const found = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.split('\n')[0];
      throw new NewEntryError(`${displayPath(file)}: expected the site settings (their id_prefix names new record IDs), found ${found}`);
    }
    const prefix = (value as { id_prefix?: unknown } | null)?.id_prefix;
    const parsed = siteSchema.shape.id_prefix.safeParse(prefix);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const expected = issue && issue.code !== 'invalid_type' ? issue.message : 'an ID prefix such as CA';
      throw new NewEntryError(`${displayPath(file)}: id_prefix: expected ${expected}, found ${JSON.stringify(prefix) ?? 'nothing'}`);
    }
    return parsed.data;
  }
}
