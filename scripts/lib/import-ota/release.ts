/**
 * Reads an Open Terms Archive dataset release: `<Service>/<Terms type>/<YYYY-MM-DDTHH-MM-SSZ>.md`,
 * each file one version named by its capture instant. Files directly in the
 * release folder (README.md, LICENSE) and names starting with "." are ignored.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byName, isRealStamp, kindOf, versionText, type Dataset, type DatasetService, type DatasetTerms } from './dataset.ts';

const STAMP_FILE = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z)\.md$/;

const visible = async (dir: string) => (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort(byName);

/** Reads a release folder. Versions that cannot be imported go to `skipped`; only a missing or empty release is a problem. */
export async function readRelease(dir: string): Promise<Dataset> {
  const dataset: Dataset = { layout: 'release', services: [], skipped: [], problems: [] };
  const { skipped } = dataset;
  const kind = await kindOf(dir);
  if (kind !== 'folder') {
    dataset.problems.push(`${dir}: expected a dataset folder (<Service>/<Terms type>/<stamp>.md) or a clone of a *-versions repository, found ${kind === null ? 'nothing at this path' : `a ${kind}`}`);
    return dataset;
  }
  for (const serviceEntry of await visible(dir)) {
    if (!serviceEntry.isDirectory()) continue; // SOURCE-README.md, SOURCE-LICENSE, …
    const serviceDir = join(dir, serviceEntry.name);
    const service: DatasetService = { name: serviceEntry.name, dir: serviceDir, terms: [] };
    const entries = await visible(serviceDir);
    if (entries.length === 0) skipped.push({ path: serviceDir, reason: 'expected at least one terms-type folder (such as "Privacy Policy"), found an empty folder' });
    for (const entry of entries) {
      const termsDir = join(serviceDir, entry.name);
      if (!entry.isDirectory()) {
        skipped.push({ path: termsDir, reason: 'expected a terms-type folder (such as "Privacy Policy"), found a file' });
        continue;
      }
      const terms: DatasetTerms = { type: entry.name, dir: termsDir, versions: [] };
      for (const file of await visible(termsDir)) {
        const path = join(termsDir, file.name);
        const stamp = STAMP_FILE.exec(file.name)?.[1];
        if (!file.isFile()) {
          skipped.push({ path, reason: `expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md, found a ${file.isDirectory() ? 'folder' : 'special file'}` });
        } else if (stamp === undefined || !isRealStamp(stamp)) {
          skipped.push({ path, reason: `expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found ${JSON.stringify(file.name)}` });
        } else {
          let bytes: Buffer;
          try {
            bytes = await readFile(path);
          } catch (error) {
            skipped.push({ path, reason: `expected a readable file, found ${(error as Error).message}` });
            continue;
          }
          const read = versionText(bytes);
          if ('reason' in read) skipped.push({ path, reason: read.reason });
          else terms.versions.push({ stamp, path, bytes });
        }
      }
      if (terms.versions.length === 0) skipped.push({ path: termsDir, reason: 'expected at least one importable version <YYYY-MM-DDTHH-MM-SSZ>.md, found none' });
      else service.terms.push(terms);
    }
    if (service.terms.length > 0) dataset.services.push(service);
  }
  if (dataset.services.length === 0) dataset.problems.push(`${dir}: expected at least one service folder with importable versions, found none`);
  return dataset;
}
