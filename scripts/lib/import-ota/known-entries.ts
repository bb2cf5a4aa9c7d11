/**
 * The platforms and documents the content folder already has, as an import
 * without a map entry needs them: so that it never mints a permanent record for
 * a service or terms type the atlas already tracks under another name (Twitter,
 * now X; a privacy policy kept under another slug). Unreadable entries are left
 * out: the validator reports them.
 */
import { contentFolder } from '../../../src/atlas/reading/content-layout.ts';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readYamlFile } from './yaml-file.ts';

export interface KnownEntries {
  /** The platform slug whose `name` or one of whose `formerly` names is `name` (case-insensitive), with the name matched. */
  platformNamed(name: string): { platform: string; as: string } | undefined;
  /** Slugs of the platform's existing documents of an OTA terms type. */
  documentsOfType(platform: string, type: string): string[];
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
}

/** Reads `<content>/platforms/*.yaml` and `<content>/documents/<platform>/*.yaml` for names and types. */
export async function readKnownEntries(contentDir: string): Promise<KnownEntries> {
  const byName = new Map<string, { platform: string; as: string }>();
  for (const file of await yamlFiles(contentFolder(contentDir, 'platform'))) {
    const platform = file.slice(0, -'.yaml'.length);
    const value = (await readYamlFile(join(contentFolder(contentDir, 'platform'), file))).value as { name?: unknown; formerly?: unknown } | undefined;
    const formerly = Array.isArray(value?.formerly) ? value.formerly.map((f: { name?: unknown }) => f?.name) : [];
    for (const name of [value?.name, ...formerly]) {
      if (typeof name === 'string' && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), { platform, as: name });
    }
  }
  const types = new Map<string, string[]>();
  const platformDirs = await readdir(contentFolder(contentDir, 'document'), { withFileTypes: true }).catch(() => []);
  for (const platform of platformDirs.filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const file of await yamlFiles(contentFolder(contentDir, 'document', platform))) {
      const value = (await readYamlFile(join(contentFolder(contentDir, 'document', platform), file))).value as { type?: unknown } | undefined;
      if (typeof value?.type !== 'string') continue;
      const key = `${platform}\n${value.type}`;
      types.set(key, [...(types.get(key) ?? []), file.slice(0, -'.yaml'.length)]);
    }
  }
  return {
    platformNamed: (name) => byName.get(name.toLowerCase()),
    documentsOfType: (platform, type) => types.get(`${platform}\n${type}`) ?? [],
  };
}
