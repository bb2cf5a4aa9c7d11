/**
 * The open-data layer on the fixture atlas: values worked out by hand from the
 * fixture files (see model.test.ts for the facts), every published object
 * checked with ajv against the generated JSON Schema, the CSV read back with a
 * small RFC 4180 reader, and the whole output byte-identical across loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  apiClause,
  apiClauseType,
  apiDocument,
  apiIndex,
  apiPlatform,
  clauseColumns,
  clauseRows,
  clausesCsv,
  clausesJsonl,
  DATA_LICENCES,
  fieldDocs,
} from '../../src/atlas/outputs/exports.ts';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { jsonSchemas, schemaNames, type SchemaName } from '../../src/atlas/outputs/json-schema.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { versionContext } from '../../src/atlas/outputs/version-pages.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

const load = (root: string) => loadAtlas(root, { now: new Date('2026-01-01T00:00:00Z') }).atlas;
const atlas = load(FIXTURE_ATLAS);
const site = 'https://fixture.example';

function get<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`fixture has no ${String(key)}`);
  return value;
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const schemas = jsonSchemas();
const validators = new Map<SchemaName, ValidateFunction>(schemaNames.map((name) => [name, ajv.compile(schemas[name])]));
function expectValid(name: SchemaName, value: unknown, what: string): void {
  const validate = get(validators, name);
  expect(validate(value), `${what}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

/** Every published object of an atlas, named by the schema it must satisfy. */
function publishedObjects(a: Atlas): Array<[SchemaName, unknown, string]> {
  return [
    ['api-index', apiIndex(a), 'index'],
    ...a.platforms.map((p): [SchemaName, unknown, string] => ['api-platform', apiPlatform(a, p), p.slug]),
    ...a.documents.map((d): [SchemaName, unknown, string] => ['api-document', apiDocument(a, d), d.key]),
    ...a.clauses.map((c): [SchemaName, unknown, string] => ['api-clause', apiClause(a, c), c.key]),
    ...a.clauseTypes.map((t): [SchemaName, unknown, string] => ['api-clause-type', apiClauseType(a, t), t.key]),
    ...clausesJsonl(a)
      .split('\n')
      .filter(Boolean)
      .map((line, i): [SchemaName, unknown, string] => ['clause-row', JSON.parse(line), `atlas.jsonl line ${i + 1}`]),
  ];
}

/** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') (record.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (record.push(field), records.push(record), (record = []), (field = ''), i++);
    else if (ch === '\r' || ch === '\n') throw new Error(`bare line break outside quotes at ${i}`);
    else field += ch;
  }
  if (quoted || field !== '' || record.length) throw new Error('the last record does not end in CRLF');
  return records;
}

describe('the API index', () => {
  const index = apiIndex(atlas);
  it('counts every kind of record and dates the data by the newest capture', () => {
    expect(index.counts).toEqual({ platforms: 3, documents: 4, snapshots: 7, clauses: 4, negatives: 3, clause_types: 3, regulations: 2, agencies: 2 });
    expect(index.data_as_of).toBe('2024-03-01');
    expect(index.site).toEqual({ name: 'Fixture Atlas', url: site, publisher: 'Fixture publishers', id_prefix: 'FX' });
  });
  it('lists records by key with absolute page and API URLs', () => {
    expect(index.platforms.map((p) => p.key)).toEqual(['acme', 'birdy', 'quiet']);
    expect(index.documents.map((d) => d.id)).toEqual(['FX-D-00001', 'FX-D-00002', 'FX-D-00003', 'FX-D-00004']);
    expect(index.clauses.map((c) => c.id)).toEqual(['FX-P-000002', 'FX-P-000001', 'FX-P-000003', 'FX-P-000004']);
    expect(index.clause_types.map((t) => t.key)).toEqual(['ai-training', 'arbitration', 'data-retention']);
    expect(index.clauses[2]).toEqual({
      key: 'acme/terms-of-service/arbitration',
      id: 'FX-P-000003',
      title: 'Disputes go to binding arbitration',
      severity: 'high',
      url: `${site}/platform/acme/terms-of-service/arbitration/`,
      api_url: `${site}/api/v1/clauses/acme/terms-of-service/arbitration.json`,
    });
    expect(index.downloads.csv).toBe(`${site}/data/clauses.csv`);
    expect(index.downloads.schemas['clause-row']).toBe(`${site}/data/schema/clause-row.json`);
  });
  it('states the licences', () => {
    expect(index.licences).toEqual(DATA_LICENCES);
    expect(DATA_LICENCES.analysis).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(DATA_LICENCES.snapshots.credit).toBe('Platform Governance Archive, University of Bremen, via Open Terms Archive');
  });
});

describe('an API clause', () => {
  it('carries the stability of a quote that was reworded and then removed, across a predecessor', () => {
    const clause = apiClause(atlas, get(atlas.clauseByKey, 'acme/privacy-policy/message-retention'));
    expect(clause.stability).toMatchObject({ first_seen: '2022-01-01', last_seen: '2023-08-01', still_present: false, gone_since: '2024-03-01', changes: 2, present_in: 3 });
    expect(clause.stability.timeline.map((e) => [e.kind, e.document, e.stamp])).toEqual([
      ['appeared', 'acme/old-privacy-policy', '2022-01-01T00-00-00Z'],
      ['reworded', 'acme/privacy-policy', '2023-08-01T00-00-00Z'],
      ['removed', 'acme/privacy-policy', '2024-03-01T00-00-00Z'],
    ]);
    expect(clause.stability.timeline[0]?.captured_at).toBe('2022-01-01T00:00:00Z');
    // Cited against the last version that still had the quote.
    expect(clause.cited_snapshot).toEqual({
      document: 'acme/privacy-policy',
      stamp: '2023-08-01T00-00-00Z',
      captured_at: '2023-08-01T00:00:00Z',
      sha256: '7a23bd0fc8a6412d92ddbffe4ed30f35b0c052db7bc528e82fca3fdb662224a0',
      archive_url: 'https://web.archive.org/web/20230801000000/https://acme.example/privacy',
      raw_url: `${site}/snapshots/acme/privacy-policy/2023-08-01T00-00-00Z.md`,
    });
    expect(clause.rarity).toEqual({ platforms: 1, has_not: 0, unknown: 2, total: 3, share: 1 / 3, label: 'Uncommon' });
    expect(clause.permanent_url).toBe(`${site}/r/FX-P-000001/`);
    expect(clause.url).toBe(`${site}/platform/acme/privacy-policy/message-retention/`);
  });
  it('links peers, siblings, the clause type, regulations and agencies', () => {
    const clause = apiClause(atlas, get(atlas.clauseByKey, 'acme/privacy-policy/ai-training'));
    expect(clause.peers.map((p) => p.key)).toEqual(['birdy/privacy-policy/ai-training']);
    expect(clause.siblings.map((p) => p.key)).toEqual(['acme/privacy-policy/message-retention']);
    expect(clause.clause_type).toMatchObject({ key: 'ai-training', name: 'AI training on user data', family: 'Data use' });
    expect(clause.rarity).toMatchObject({ platforms: 2, total: 3, label: 'Common' });
    expect(clause.regulations.map((r) => [r.key, r.short_name])).toEqual([['gdpr', 'GDPR'], ['consumer-act', 'FCA']]);
    expect(clause.agencies.map((a) => [a.key, a.where_to_file])).toEqual([['dpa', 'https://dpa.example/en/individuals/exercising-your-rights/raising-a-concern-with-the-fixture-data-protection-authority-complaint-form'], ['consumer-office', 'https://consumer.example/report']]);
    expect([...clause.regulations, ...clause.agencies].map((r) => [r.key, r.reviewed_on])).toEqual([['gdpr', '2024-02-15'], ['consumer-act', '2024-02-15'], ['dpa', '2024-02-15'], ['consumer-office', '2024-02-15']]);
    expect(clause.stability).toMatchObject({ first_seen: '2023-02-01', still_present: true, gone_since: null, changes: 1 });
    expect(clause.cited_snapshot?.stamp).toBe('2024-03-01T00-00-00Z');
    expect(clause.citation.apa).toContain('record FX-P-000002; text captured 1 March 2024, SHA-256 9b005666306e');
  });
});

describe('an API document', () => {
  const policy = apiDocument(atlas, get(atlas.documentByKey, 'acme/privacy-policy'));
  it('computes its facts over the predecessor history', () => {
    expect(policy.facts).toEqual({ captures: 5, versions: 4, own_versions: 3, first_captured: '2022-01-01', last_changed: '2024-03-01', last_verified: '2024-03-01', months_monitored: 26 });
    expect(policy.predecessor?.key).toBe('acme/old-privacy-policy');
    expect(policy.successor).toBeNull();
    expect(apiDocument(atlas, get(atlas.documentByKey, 'acme/old-privacy-policy')).successor?.key).toBe('acme/privacy-policy');
    expect(policy.capture).toEqual({ select: ['main'], remove: ['nav', '.cookie-banner'] });
    expect(policy.severity_counts).toEqual({ low: 0, medium: 1, high: 1 });
  });
  it('lists every version, oldest first, with a raw URL whose file hashes to the published SHA-256', () => {
    expect(policy.versions.map((v) => [v.stamp, v.substantive, v.capture, v.version])).toEqual([
      ['2022-01-01T00-00-00Z', true, 'version', '2022-01-01T00-00-00Z'],
      ['2022-06-01T00-00-00Z', false, 'same-text', '2022-01-01T00-00-00Z'],
      ['2023-02-01T00-00-00Z', true, 'version', '2023-02-01T00-00-00Z'],
      ['2023-08-01T00-00-00Z', true, 'version', '2023-08-01T00-00-00Z'],
      ['2024-03-01T00-00-00Z', true, 'version', '2024-03-01T00-00-00Z'],
    ]);
    for (const version of policy.versions) {
      // The raw route serves content/snapshots/<p>/<d>/<stamp>.md without its front matter.
      const body = splitSnapshotFile(readFileSync(join(FIXTURE_ATLAS, version.raw_url.replace(`${site}/`, ''))))?.body;
      expect(body && sha256(body), version.stamp).toBe(version.sha256);
      expect(version.bytes).toBe(body?.length);
    }
  });
  it('counts the words of every version and, after the first, the words it added and removed', () => {
    // 2022-01-01: "Acme Chat Privacy Policy" (4) + "We keep your messages for thirty days." (7, bold markup dropped) + "We may use your posts to improve our services." (9).
    expect(policy.versions.map((v) => [v.stamp.slice(0, 10), v.words, v.words_added, v.words_removed])).toEqual([
      ['2022-01-01', 20, null, null],
      // The same text, spaced differently: a capture that is no version is counted under its version.
      ['2022-06-01', null, null, null],
      ['2023-02-01', 22, 5, 3],
      ['2023-08-01', 29, 8, 0],
      ['2024-03-01', 23, 5, 11],
    ]);
    // Not always previous + added − removed: the diff splits punctuation from words, so "models." → "models, including generative ones."
    // adds "," as well as three words (22 + 8 − 0 = 30, but 29 words in all).
    // The same figures as the change log's "5 words added, 3 removed".
    const snapshot = atlas.snapshots.find((s) => s.documentKey === 'acme/privacy-policy' && s.stamp === '2023-02-01T00-00-00Z');
    const diff = snapshot && versionContext(atlas, snapshot).diff;
    expect([diff?.stats.addedWords, diff?.stats.removedWords]).toEqual([5, 3]);
  });
});

describe('an API platform and clause type', () => {
  it('grades a platform with its inputs', () => {
    // acme: medium + high + high = 1 + 3 + 3 = 7 of 9 points → 0.78 → D.
    const acme = apiPlatform(atlas, get(atlas.platformBySlug, 'acme'));
    expect(acme.grade).toEqual({
      letter: 'D',
      label: 'D',
      index: 7 / 9,
      points: 7,
      clauses: 3,
      basis: { summary: 'from 3 clauses in 2 documents', documents: 2, document_types: ['Privacy Policy', 'Terms of Service'], missing_document_types: [] },
    });
    expect(acme.severity_counts).toEqual({ low: 0, medium: 1, high: 2 });
    expect(acme.formerly).toEqual([{ name: 'Acme Chat', until: '2023-01-15' }]);
    expect(acme.parent).toBe('Acme Holdings');
    expect(acme.documents.map((d) => d.key)).toEqual(['acme/old-privacy-policy', 'acme/privacy-policy', 'acme/terms-of-service']);
  });
  it('gives no letter to a platform analysed in its privacy policy only, and says what is missing', () => {
    // birdy: one medium clause, in its privacy policy; index 1/3 would be B.
    const birdy = apiPlatform(atlas, get(atlas.platformBySlug, 'birdy'));
    expect(birdy.grade).toEqual({
      letter: null,
      label: 'not enough coverage',
      index: 1 / 3,
      points: 1,
      clauses: 1,
      basis: { summary: 'from 1 clause in 1 document', documents: 1, document_types: ['Privacy Policy'], missing_document_types: ['Terms of Service'] },
    });
  });
  it('lists every platform with its grade in the index', () => {
    const index = apiIndex(atlas);
    expect(index.platforms.map((p) => [p.key, p.grade.label, p.grade.basis.summary])).toEqual([
      ['acme', 'D', 'from 3 clauses in 2 documents'],
      ['birdy', 'not enough coverage', 'from 1 clause in 1 document'],
      ['quiet', 'no grade', 'from 0 clauses in 0 documents'],
    ]);
    expect(index.platforms.map((p) => p.grade)).toEqual(atlas.platforms.map((p) => apiPlatform(atlas, p).grade));
    expect(index.grading.required_document_types).toEqual(['Privacy Policy', 'Terms of Service']);
  });
  it('gives a platform with no clauses no grade', () => {
    const quiet = apiPlatform(atlas, get(atlas.platformBySlug, 'quiet'));
    expect(quiet.grade).toEqual({
      letter: null,
      label: 'no grade',
      index: 0,
      points: 0,
      clauses: 0,
      basis: { summary: 'from 0 clauses in 0 documents', documents: 0, document_types: [], missing_document_types: ['Privacy Policy', 'Terms of Service'] },
    });
    expect(quiet.parent).toBeNull();
  });
  it('compares a clause type across platforms', () => {
    const ai = apiClauseType(atlas, get(atlas.clauseTypeByKey, 'ai-training'));
    expect(ai.platforms.map((p) => p.key)).toEqual(['acme', 'birdy']);
    expect(ai.severity_counts).toEqual({ low: 0, medium: 1, high: 1 });
  });
});

describe('the clause dataset', () => {
  const rows = clauseRows(atlas);
  it('has one flat row per clause, by key, in the schema field order', () => {
    expect(rows.map((r) => r.key)).toEqual(['acme/privacy-policy/ai-training', 'acme/privacy-policy/message-retention', 'acme/terms-of-service/arbitration', 'birdy/privacy-policy/ai-training']);
    for (const row of rows) expect(Object.keys(row)).toEqual(clauseColumns);
    expect(rows[1]).toMatchObject({
      id: 'FX-P-000001',
      document_id: 'FX-D-00002',
      clause_type_name: 'Data retention',
      rarity: 'Uncommon',
      first_seen: '2022-01-01',
      gone_since: '2024-03-01',
      still_present: false,
      cited_stamp: '2023-08-01T00-00-00Z',
      cited_raw_url: `${site}/snapshots/acme/privacy-policy/2023-08-01T00-00-00Z.md`,
      peers: [],
    });
  });
  it('writes JSON Lines: one object per line, LF endings, a final newline', () => {
    const jsonl = clausesJsonl(atlas);
    expect(jsonl.endsWith('}\n')).toBe(true);
    expect(jsonl).not.toContain('\r');
    expect(jsonl.split('\n').slice(0, -1).map((line) => JSON.parse(line))).toEqual(rows);
  });
  it('writes a CSV that reads back cell for cell, lists joined with ";" and null as empty', () => {
    const [header, ...records] = readCsv(clausesCsv(atlas));
    expect(header).toEqual(clauseColumns);
    expect(records).toHaveLength(4);
    const ai = Object.fromEntries(clauseColumns.map((column, i) => [column, records[0]?.[i]]));
    expect(ai).toMatchObject({ regulations: 'gdpr;consumer-act', agencies: 'dpa;consumer-office', still_present: 'true', gone_since: '', rarity_platforms: '2', peers: 'birdy/privacy-policy/ai-training' });
  });
  it('quotes a field holding a comma, a quote and a line break so it reads back unchanged', () => {
    const copy = copyFixtureAtlas();
    try {
      const tricky = 'Acme keeps messages, it says, "for thirty days"\nand then deletes them.';
      // A line break alone must be quoted too, though it is not the CRLF record delimiter.
      const brokenTitle = 'Messages are kept\nfor thirty days';
      copy.edit('clauses/acme/privacy-policy/message-retention.md', (text) =>
        text.replace(/^summary: .*$/m, `summary: ${JSON.stringify(tricky)}`).replace(/^title: .*$/m, `title: ${JSON.stringify(brokenTitle)}`),
      );
      const csv = clausesCsv(load(copy.root));
      const record = readCsv(csv)[2];
      expect(record?.[clauseColumns.indexOf('summary')]).toBe(tricky);
      expect(record?.[clauseColumns.indexOf('title')]).toBe(brokenTitle);
      expect(csv).toContain('"Acme keeps messages, it says, ""for thirty days""\nand then deletes them."');
    } finally {
      copy.dispose();
    }
  });
});

describe('schemas and the data dictionary', () => {
  it('validates every API object and every JSONL line of the fixture', () => {
    for (const [name, value, what] of publishedObjects(atlas)) expectValid(name, value, what);
  });
  it('accepts the fixture content files under the content schemas', () => {
    const yamlOf = (file: string) => {
      const text = readFileSync(join(FIXTURE_ATLAS, file), 'utf8');
      return parseYaml(text.startsWith('---\n') ? text.slice(4, text.indexOf('\n---\n', 4)) : text);
    };
    const files = (dir: string) => readdirSync(join(FIXTURE_ATLAS, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|mdx?)$/.test(f)).map((f) => join(dir, f));
    const cases: Array<[SchemaName, string[]]> = [
      ['platform', files('platforms')],
      ['document', files('documents')],
      ['snapshot', files('snapshots')],
      ['clause', files('clauses')],
      ['clause-type', files('clause-types')],
      ['negative', files('negatives')],
      ['regulation', files('regulations')],
      ['agency', files('agencies')],
      ['ledger', ['ledger.yaml']],
    ];
    for (const [name, list] of cases) {
      expect(list.length, name).toBeGreaterThan(0);
      for (const file of list) expectValid(name, yamlOf(file), file);
    }
  });
  it('rejects a row that breaks its schema', () => {
    const row = { ...clauseRows(atlas)[0], severity: 'extreme' };
    expect(get(validators, 'clause-row')(row)).toBe(false);
    const { peers: _dropped, ...missing } = clauseRows(atlas)[0] ?? {};
    expect(get(validators, 'clause-row')(missing)).toBe(false);
  });
  it('describes every published field, in the order the data carries them', () => {
    const docs = fieldDocs();
    expect(docs.filter((d) => !d.description || !d.type)).toEqual([]);
    expect(docs.filter((d) => d.file === '/data/atlas.jsonl, /data/clauses.csv').map((d) => d.field)).toEqual(clauseColumns);
    expect(docs.find((d) => d.file.startsWith('/api/v1/clauses/') && d.field === 'stability.timeline[].kind')).toMatchObject({ type: 'appeared | reworded | removed | reappeared' });
    expect(docs.find((d) => d.field === 'first_seen')).toMatchObject({ type: 'date (YYYY-MM-DD) | null' });
  });
});

describe('determinism', () => {
  it('writes the same bytes from two separate loads', () => {
    const again = load(FIXTURE_ATLAS);
    const everything = (a: Atlas) => JSON.stringify(publishedObjects(a)) + clausesCsv(a) + JSON.stringify(jsonSchemas()) + JSON.stringify(fieldDocs());
    expect(everything(again)).toBe(everything(atlas));
  });
});

describe('the real content', () => {
  const real = load('content');
  it('validates every API object and every dataset row', () => {
    const objects = publishedObjects(real);
    expect(objects.filter(([name]) => name === 'clause-row')).toHaveLength(real.clauses.length);
    for (const [name, value, what] of objects) expectValid(name, value, what);
    expect(readCsv(clausesCsv(real))).toHaveLength(real.clauses.length + 1);
  });
});
