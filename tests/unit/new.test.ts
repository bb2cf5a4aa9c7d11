/**
 * `npm run new` (scripts/lib/new/, CLI scripts/new.ts) on copies of the fixture
 * atlas, whose ledger holds clauses FX-P-000001…5 (5 withdrawn) and documents
 * FX-D-00001…4. The scaffolds must be valid in shape: once their placeholders
 * are filled in, the atlas validates with no errors; before, validation names
 * each placeholder field on its line.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadAtlas, type Problem } from '../../src/atlas/index.ts';
import { FileExistsError } from '../../src/support/atomic-write.ts';
import { newClause, newDocument, newNegative, newPlatform } from '../../scripts/lib/new/create.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { commitAsBase } from '../support/git-repo.ts';
import { ledgerLockPath } from '../../scripts/lib/ledger-lock.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const NOW = new Date('2026-01-01T00:00:00Z');

let copy: FixtureCopy;
let content: string;
beforeEach(() => {
  copy = copyFixtureAtlas();
  content = copy.root;
});
afterEach(() => copy.dispose());

const read = (path: string) => readFileSync(join(content, path), 'utf8');
const ledgerRecords = () => (parseYaml(read('ledger.yaml')) as { records: Array<{ id: string; paths: string[] }> }).records;

/** Problems in one file of the copy, with paths relative to the copy's root. */
function problemsIn(path: string): Problem[] {
  return loadAtlas(content, { now: NOW, displayBase: join(content, '..') }).problems.filter((p) => p.file === path);
}

/** Line (1-based) of the first line of a file that starts with `prefix`. */
function lineOf(path: string, prefix: string): number {
  return read(path).split('\n').findIndex((line) => line.startsWith(prefix)) + 1;
}

/** Puts real values in place of a clause scaffold's empty front-matter fields. */
function fillFrontMatter(text: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((out, [key, value]) => out.replace(`\n${key}: ""\n`, `\n${key}: ${JSON.stringify(value)}\n`), text);
}

