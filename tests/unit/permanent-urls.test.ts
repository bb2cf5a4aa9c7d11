/**
 * Permanent URLs: the redirects and tombstones the fixture's ledger calls for,
 * and the exact problem lines when a ledger path would stop resolving.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { routes } from '../../src/atlas/routes.ts';
import { hostRedirects, permanentUrls } from '../../src/atlas/checks/permanent-urls.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS, type FixtureCopy } from '../support/fixture-atlas.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
let copy: FixtureCopy | undefined;
afterEach(() => {
  copy?.dispose();
  copy = undefined;
});

function readFixture(path: string): string {
  return readFileSync(join(FIXTURE_ATLAS, path), 'utf8');
}

function errorsOf(fixture: FixtureCopy): string[] {
  return loadAtlas(fixture.root, { now: NOW, displayBase: `${fixture.root}/..` }).errors.map(formatProblem);
}

/** Edits the copy's ledger, failing loudly if the edit matched nothing. */
function editLedger(fixture: FixtureCopy, change: (text: string) => string): void {
  fixture.edit('ledger.yaml', (text) => {
    const changed = change(text);
    if (changed === text) throw new Error('ledger edit matched nothing');
    return changed;
  });
}

describe('permanentUrls on the fixture', () => {
  const { atlas } = loadAtlas(FIXTURE_ATLAS, { now: NOW });
  const urls = permanentUrls(atlas);

  it('leads every live record ID to its current page', () => {
    expect(urls.records.map((r) => [r.from, r.to])).toEqual([
      ['/r/FX-D-00001/', '/platform/acme/old-privacy-policy/'],
      ['/r/FX-D-00002/', '/platform/acme/privacy-policy/'],
      ['/r/FX-D-00003/', '/platform/acme/terms-of-service/'],
      ['/r/FX-D-00004/', '/platform/birdy/privacy-policy/'],
      ['/r/FX-P-000001/', '/platform/acme/privacy-policy/message-retention/'],
      ['/r/FX-P-000002/', '/platform/acme/privacy-policy/ai-training/'],
      ['/r/FX-P-000003/', '/platform/acme/terms-of-service/arbitration/'],
      ['/r/FX-P-000004/', '/platform/birdy/privacy-policy/ai-training/'],
    ]);
    expect(urls.records.find((r) => r.id === 'FX-P-000002')?.label).toBe("Posts may train Acme's models (Acme Social, Acme Social Privacy Policy)");
  });

  it('leads an old slug to the current page and a withdrawn path to its tombstone', () => {
    expect(urls.formerPaths).toEqual([
      {
        from: '/platform/acme/privacy-policy/model-training/',
        to: '/platform/acme/privacy-policy/ai-training/',
        id: 'FX-P-000002',
        label: "Posts may train Acme's models (Acme Social, Acme Social Privacy Policy)",
      },
      { from: '/platform/birdy/privacy-policy/ad-sharing/', to: '/r/FX-P-000005/', id: 'FX-P-000005', label: 'Withdrawn clause FX-P-000005' },
    ]);
  });

  it('keeps a tombstone for the withdrawn record, with its platform and document', () => {
    expect(urls.tombstones).toEqual([
      {
        id: 'FX-P-000005',
        kind: 'clause',
        on: '2024-02-01',
        reason: 'Merged into the Birdy AI-training clause after review.',
        lastPath: '/platform/birdy/privacy-policy/ad-sharing/',
        platform: atlas.platformBySlug.get('birdy'),
        document: atlas.documentByKey.get('birdy/privacy-policy'),
      },
    ]);
    expect(urls.records.some((r) => r.from === routes.permanent('FX-P-000005'))).toBe(false);
  });

  it('writes the same redirects as a host _redirects file, sorted', () => {
    expect(hostRedirects(urls)).toBe(
      [
        '/platform/acme/privacy-policy/model-training/ /platform/acme/privacy-policy/ai-training/ 301',
        '/platform/birdy/privacy-policy/ad-sharing/ /r/FX-P-000005/ 301',
        '/r/FX-D-00001/ /platform/acme/old-privacy-policy/ 301',
        '/r/FX-D-00002/ /platform/acme/privacy-policy/ 301',
        '/r/FX-D-00003/ /platform/acme/terms-of-service/ 301',
        '/r/FX-D-00004/ /platform/birdy/privacy-policy/ 301',
        '/r/FX-P-000001/ /platform/acme/privacy-policy/message-retention/ 301',
        '/r/FX-P-000002/ /platform/acme/privacy-policy/ai-training/ 301',
        '/r/FX-P-000003/ /platform/acme/terms-of-service/arbitration/ 301',
        '/r/FX-P-000004/ /platform/birdy/privacy-policy/ai-training/ 301',
        '',
      ].join('\n'),
    );
  });
});

