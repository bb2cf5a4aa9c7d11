/**
 * Importing an Open Terms Archive dataset release the atlas has no map for
 * (tests/fixtures/ota/unmapped): services become platforms, terms types
 * documents, unknown fields are left for a person, unreadable versions are
 * skipped and listed, and the map used can be written out and reused.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importOta, loadImportMap, writeImportMap } from '../../scripts/lib/import-ota.ts';
import { loadAtlas } from '../../src/atlas/index.ts';
import { splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';

const fixture = fileURLToPath(new URL('../fixtures/ota', import.meta.url));

let tmp: string;
let dataset: string;
let content: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'import-ota-unmapped-'));
  dataset = join(tmp, 'collection');
  content = join(tmp, 'content');
  await cp(join(fixture, 'unmapped'), dataset, { recursive: true });
  await mkdir(content);
  await cp(join(fixture, 'site.yaml'), join(content, 'site.yaml'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const run = (extra: { strict?: boolean; mapFile?: string; dryRun?: boolean } = {}) => importOta({ datasetDir: dataset, contentDir: content, tool: 'test', ...extra });
const yamlAt = async (path: string): Promise<unknown> => parseYaml(await readFile(join(content, path), 'utf8'));
const frontMatter = async (path: string): Promise<Record<string, unknown>> => parseYaml(splitSnapshotFile(await readFile(join(content, path)))?.frontMatter ?? '') as Record<string, unknown>;

describe('import-ota without a map', () => {
  it('creates a platform per service and a document per terms type, leaving unknown fields out', async () => {
    const { plan } = await run();
    expect(plan.problems).toEqual([]);
    expect(await yamlAt('platforms/globex.yaml')).toEqual({ name: 'Globex' });
    expect(await yamlAt('platforms/initech.yaml')).toEqual({ name: 'Initech' });
    expect(await yamlAt('documents/globex/privacy-policy.yaml')).toEqual({ id: 'FX-D-00001', title: 'Globex Privacy Policy', type: 'Privacy Policy', language: 'en' });
    expect(await yamlAt('documents/globex/terms-of-service.yaml')).toEqual({ id: 'FX-D-00002', title: 'Globex Terms of Service', type: 'Terms of Service', language: 'en' });
    expect(await yamlAt('documents/initech/community-guidelines.yaml')).toEqual({ id: 'FX-D-00003', title: 'Initech Community Guidelines', type: 'Community Guidelines', language: 'en' });
    expect(plan.unrecorded).toEqual([
      { path: join(content, 'documents/globex/privacy-policy.yaml'), fields: ['source_url', 'capture'] },
      { path: join(content, 'documents/globex/terms-of-service.yaml'), fields: ['source_url', 'capture'] },
      { path: join(content, 'documents/initech/community-guidelines.yaml'), fields: ['source_url', 'capture'] },
      { path: join(content, 'platforms/globex.yaml'), fields: ['website', 'headquarters', 'description'] },
      { path: join(content, 'platforms/initech.yaml'), fields: ['website', 'headquarters', 'description'] },
    ]);
  });

  it('imports every readable version, without a source URL it cannot know, and lists the skipped ones with the reason', async () => {
    const { plan } = await run();
    expect(plan.skipped).toEqual([
      { path: join(dataset, 'Globex/Privacy Policy/2023-03-01T00-00-00Z.md'), reason: 'expected the text of a version, found an empty file' },
      { path: join(dataset, 'Globex/Terms of Service/notes.md'), reason: 'expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found "notes.md"' },
    ]);
    expect(await readdir(join(content, 'snapshots/globex/privacy-policy'))).toEqual(['2023-01-01T00-00-00Z.md', '2023-02-01T00-00-00Z.md']);
    expect(await readdir(join(content, 'snapshots/globex/terms-of-service'))).toEqual(['2023-01-10T10-00-00Z.md']);
    expect(await readdir(join(content, 'snapshots/initech/community-guidelines'))).toEqual(['2024-05-05T05-05-05Z.md']);
    const second = await frontMatter('snapshots/globex/privacy-policy/2023-02-01T00-00-00Z.md');
    expect(second).toMatchObject({ captured_at: '2023-02-01T00:00:00Z', substantive: true, obtained: { method: 'import', tool: 'test', dataset: 'Fixture collection, via Open Terms Archive' } });
    expect(second).not.toHaveProperty('source_url');
    expect(second).not.toHaveProperty('archive_url');
  });

  it('passes validation with the unknown fields as warnings, not errors', async () => {
    await run();
    const { errors, warnings } = loadAtlas(content, { now: new Date('2026-01-01T00:00:00Z'), displayBase: content });
    expect(errors).toEqual([]);
    const unrecorded = warnings.filter((w) => w.found === 'nothing').map((w) => `${w.file} ${w.field}`);
    expect(unrecorded.sort()).toEqual(
      [
        'documents/globex/privacy-policy.yaml capture',
        'documents/globex/privacy-policy.yaml source_url',
        'documents/globex/terms-of-service.yaml capture',
        'documents/globex/terms-of-service.yaml source_url',
        'documents/initech/community-guidelines.yaml capture',
        'documents/initech/community-guidelines.yaml source_url',
        'platforms/globex.yaml description',
        'platforms/globex.yaml headquarters',
        'platforms/globex.yaml website',
        'platforms/initech.yaml description',
        'platforms/initech.yaml headquarters',
        'platforms/initech.yaml website',
      ],
    );
  });

  it('is idempotent: a second run writes nothing', async () => {
    await run();
    const again = await run();
    expect(again.plan.problems).toEqual([]);
    expect(again.written).toEqual([]);
    expect(again.plan.snapshots.existing).toHaveLength(4);
  });

  it('with --strict refuses the whole import and writes nothing', async () => {
    const { plan, written } = await run({ strict: true });
    expect(plan.problems).toEqual([
      `${join(dataset, 'Globex/Privacy Policy/2023-03-01T00-00-00Z.md')}: expected the text of a version, found an empty file`,
      `${join(dataset, 'Globex/Terms of Service/notes.md')}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found "notes.md"`,
    ]);
    expect(written).toEqual([]);
    expect(await readdir(content)).toEqual(['site.yaml']);
  });

  it('writes the map it used, which imports the same way when passed back', async () => {
    const { plan } = await run({ dryRun: true });
    const mapPath = join(tmp, 'used-map.yaml');
    await writeImportMap(mapPath, plan.map);
    await expect(writeImportMap(mapPath, plan.map)).rejects.toThrow();
    const loaded = await loadImportMap(mapPath);
    expect(loaded.problems).toEqual([]);
    expect(loaded.map?.services['Globex']).toEqual({
      platform: 'globex',
      platform_entry: { name: 'Globex', formerly: [] },
      documents: {
        'Privacy Policy': { slug: 'privacy-policy', title: 'Globex Privacy Policy', language: 'en' },
        'Terms of Service': { slug: 'terms-of-service', title: 'Globex Terms of Service', language: 'en' },
      },
    });
    const withMap = await run({ mapFile: mapPath });
    expect(withMap.plan.problems).toEqual([]);
    expect(withMap.plan.map).toEqual(plan.map);
    expect(await yamlAt('documents/globex/privacy-policy.yaml')).toEqual({ id: 'FX-D-00001', title: 'Globex Privacy Policy', type: 'Privacy Policy', language: 'en' });
  });
});

describe('import-ota without a map never guesses its way into a second record of a tracked history', () => {
  it('skips a service an existing platform is or was named, and imports the rest', async () => {
    await mkdir(join(content, 'platforms'));
    await writeFile(join(content, 'platforms/globex-corp.yaml'), 'name: Globex Corporation\nformerly: [{ name: Globex, until: "2022-01-01" }]\n');
    const { plan } = await run();
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toContainEqual({
      path: join(dataset, 'Globex'),
      reason: 'expected a map entry for a service that platform globex-corp is or was named ("Globex"), found none; map services.Globex to platform globex-corp and its documents',
    });
    expect(await readdir(join(content, 'platforms'))).toEqual(['globex-corp.yaml', 'initech.yaml']);
    expect((await run({ strict: true })).plan.problems).toContainEqual(expect.stringContaining(`${join(dataset, 'Globex')}: expected a map entry for a service`));
  });

  it('skips a terms type whose platform already has a document of that type under another slug', async () => {
    await mkdir(join(content, 'platforms'));
    await mkdir(join(content, 'documents/globex'), { recursive: true });
    await writeFile(join(content, 'platforms/globex.yaml'), 'name: Globex\n');
    await writeFile(join(content, 'documents/globex/privacy.yaml'), 'id: FX-D-00001\ntitle: Globex Privacy\ntype: Privacy Policy\n');
    await writeFile(join(content, 'ledger.yaml'), 'records:\n  - id: FX-D-00001\n    kind: document\n    paths: [/platform/globex/privacy/]\n');
    const { plan } = await run();
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toContainEqual({
      path: join(dataset, 'Globex/Privacy Policy'),
      reason: 'expected a map entry, because globex already has globex/privacy of type "Privacy Policy", found none; map services.Globex.documents."Privacy Policy" to that document\'s slug, or to a new one if it is another document',
    });
    expect((await readdir(join(content, 'documents/globex'))).sort()).toEqual(['privacy.yaml', 'terms-of-service.yaml']);
    expect(await yamlAt('documents/globex/terms-of-service.yaml')).toMatchObject({ id: 'FX-D-00002' });
  });
});

describe('import-ota without a map: a service with nothing to import', () => {
  it('creates no platform for a service whose every terms type is skipped', async () => {
    await rename(join(dataset, 'Initech/Community Guidelines'), join(dataset, 'Initech/House Rules'));
    const { plan } = await run();
    expect(plan.problems).toEqual([]);
    expect(plan.skipped).toContainEqual({ path: join(dataset, 'Initech/House Rules'), reason: 'expected a terms type of @opentermsarchive/terms-types as name (such as "Privacy Policy" or "Terms of Service"), found "House Rules"' });
    expect(await readdir(join(content, 'platforms'))).toEqual(['globex.yaml']);
  });
});

describe('import-ota CLI without a map', () => {
  const exec = promisify(execFile);
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const script = fileURLToPath(new URL('../../scripts/import-ota.ts', import.meta.url));
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(tsx, [script, ...args], { cwd: tmp });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('lists skipped versions and unrecorded fields, writes the map, and refuses all with --strict', async () => {
    const strict = await cli([dataset, '--content', content, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`${join(dataset, 'Globex/Privacy Policy/2023-03-01T00-00-00Z.md')}: expected the text of a version, found an empty file`);
    expect(await readdir(content)).toEqual(['site.yaml']);

    const taken = join(tmp, 'taken.yaml');
    await writeFile(taken, 'keep me\n');
    const refused = await cli([dataset, '--content', content, '--write-map', taken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('a map is never overwritten');
    expect(await readFile(taken, 'utf8')).toBe('keep me\n');
    expect(await readdir(content)).toEqual(['site.yaml']);

    const mapPath = join(tmp, 'written-map.yaml');
    const ok = await cli([dataset, '--content', content, '--write-map', mapPath]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('snapshots: 4 written, 0 already present (skipped)');
    expect(ok.stdout).toContain(`  ${join(dataset, 'Globex/Terms of Service/notes.md')}: expected a version file named`);
    expect(ok.stdout).toContain(`  ${join(content, 'platforms/globex.yaml')}: website, headquarters, description`);
    expect((await loadImportMap(mapPath)).map?.services['Initech']?.documents['Community Guidelines']?.title).toBe('Initech Community Guidelines');
  }, 60_000);
});