/** Writes the analysis in place of the section hints and drops the optional section. */
function fillAnalysis(text: string): string {
  return text.replace(/\n## Interpretive note\n[\s\S]*$/, '\n').replace(/<!-- [^\n]* -->/g, 'Acme says disputes go to arbitration and people give up class actions.');
}

/** Asserts that a refused command left the ledger and the given files exactly as they were. */
async function expectRefusal(run: () => Promise<unknown>, message: string | RegExp | typeof FileExistsError, untouched: string[] = []): Promise<void> {
  const before = ['ledger.yaml', ...untouched].map((path) => [path, existsSync(join(content, path)) ? read(path) : null]);
  await expect(run()).rejects.toThrow(message);
  for (const [path, text] of before) expect(existsSync(join(content, path ?? '')) ? read(path ?? '') : null).toBe(text);
}

describe('new clause', () => {
  const path = 'clauses/acme/terms-of-service/class-action-waiver.md';

  it('scaffolds the clause with the next ID after the withdrawn one and records it in the ledger', async () => {
    const created = await newClause({ content, ref: 'acme/terms-of-service/class-action-waiver', clauseType: 'arbitration' });
    expect(created.id).toBe('FX-P-000006');
    expect(created.path).toBe(join(content, path));
    expect(ledgerRecords().at(-1)).toEqual({ id: 'FX-P-000006', kind: 'clause', paths: ['/platform/acme/terms-of-service/class-action-waiver/'] });
    const text = read(path);
    expect(text).toMatch(/^---\n# .*\nid: FX-P-000006\n/);
    expect(text).toContain('\nclause_type: arbitration\n');
    expect(text.match(/^## .*$/gm)).toEqual(['## What it is', '## Why it matters', '## Consumer impact', '## Interpretive note']);
    // Every front-matter field has a hint above it.
    const frontMatter = text.split('---\n')[1] ?? '';
    for (const [i, line] of frontMatter.split('\n').entries()) {
      if (/^[a-z_]+:/.test(line)) expect(frontMatter.split('\n')[i - 1]).toMatch(/^# \S/);
    }
    expect(created.next.join('\n')).toContain('snapshots/acme/terms-of-service/2023-05-01T00-00-00Z.md');
  });

  it('counts IDs already written in entries that the ledger lacks', async () => {
    copy.edit('clauses/acme/privacy-policy/ai-training.md', (t) => t.replace('id: FX-P-000002', 'id: FX-P-000011'));
    const created = await newClause({ content, ref: 'acme/terms-of-service/class-action-waiver' });
    expect(created.id).toBe('FX-P-000012');
  });

  it('before filling in, validation names every placeholder field on its line; filled in, the atlas has no errors', async () => {
    await newClause({ content, ref: 'acme/terms-of-service/class-action-waiver', clauseType: 'arbitration', severity: 'medium', today: NOW.toISOString().slice(0, 10) });
    expect(read(path)).toContain(`\nwritten_on: ${NOW.toISOString().slice(0, 10)}\n`);
    const rel = `content/${path}`;
    const errors = problemsIn(rel);
    expect(errors.map((p) => [p.field, p.line, p.level])).toEqual(
      ['title', 'summary', 'confidence', 'quote'].map((field) => [field, lineOf(path, `${field}:`), 'error']),
    );

    // The front matter filled in: the analysis sections are what is left.
    copy.edit(path, (t) =>
      fillFrontMatter(t, {
        title: 'Disputes go to arbitration without class actions',
        summary: 'You give up the right to join a class action against Acme.',
        confidence: 'high',
        quote: 'You waive any class action.',
      }),
    );
    // Each section is reported empty on its heading, and its hint (an HTML comment) as raw HTML two lines below.
    expect(problemsIn(rel).map((p) => [p.field, p.line, p.expected, p.level])).toEqual(
      ['What it is', 'Why it matters', 'Consumer impact', 'Interpretive note'].flatMap((heading) => [
        ['body', lineOf(path, `## ${heading}`), `some text under "## ${heading}"`, 'error'],
        ['body', lineOf(path, `## ${heading}`) + 2, 'Markdown without raw HTML', 'error'],
      ]),
    );

    copy.edit(path, fillAnalysis);
    const { errors: all, atlas } = loadAtlas(content, { now: NOW });
    expect(all).toEqual([]);
    expect(atlas.clauses.find((c) => c.key === 'acme/terms-of-service/class-action-waiver')?.stability.stillPresent).toBe(true);
  });

  it('refuses to overwrite a clause, also one with the same slug as .mdx', async () => {
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/ai-training' }), FileExistsError, ['clauses/acme/privacy-policy/ai-training.md']);
    await expectRefusal(() => newClause({ content, ref: 'acme/terms-of-service/arbitration' }), /arbitration\.mdx: expected no file at this path/, [
      'clauses/acme/terms-of-service/arbitration.mdx',
      'clauses/acme/terms-of-service/arbitration.md',
    ]);
  });

  it('refuses a slug whose path the ledger already gave to another record', async () => {
    await expectRefusal(
      () => newClause({ content, ref: 'acme/privacy-policy/model-training' }),
      'expected the path /platform/acme/privacy-policy/model-training/ to be unused, found it in record FX-P-000002',
      ['clauses/acme/privacy-policy/model-training.md'],
    );
  });

  it('names unknown platforms, documents and clause types with the closest key', async () => {
    const target = ['clauses/acme/privacy-policy/new-one.md'];
    await expectRefusal(() => newClause({ content, ref: 'acm/privacy-policy/new-one' }), 'unknown platform `acm`: did you mean `acme`?', target);
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-polcy/new-one' }), 'unknown document `acme/privacy-polcy`: did you mean `acme/privacy-policy`?', target);
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/new-one', clauseType: 'data-retenton' }), 'unknown clause type `data-retenton`: did you mean `data-retention`?', target);
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/new-one', clauseType: 'zzz' }), /unknown clause type `zzz`: expected a key in .*clause-types\/ \(ai-training, arbitration, data-retention\)/, target);
    await expectRefusal(() => newClause({ content, ref: 'nobody/privacy-policy/new-one' }), 'unknown platform `nobody`: create it first with npm run new -- platform nobody');
  });

  it('checks the slug, the reference and the severity', async () => {
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/New_One' }), '<clause>: expected a lowercase slug (letters, digits, single hyphens), found "New_One"');
    await expectRefusal(() => newClause({ content, ref: 'acme/new-one' }), '<platform>/<document>/<clause>: expected 3 slugs joined by /, found "acme/new-one"');
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/new-one', severity: 'severe' }), '--severity: expected one of low, medium, high, found "severe"');
  });

  it('refuses to write when the ledger is broken', async () => {
    copy.edit('ledger.yaml', (t) => t.replace('kind: document', 'kind: documnet'));
    await expectRefusal(() => newClause({ content, ref: 'acme/privacy-policy/new-one' }), /ledger\.yaml: records\.0\.kind: expected .* \(fix the ledger first\)$/, ['clauses/acme/privacy-policy/new-one.md']);
  });
});

describe('new negative', () => {
  const path = 'negatives/birdy/privacy-policy/data-retention.yaml';

  it('names the newest snapshot and leaves the date and note to the reader; filled in, the atlas has no errors', async () => {
    const created = await newNegative({ content, ref: 'birdy/privacy-policy/data-retention' });
    expect(created.path).toBe(join(content, path));
    expect(created.id).toBeUndefined();
    expect(created.next.join('\n')).toContain('snapshots/birdy/privacy-policy/2024-01-10T12-00-00Z.md');
    const text = read(path);
    expect(text).toContain('\nsnapshot: 2024-01-10T12-00-00Z\n');
    expect(problemsIn(`content/${path}`).map((p) => [p.field, p.line])).toEqual([
      ['checked_on', lineOf(path, 'checked_on:')],
      ['note', lineOf(path, 'note:')],
    ]);
    copy.edit(path, (t) => t.replace('checked_on: ""', 'checked_on: 2024-02-01').replace('note: ""', 'note: The policy does not say how long data is kept.'));
    const { errors, atlas } = loadAtlas(content, { now: NOW });
    expect(errors).toEqual([]);
    expect(atlas.negatives.map((n) => n.key)).toContain('birdy/privacy-policy/data-retention');
  });

  it('refuses an unknown platform, document or clause type, and an existing finding, writing nothing', async () => {
    await expectRefusal(() => newNegative({ content, ref: 'birdy/privacy-policy/data-retenton' }), 'unknown clause type `data-retenton`: did you mean `data-retention`?', [path]);
    await expectRefusal(() => newNegative({ content, ref: 'birdy/terms/data-retention' }), /unknown document `birdy\/terms`/);
    await expectRefusal(() => newNegative({ content, ref: 'birdy/privacy-policy/arbitration' }), FileExistsError, ['negatives/birdy/privacy-policy/arbitration.yaml']);
  });
});

describe('new document', () => {
  const path = 'documents/acme/cookie-policy.yaml';
  const options = { ref: 'acme/cookie-policy', title: 'Acme Cookie Policy', type: 'Trackers Policy', sourceUrl: 'https://acme.example/cookies' };

  it('scaffolds a complete document with the next document ID, valid as it stands', async () => {
    const created = await newDocument({ ...options, content });
    expect(created.id).toBe('FX-D-00005');
    expect(ledgerRecords().at(-1)).toEqual({ id: 'FX-D-00005', kind: 'document', paths: ['/platform/acme/cookie-policy/'] });
    expect(parseYaml(read(path))).toEqual({ id: 'FX-D-00005', title: 'Acme Cookie Policy', type: 'Trackers Policy', source_url: 'https://acme.example/cookies', language: 'en', capture: { select: 'main' } });
    expect(read(path)).toContain('# predecessor: <platform>/<document>');
    expect(loadAtlas(content, { now: NOW }).errors).toEqual([]);
  });

  it('checks the type against the Open Terms Archive vocabulary', async () => {
    await expectRefusal(() => newDocument({ ...options, content, type: 'privacy policy' }), 'unknown document type `privacy policy`: did you mean `Privacy Policy`?', [path]);
    await expectRefusal(() => newDocument({ ...options, content, type: 'Cookie Notice' }), /unknown document type `Cookie Notice`: expected a type from the Open Terms Archive vocabulary/, [path]);
    await expectRefusal(() => newDocument({ ...options, content, sourceUrl: 'acme.example' }), '--source-url: expected an absolute URL, found "acme.example"', [path]);
  });

  it('refuses to overwrite a document', async () => {
    await expectRefusal(() => newDocument({ ...options, content, ref: 'acme/privacy-policy' }), FileExistsError, ['documents/acme/privacy-policy.yaml']);
  });
});

describe('new platform', () => {
  const path = 'platforms/newco.yaml';

  it('scaffolds a platform whose empty fields validation names, and which validates once filled', async () => {
    const ledger = read('ledger.yaml');
    await newPlatform({ content, slug: 'newco', name: 'NewCo: the app', headquarters: 'de' });
    expect(read('ledger.yaml')).toBe(ledger);
    expect(parseYaml(read(path))).toEqual({ name: 'NewCo: the app', website: '', headquarters: 'DE', description: '', formerly: [] });
    expect([...new Set(problemsIn(`content/${path}`).map((p) => `${p.field}:${p.line}`))]).toEqual([`website:${lineOf(path, 'website:')}`, `description:${lineOf(path, 'description:')}`]);
    copy.edit(path, (t) => t.replace('website: ""', 'website: https://newco.example').replace('description: ""', 'description: A fictional app.'));
    expect(loadAtlas(content, { now: NOW }).errors).toEqual([]);
  });

  it('refuses to overwrite a platform and checks the country code', async () => {
    await expectRefusal(() => newPlatform({ content, slug: 'acme', name: 'Acme' }), FileExistsError, ['platforms/acme.yaml']);
    await expectRefusal(() => newPlatform({ content, slug: 'newco', name: 'NewCo', headquarters: 'XX' }), '--headquarters: expected a country code that exists, found "XX"', [path]);
  });
});

describe('record IDs are never handed out twice', () => {
  const clauseIds = () => ledgerRecords().filter((record) => record.id.startsWith('FX-P-')).map((record) => record.id);

  it('rel-06: an ID removed from the committed ledger is not reissued', async () => {
    await commitAsBase(content);
    copyFileSync(join(repo, 'tests/fixtures/append-only/rel-06-ledger.yaml'), join(content, 'ledger.yaml'));
    const created = await newClause({ content, ref: 'acme/privacy-policy/reuse-test', clauseType: 'ai-training' });
    expect(created.id).toBe('FX-P-000006');
    expect(read('clauses/acme/privacy-policy/reuse-test.md')).toMatch(/\nid: FX-P-000006\n/);
  });

  it('rel-08: concurrent runs in one process get distinct IDs and every record is kept', async () => {
    const slugs = ['race-a', 'race-b', 'race-c', 'race-d', 'race-e', 'race-f'];
    const created = await Promise.all(slugs.map((slug) => newClause({ content, ref: `acme/privacy-policy/${slug}`, clauseType: 'ai-training' })));
    const ids = created.map((c) => c.id).sort();
    expect(ids).toEqual(['FX-P-000006', 'FX-P-000007', 'FX-P-000008', 'FX-P-000009', 'FX-P-000010', 'FX-P-000011']);
    expect(clauseIds()).toHaveLength(11);
    for (const [i, slug] of slugs.entries()) expect(read(`clauses/acme/privacy-policy/${slug}.md`)).toContain(`\nid: ${created[i]?.id}\n`);
    expect(existsSync(ledgerLockPath(content))).toBe(false);
  });

  it('rel-08: concurrent npm run new processes get distinct IDs and every record is kept', async () => {
    const exec = promisify(execFile);
    const slugs = ['race-a', 'race-b', 'race-c'];
    const runs = await Promise.all(
      slugs.map((slug) => exec(process.execPath, ['--import', 'tsx', 'scripts/new.ts', 'clause', `acme/privacy-policy/${slug}`, '--type', 'ai-training', '--content', content], { cwd: repo })),
    );
    const ids = slugs.map((slug) => /^id: (\S+)$/m.exec(read(`clauses/acme/privacy-policy/${slug}.md`))?.[1]);
    expect(new Set(ids).size).toBe(3);
    expect(clauseIds()).toEqual(['FX-P-000001', 'FX-P-000002', 'FX-P-000003', 'FX-P-000004', 'FX-P-000005', ...[...ids].sort()]);
    for (const [i, run] of runs.entries()) expect(run.stdout).toContain(`recorded ${ids[i]}`);
  }, 60_000);

  it('takes over a lock left by a run that died, once it is stale', async () => {
    mkdirSync(ledgerLockPath(content));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(ledgerLockPath(content), longAgo, longAgo);
    const created = await newClause({ content, ref: 'acme/privacy-policy/after-crash', clauseType: 'ai-training' });
    expect(created.id).toBe('FX-P-000006');
    expect(existsSync(ledgerLockPath(content))).toBe(false);
  });
});

describe('npm run new (CLI)', () => {
  const exec = promisify(execFile);
  const run = (args: string[]) => exec(process.execPath, ['--import', 'tsx', 'scripts/new.ts', ...args], { cwd: repo });

  it('creates a clause and says what to fill in next', async () => {
    const { stdout } = await run(['clause', 'birdy/privacy-policy/ad-reuse', '--type', 'ai-training', '--content', content]);
    expect(stdout).toContain(`created ${join(content, 'clauses/birdy/privacy-policy/ad-reuse.md')} (FX-P-000006)`);
    expect(stdout).toContain('fill in title, summary, severity, confidence');
    expect(ledgerRecords().at(-1)?.id).toBe('FX-P-000006');
  });

  it('rejects an unknown option with a usage error and writes nothing', async () => {
    const ledger = read('ledger.yaml');
    const failure = await run(['clause', 'birdy/privacy-policy/ad-reuse', '--kind', 'ai-training', '--content', content]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--kind'") });
    expect(read('ledger.yaml')).toBe(ledger);
  });
});