describe('ledger paths that would stop resolving', () => {
  it('reports nothing on the intact fixture', () => {
    copy = copyFixtureAtlas();
    expect(errorsOf(copy)).toEqual([]);
  });

  it('rejects a path that another record already had', () => {
    copy = copyFixtureAtlas();
    // FX-P-000001 claims, as an old path, the page FX-P-000002 has now.
    editLedger(copy, (t) => t.replace('paths: [/platform/acme/privacy-policy/message-retention/]', 'paths: [/platform/acme/privacy-policy/ai-training/, /platform/acme/privacy-policy/message-retention/]'));
    expect(errorsOf(copy)).toEqual([
      'content/ledger.yaml:19 records.5.paths.1: expected a path no other record has had, found `/platform/acme/privacy-policy/ai-training/`, already a path of FX-P-000001 (records.4) — a published path keeps leading to its record, or to its tombstone once withdrawn; choose another slug',
    ]);
  });

  it('never gives a withdrawn record\'s path to a new record', () => {
    copy = copyFixtureAtlas();
    copy.write('clauses/birdy/privacy-policy/ad-sharing.md', readFixture('clauses/birdy/privacy-policy/ai-training.md').replace('FX-P-000004', 'FX-P-000006'));
    editLedger(copy, (t) => `${t}  - id: FX-P-000006\n    kind: clause\n    paths: [/platform/birdy/privacy-policy/ad-sharing/]\n`);
    expect(errorsOf(copy)).toEqual([
      'content/ledger.yaml:34 records.9.paths.0: expected a path no other record has had, found `/platform/birdy/privacy-policy/ad-sharing/`, already a path of FX-P-000005 (records.8) — a published path keeps leading to its record, or to its tombstone once withdrawn; choose another slug',
    ]);
  });

  it('reports a former path that became another record\'s page', () => {
    copy = copyFixtureAtlas();
    // The Birdy clause moves onto the withdrawn clause's slug without recording it.
    copy.write('clauses/birdy/privacy-policy/ad-sharing.md', readFixture('clauses/birdy/privacy-policy/ai-training.md'));
    copy.remove('clauses/birdy/privacy-policy/ai-training.md');
    expect(errorsOf(copy)).toEqual([
      'content/ledger.yaml:25 records.7.paths: expected the current path /platform/birdy/privacy-policy/ad-sharing/ last, found "/platform/birdy/privacy-policy/ai-training/" — append the new path; old paths stay so their links keep working',
      'content/ledger.yaml:28 records.8.paths.0: expected a former path of FX-P-000005 that no other page uses, found `/platform/birdy/privacy-policy/ad-sharing/`, now the page of FX-P-000004 — old links to it must keep reaching the tombstone of FX-P-000005; give the other record another slug',
    ]);
  });

  it('rejects a path not shaped like its kind of page', () => {
    copy = copyFixtureAtlas();
    editLedger(copy, (t) => t.replace('paths: [/platform/acme/privacy-policy/model-training/,', 'paths: [/privacy/model-training/,'));
    expect(errorsOf(copy)).toEqual([
      'content/ledger.yaml:19 records.5.paths.0: expected a clause page path such as /platform/<platform>/<document>/<clause>/, found "/privacy/model-training/"',
    ]);
  });

  it('leaves a removed entry that is not withdrawn to the record check, once, and gives it no redirect', () => {
    copy = copyFixtureAtlas();
    copy.remove('clauses/acme/terms-of-service/arbitration.mdx');
    expect(errorsOf(copy)).toEqual([
      'content/ledger.yaml:20 records.6: expected an entry in content/ for every record that is not withdrawn, found no entry with ID `FX-P-000003` — restore the entry, or mark the record withdrawn with a date and reason',
    ]);
    const urls = permanentUrls(loadAtlas(copy.root, { now: NOW }).atlas);
    expect([...urls.records, ...urls.formerPaths].filter((r) => r.id === 'FX-P-000003')).toEqual([]);
  });

  it('treats a record renamed back to an earlier slug as one page, not a collision', () => {
    copy = copyFixtureAtlas();
    editLedger(copy, (t) => t.replace('/platform/acme/privacy-policy/ai-training/]', '/platform/acme/privacy-policy/ai-training/, /platform/acme/privacy-policy/model-training/, /platform/acme/privacy-policy/ai-training/]'));
    expect(errorsOf(copy)).toEqual([]);
    const urls = permanentUrls(loadAtlas(copy.root, { now: NOW }).atlas);
    expect(urls.formerPaths.filter((r) => r.id === 'FX-P-000002').map((r) => r.from)).toEqual(['/platform/acme/privacy-policy/model-training/']);
  });
});
