/**
 * The Open Terms Archive importer (scripts/lib/import-ota.ts, CLI scripts/import-ota.ts).
 * Every test works on copies in a temp folder; the repository's content/ is never touched.
 * Fixture: tests/fixtures/ota/ — a dataset (Acme with two terms types, OldAcme whose
 * privacy policy precedes Acme's), its import map and a site.yaml.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importOta, type ImportOptions } from '../../scripts/lib/import-ota.ts';
import { FileExistsError, writeFileAtomic, writeFileExclusive } from '../../src/support/atomic-write.ts';
import { appendLedgerRecords, nextRecordNumber, readLedgerFile } from '../../src/atlas/reading/ledger-file.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { documentSchema } from '../../src/schema/document.ts';
import { ledgerSchema } from '../../src/schema/ledger.ts';
import { platformSchema } from '../../src/schema/platform.ts';
import { snapshotSchema, type SnapshotData } from '../../src/schema/snapshot.ts';

import { commitAsBase } from '../support/git-repo.ts';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(repo, 'tests/fixtures/ota');
const version = (JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
let dataset: string;
let content: string;
let map: string;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'import-ota-'));
  dataset = join(tmp, 'dataset');
  content = join(tmp, 'content');
  map = join(tmp, 'map.yaml');
  await cp(join(fixture, 'dataset'), dataset, { recursive: true });
  await mkdir(content);
  await cp(join(fixture, 'site.yaml'), join(content, 'site.yaml'));
  await cp(join(fixture, 'map.yaml'), map);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const run = (extra: Partial<ImportOptions> & { dryRun?: boolean } = {}) => importOta({ datasetDir: dataset, contentDir: content, mapFile: map, ...extra });

/** Every file under a folder, by relative path, with its bytes as hex digest. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = sha256(await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

async function readSnapshot(platform: string, document: string, stamp: string) {
  const raw = await readFile(join(content, 'snapshots', platform, document, `${stamp}.md`));
  const parts = splitSnapshotFile(raw);
  expect(parts).not.toBeNull();
  const data = snapshotSchema.parse(parseYaml(parts!.frontMatter)) as SnapshotData;
  return { data, body: parts!.body };
}

const yamlFile = async (path: string): Promise<unknown> => parseYaml(await readFile(path, 'utf8'));

describe('import-ota: creating entries and snapshots', () => {
  it('creates platform, document, ledger and snapshot files with correct front matter', async () => {
    const result = await run();
    expect(result.plan.problems).toEqual([]);
    expect(result.plan.platforms.create.map((f) => relative(content, f.path))).toEqual(['platforms/acme.yaml']);
    expect(result.plan.documents.create).toHaveLength(3);
    expect(result.plan.snapshots.create).toHaveLength(6);

    const platform = platformSchema.parse(await yamlFile(join(content, 'platforms/acme.yaml')));
    expect(platform).toMatchObject({ name: 'Acme', headquarters: 'DE', formerly: [{ name: 'Old Acme', until: '2022-12-31' }] });

    // IDs follow the dataset order (service, then terms type) with the site's prefix.
    const privacy = documentSchema.parse(await yamlFile(join(content, 'documents/acme/privacy-policy.yaml')));
    const terms = documentSchema.parse(await yamlFile(join(content, 'documents/acme/terms.yaml')));
    const old = documentSchema.parse(await yamlFile(join(content, 'documents/acme/old-privacy-policy.yaml')));
    expect([privacy.id, terms.id, old.id]).toEqual(['FX-D-00001', 'FX-D-00002', 'FX-D-00003']);
    expect(privacy).toMatchObject({ title: 'Acme Privacy Policy', type: 'Privacy Policy', source_url: 'https://acme.example/privacy', language: 'en', capture: { select: 'main' } });
    expect(terms.capture).toEqual({ select: ['main', 'article'], remove: 'nav' });

    const ledger = ledgerSchema.parse(await yamlFile(join(content, 'ledger.yaml')));
    expect(ledger.records).toEqual([
      { id: 'FX-D-00001', kind: 'document', paths: ['/platform/acme/privacy-policy/'] },
      { id: 'FX-D-00002', kind: 'document', paths: ['/platform/acme/terms/'] },
      { id: 'FX-D-00003', kind: 'document', paths: ['/platform/acme/old-privacy-policy/'] },
    ]);

    const { data, body } = await readSnapshot('acme', 'terms', '2023-01-05T10-20-30Z');
    const original = await readFile(join(dataset, 'Acme/Terms of Service/2023-01-05T10-20-30Z.md'));
    expect(body.equals(original)).toBe(true);
    expect(data).toEqual({
      captured_at: '2023-01-05T10:20:30Z',
      source_url: 'https://acme.example/terms',
      sha256: sha256(original),
      archive_url: 'https://web.archive.org/web/20230105102030/https://acme.example/terms',
      obtained: { method: 'import', tool: `clause-atlas import-ota ${version}`, dataset: 'Fixture dataset, via Open Terms Archive — test only' },
      substantive: true,
    });
    // Files at the top of the dataset (SOURCE-README.md) are not imported.
    expect(Object.keys(await tree(content)).some((p) => p.includes('SOURCE'))).toBe(false);
  });

  it('stores each body byte for byte: its SHA-256 equals the front matter hash', async () => {
    await run();
    const files = Object.keys(await tree(content)).filter((p) => p.startsWith('snapshots/'));
    expect(files).toHaveLength(6);
    for (const file of files) {
      const parts = splitSnapshotFile(await readFile(join(content, file)))!;
      const data = snapshotSchema.parse(parseYaml(parts.frontMatter));
      expect(sha256(parts.body)).toBe(data.sha256);
    }
  });

  it('marks a version that differs only in whitespace or Markdown emphasis as not substantive', async () => {
    await run();
    const flags = async (doc: string, stamps: string[]) =>
      Promise.all(stamps.map(async (stamp) => (await readSnapshot('acme', doc, stamp)).data.substantive));
    // OldAcme: its first version is substantive (first of the history), the second changed the text.
    expect(await flags('old-privacy-policy', ['2022-01-01T00-00-00Z', '2022-06-01T08-00-00Z'])).toEqual([true, true]);
    // Acme: the first version equals the predecessor's last one, the second only re-wraps and
    // changes **emphasis** to _emphasis_, the third changes the words.
    expect(await flags('privacy-policy', ['2023-01-01T00-00-00Z', '2023-02-01T12-30-00Z', '2023-03-01T00-00-00Z'])).toEqual([false, false, true]);
  });

  it('compares with already-imported snapshots of the document', async () => {
    // First import only the first Acme version, then the rest.
    const later = join(tmp, 'later');
    await mkdir(later);
    for (const stamp of ['2023-02-01T12-30-00Z', '2023-03-01T00-00-00Z']) {
      await cp(join(dataset, 'Acme/Privacy Policy', `${stamp}.md`), join(later, `${stamp}.md`));
      await rm(join(dataset, 'Acme/Privacy Policy', `${stamp}.md`));
    }
    expect((await run()).written.length).toBeGreaterThan(0);
    await cp(later, join(dataset, 'Acme/Privacy Policy'), { recursive: true });
    const second = await run();
    expect(second.plan.problems).toEqual([]);
    expect(second.plan.snapshots.create).toHaveLength(2);
    expect((await readSnapshot('acme', 'privacy-policy', '2023-02-01T12-30-00Z')).data.substantive).toBe(false);
    expect((await readSnapshot('acme', 'privacy-policy', '2023-03-01T00-00-00Z')).data.substantive).toBe(true);
  });

  it('reports what a dry run would write and writes nothing', async () => {
    const before = await tree(content);
    const result = await run({ dryRun: true });
    expect(result.plan.problems).toEqual([]);
    expect(result.written).toEqual([]);
    expect(result.plan.snapshots.create).toHaveLength(6);
    expect(result.plan.ledger.append).toHaveLength(3);
    expect(await tree(content)).toEqual(before);
  });
});

describe('import-ota: predecessors', () => {
  it('gives the successor created in the same run its predecessor', async () => {
    await run();
    const privacy = documentSchema.parse(await yamlFile(join(content, 'documents/acme/privacy-policy.yaml')));
    expect(privacy.predecessor).toBe('acme/old-privacy-policy');
    const old = documentSchema.parse(await yamlFile(join(content, 'documents/acme/old-privacy-policy.yaml')));
    expect(old.predecessor).toBeUndefined();
  });

  it('does not rewrite an existing successor; it reports the line to add by hand', async () => {
    const path = join(content, 'documents/acme/privacy-policy.yaml');
    const existing = 'id: FX-D-00001\ntitle: Acme Privacy Policy\ntype: Privacy Policy\nsource_url: https://acme.example/privacy\ncapture:\n  select: main\n';
    await mkdir(join(content, 'documents/acme'), { recursive: true });
    await writeFile(path, existing);
    await writeFile(join(content, 'ledger.yaml'), 'records:\n  - id: FX-D-00001\n    kind: document\n    paths:\n      - /platform/acme/privacy-policy/\n');
    const result = await run();
    expect(result.plan.problems).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe(existing);
    expect(result.plan.documents.existing).toEqual([path]);
    expect(result.plan.notes).toContainEqual(`${path}: add \`predecessor: acme/old-privacy-policy\` by hand (existing entries are never rewritten by the import)`);
    // The existing entry keeps its ID; new ones continue after it.
    const old = documentSchema.parse(await yamlFile(join(content, 'documents/acme/old-privacy-policy.yaml')));
    expect(old.id).toBe('FX-D-00003');
  });
});

describe('import-ota: idempotence and never overwriting', () => {
  it('writes nothing on a second run and leaves every file byte-identical', async () => {
    const first = await run();
    expect(first.written.length).toBe(1 + 3 + 1 + 6);
    const before = await tree(content);
    const second = await run();
    expect(second.plan.problems).toEqual([]);
    expect(second.written).toEqual([]);
    expect(second.plan.snapshots.existing).toHaveLength(6);
    expect(second.plan.platforms.existing).toHaveLength(1);
    expect(second.plan.documents.existing).toHaveLength(3);
    expect(second.plan.ledger.append).toEqual([]);
    expect(await tree(content)).toEqual(before);
  });

  it('refuses to overwrite a snapshot whose body differs from the dataset file, and writes nothing', async () => {
    const snapshot = join(content, 'snapshots/acme/terms/2023-01-05T10-20-30Z.md');
    await mkdir(join(content, 'snapshots/acme/terms'), { recursive: true });
    await writeFile(snapshot, '---\nsubstantive: true\n---\nSomething else entirely.\n');
    const before = await tree(content);
    const result = await run();
    expect(result.written).toEqual([]);
    expect(result.plan.problems).toHaveLength(1);
    expect(result.plan.problems[0]).toMatch(new RegExp(`^${escape(snapshot)}: expected the same body as .*2023-01-05T10-20-30Z\\.md \\(sha256 [0-9a-f]{64}\\), found different bytes`));
    expect(await tree(content)).toEqual(before);
  });

  it('never replaces a file with writeFileExclusive; writeFileAtomic creates folders and replaces', async () => {
    const path = join(tmp, 'a/b/c.txt');
    await writeFileExclusive(path, 'one');
    await expect(writeFileExclusive(path, 'two')).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(path, 'utf8')).toBe('one');
    await writeFileAtomic(path, 'three');
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readdir(join(tmp, 'a/b'))).toEqual(['c.txt']); // no temp files left behind
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('import-ota --strict: bad input is reported with its path and nothing is written', () => {
  type Case = { name: string; setup: () => Promise<void>; expected: (() => RegExp) | (() => string) };
  const ds = (p: string) => join(dataset, p);
  const cases: Case[] = [
    {
      name: 'dataset path does not exist',
      setup: async () => rm(dataset, { recursive: true }),
      expected: () => `${dataset}: expected a dataset folder (<Service>/<Terms type>/<stamp>.md) or a clone of a *-versions repository, found nothing at this path`,
    },
    {
      name: 'dataset path is a file',
      setup: async () => {
        await rm(dataset, { recursive: true });
        await writeFile(dataset, 'not a folder');
      },
      expected: () => `${dataset}: expected a dataset folder (<Service>/<Terms type>/<stamp>.md) or a clone of a *-versions repository, found a file`,
    },
    {
      name: 'a version file with a bad name',
      setup: async () => writeFile(ds('Acme/Terms of Service/2023-01-05.md'), 'Text\n'),
      expected: () => `${ds('Acme/Terms of Service/2023-01-05.md')}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found "2023-01-05.md"`,
    },
    {
      name: 'a version file whose stamp is not a real date',
      setup: async () => writeFile(ds('Acme/Terms of Service/2023-02-30T00-00-00Z.md'), 'Text\n'),
      expected: () => `${ds('Acme/Terms of Service/2023-02-30T00-00-00Z.md')}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found "2023-02-30T00-00-00Z.md"`,
    },
    {
      name: 'an empty version file',
      setup: async () => writeFile(ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md'), ''),
      expected: () => `${ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md')}: expected the text of a version, found an empty file`,
    },
    {
      name: 'a version file with only whitespace',
      setup: async () => writeFile(ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md'), ' \n\n'),
      expected: () => `${ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md')}: expected the text of a version, found only whitespace`,
    },
    {
      name: 'a version file that is not UTF-8',
      setup: async () => writeFile(ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md'), Buffer.from([0x54, 0x65, 0x78, 0x74, 0xff, 0xfe, 0x0a])),
      expected: () => `${ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md')}: expected UTF-8 text, found bytes that are not valid UTF-8`,
    },
    {
      name: 'a service folder with no terms-type folders',
      setup: async () => mkdir(ds('Empty')),
      expected: () => `${ds('Empty')}: expected at least one terms-type folder (such as "Privacy Policy"), found an empty folder`,
    },
    {
      name: 'a terms-type folder with no versions',
      setup: async () => mkdir(ds('Acme/Cookies Policy')),
      expected: () => `${ds('Acme/Cookies Policy')}: expected at least one importable version <YYYY-MM-DDTHH-MM-SSZ>.md, found none`,
    },
    {
      name: 'a terms-type folder that is not an OTA terms type',
      setup: async () => {
        await mkdir(ds('Acme/privacy policy'));
        await writeFile(ds('Acme/privacy policy/2023-01-01T00-00-00Z.md'), 'Text\n');
      },
      expected: () => `${ds('Acme/privacy policy')}: expected a terms type of @opentermsarchive/terms-types as name (did you mean "Privacy Policy"?), found "privacy policy"`,
    },
    {
      name: 'a map file that does not exist',
      setup: async () => rm(map),
      expected: () => `${map}: expected an import map file, found nothing at this path`,
    },
    {
      name: 'a map file that is not valid YAML',
      setup: async () => writeFile(map, 'dataset: x\nservices: [unclosed\n'),
      expected: () => new RegExp(`^${escape(map)} \\(line \\d+\\): expected valid YAML, found `),
    },
    {
      name: 'a map field with a bad value',
      setup: async () => writeFile(map, (await readFile(map, 'utf8')).replace('slug: terms,', 'slug: Terms Of Use,')),
      expected: () => `${map}: services.Acme.documents."Terms of Service".slug: expected a lowercase slug (letters, digits, single hyphens), found "Terms Of Use"`,
    },
    {
      name: 'a map field that is missing',
      setup: async () => writeFile(map, (await readFile(map, 'utf8')).replace(/^dataset: .*\n/m, '')),
      expected: () => `${map}: dataset: expected text, found nothing (the field is missing)`,
    },
    {
      name: 'a map with an unknown terms type',
      setup: async () => writeFile(map, (await readFile(map, 'utf8')).replace('Terms of Service: {', 'Terms of Servise: {')),
      expected: () => `${map}: services.Acme.documents."Terms of Servise": expected a terms type of @opentermsarchive/terms-types such as "Privacy Policy" or "Terms of Service", found "Terms of Servise"`,
    },
    {
      name: 'a map whose successor does not exist',
      setup: async () => writeFile(map, (await readFile(map, 'utf8')).replace('successor: privacy-policy', 'successor: privacy')),
      expected: () => `${map}: services.OldAcme.documents."Privacy Policy".successor: expected acme/privacy to exist (${join(content, 'documents/acme/privacy.yaml')}) or to be imported in this run, found neither`,
    },
    {
      name: 'a platform to create without platform_entry',
      setup: async () => writeFile(map, (await readFile(map, 'utf8')).replace(/ {4}platform_entry:\n(?: {6}.*\n)+/, '')),
      expected: () => `${map}: services.Acme, services.OldAcme: expected platform_entry (name, website, headquarters, description) because ${join(content, 'platforms/acme.yaml')} does not exist, found none`,
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, async () => {
      await testCase.setup();
      const before = await tree(content);
      const result = await run({ strict: true });
      const expected = testCase.expected();
      if (typeof expected === 'string') expect(result.plan.problems).toContainEqual(expected);
      else expect(result.plan.problems.some((p) => expected.test(p)), result.plan.problems.join('\n')).toBe(true);
      expect(result.written).toEqual([]);
      expect(await tree(content)).toEqual(before);
    });
  }

  it('reports every problem of a run at once', async () => {
    await writeFile(ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md'), '');
    await writeFile(ds('Acme/Terms of Service/notes.txt'), 'x');
    await mkdir(ds('Empty'));
    await writeFile(map, (await readFile(map, 'utf8')).replace('slug: terms,', 'slug: Terms Of Use,'));
    const result = await run({ strict: true });
    expect(result.plan.problems).toEqual([
      `${ds('Acme/Terms of Service/2023-06-01T00-00-00Z.md')}: expected the text of a version, found an empty file`,
      `${ds('Acme/Terms of Service/notes.txt')}: expected a version file named <YYYY-MM-DDTHH-MM-SSZ>.md with a real UTC date and time, found "notes.txt"`,
      `${ds('Empty')}: expected at least one terms-type folder (such as "Privacy Policy"), found an empty folder`,
      `${map}: services.Acme.documents."Terms of Service".slug: expected a lowercase slug (letters, digits, single hyphens), found "Terms Of Use"`,
    ]);
    expect(await readdir(content)).toEqual(['site.yaml']);
  });
});

describe('ledger: record IDs are never reused', () => {
  const withdrawn = [
    '# hand-written header comment',
    'records:',
    '  - id: FX-D-00001',
    '    kind: document',
    '    paths: [/platform/acme/gone/]',
    '  - id: FX-D-00007 # withdrawn, still counts',
    '    kind: document',
    '    paths:',
    '      - /platform/acme/also-gone/',
    '    withdrawn: { on: 2023-05-01, reason: Duplicate of another document }',
    '  - id: FX-P-000009',
    '    kind: clause',
    '    paths:',
    '      - /platform/acme/gone/some-clause/',
    '',
  ].join('\n');

  it('numbers new documents after the highest ID ever used, withdrawn ones included', async () => {
    await writeFile(join(content, 'ledger.yaml'), withdrawn);
    const ledger = await readLedgerFile(join(content, 'ledger.yaml'));
    expect(ledger.problems).toEqual([]);
    expect(nextRecordNumber(ledger.ledger, 'document')).toBe(8);
    expect(nextRecordNumber(ledger.ledger, 'clause')).toBe(10);

    const result = await run();
    expect(result.plan.problems).toEqual([]);
    expect(result.plan.ledger.append.map((r) => r.id)).toEqual(['FX-D-00008', 'FX-D-00009', 'FX-D-00010']);
    const text = await readFile(join(content, 'ledger.yaml'), 'utf8');
    expect(text.startsWith(withdrawn)).toBe(true); // existing records kept byte for byte, in order
    const parsed = ledgerSchema.parse(parseYaml(text));
    expect(parsed.records.map((r) => r.id)).toEqual(['FX-D-00001', 'FX-D-00007', 'FX-P-000009', 'FX-D-00008', 'FX-D-00009', 'FX-D-00010']);
  });

  it('counts IDs of existing document entries missing from the ledger', async () => {
    await mkdir(join(content, 'documents/other'), { recursive: true });
    await writeFile(join(content, 'documents/other/thing.yaml'), 'id: FX-D-00042\n');
    const result = await run();
    expect(result.plan.ledger.append.map((r) => r.id)).toEqual(['FX-D-00043', 'FX-D-00044', 'FX-D-00045']);
  });

  it('refuses a new document whose path a ledger record already had', async () => {
    await writeFile(join(content, 'ledger.yaml'), withdrawn.replace('/platform/acme/also-gone/', '/platform/acme/terms/'));
    const before = await tree(content);
    const result = await run();
    expect(result.plan.problems).toContainEqual(expect.stringContaining(`${join(content, 'ledger.yaml')}: expected the path /platform/acme/terms/ of the new document acme/terms to be unused, found it in record FX-D-00007`));
    expect(await tree(content)).toEqual(before);
  });

  it('rel-06: skips an ID that a committed ledger held, even after its record was removed', async () => {
    await writeFile(join(content, 'ledger.yaml'), withdrawn);
    await commitAsBase(content);
    await writeFile(join(content, 'ledger.yaml'), withdrawn.replace(/  - id: FX-D-00007[\s\S]*?withdrawn: .*\n/, ''));
    const result = await run();
    expect(result.plan.problems).toEqual([]);
    expect(result.plan.ledger.append.map((r) => r.id)).toEqual(['FX-D-00008', 'FX-D-00009', 'FX-D-00010']);
  });

  it('rel-08: two imports at once take turns on the ledger: one writes, the other finds it all done', async () => {
    const results = await Promise.all([run(), run()]);
    const ids = ledgerSchema.parse(parseYaml(await readFile(join(content, 'ledger.yaml'), 'utf8'))).records.map((r) => r.id);
    expect(ids).toEqual(['FX-D-00001', 'FX-D-00002', 'FX-D-00003']);
    expect(results.map((r) => r.plan.problems)).toEqual([[], []]);
    expect(results.map((r) => r.plan.ledger.append.length).sort()).toEqual([0, 3]);
  });

  it('takes the ledger lock in a content folder that does not exist yet, and reports what is missing there', async () => {
    const result = await run({ contentDir: join(tmp, 'none-yet') });
    expect(result.written).toEqual([]);
    expect(result.plan.problems).toContainEqual(`${join(tmp, 'none-yet/site.yaml')}: expected the site settings (id_prefix names new record IDs), found nothing at this path`);
    expect(await readdir(join(tmp, 'none-yet'))).toEqual([]);
  });

  it('creates a missing ledger and appends to an empty one', async () => {
    const path = join(tmp, 'l/ledger.yaml');
    expect((await readLedgerFile(path)).ledger).toEqual({ records: [] });
    await appendLedgerRecords(path, [{ id: 'FX-D-00001', kind: 'document', paths: ['/platform/a/b/'] }]);
    await writeFile(path, 'records: []\n');
    await appendLedgerRecords(path, [{ id: 'FX-D-00002', kind: 'document', paths: ['/platform/a/c/'] }]);
    expect(ledgerSchema.parse(parseYaml(await readFile(path, 'utf8'))).records.map((r) => r.id)).toEqual(['FX-D-00002']);
  });

  it('reports an invalid ledger with its path and writes nothing', async () => {
    await writeFile(join(content, 'ledger.yaml'), 'records:\n  - id: nope\n    kind: document\n    paths: [/a/]\n');
    const before = await tree(content);
    const result = await run();
    expect(result.plan.problems).toContainEqual(`${join(content, 'ledger.yaml')}: records.0.id: expected a record ID such as CA-P-000001, found "nope"`);
    expect(await tree(content)).toEqual(before);
  });
});

describe('import-ota CLI', () => {
  const exec = promisify(execFile);
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/import-ota.ts'), ...args], { cwd: tmp });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('exits 2 on usage errors, 1 on problems and 0 with a summary on success', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli([dataset, '--nope'])).code).toBe(2);
    const bad = await cli([join(tmp, 'missing'), '--content', content, '--map', map]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${join(tmp, 'missing')}: expected a dataset folder`);
    const ok = await cli([dataset, '--content', content, '--map', map]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('platforms: 1 created, 0 already present');
    expect(ok.stdout).toContain('documents: 3 created, 0 already present');
    expect(ok.stdout).toContain('snapshots: 6 written, 0 already present (skipped)');
    const again = await cli([dataset, '--content', content, '--map', map]);
    expect(again.stdout).toContain('snapshots: 0 written, 6 already present (skipped)');
    expect((await stat(join(content, 'ledger.yaml'))).isFile()).toBe(true);
  }, 30_000);
});
