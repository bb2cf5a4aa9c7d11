/**
 * The change log on the fixture atlas. Expected versions and clause events
 * follow from the fixture snapshots and the clause timelines in model.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { atlasChanges, changeFilters, changesFor, documentChanges, documentTypeSlug, type Change } from '../../src/atlas/model/changes.ts';
import { loadAtlas, type Atlas } from '../../src/atlas/index.ts';
import { copyFixtureAtlas, FIXTURE_ATLAS, type FixtureCopy } from '../support/fixture-atlas.ts';

const { atlas } = loadAtlas(FIXTURE_ATLAS);

/** A change as one line: kind, version, previous version and the clause events. */
const describeChange = (c: Change) =>
  [c.kind, `${c.snapshot.documentKey}@${c.snapshot.stamp}`, `after ${c.previous ? `${c.previous.documentKey}@${c.previous.stamp}` : '-'}`, ...c.clausesAffected.map((e) => `${e.clause.slug}:${e.kind}`)].join(' ');

const platform = (a: Atlas, slug: string) => {
  const found = a.platformBySlug.get(slug);
  if (!found) throw new Error(`no platform ${slug}`);
  return found;
};

let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

describe('the change log', () => {
  it('lists every new version newest first, after the version (not capture) before it, with the clauses it touched', () => {
    expect(atlasChanges(atlas).map(describeChange)).toEqual([
      'changed acme/privacy-policy@2024-03-01T00-00-00Z after acme/privacy-policy@2023-08-01T00-00-00Z message-retention:removed',
      'first birdy/privacy-policy@2024-01-10T12-00-00Z after - ai-training:appeared',
      'changed acme/privacy-policy@2023-08-01T00-00-00Z after acme/privacy-policy@2023-02-01T00-00-00Z ai-training:reworded message-retention:reworded',
      'first acme/terms-of-service@2023-05-01T00-00-00Z after - arbitration:appeared',
      // 2022-06-01 only re-spaces and drops emphasis: the same text, so not a version.
      'changed acme/privacy-policy@2023-02-01T00-00-00Z after acme/old-privacy-policy@2022-01-01T00-00-00Z ai-training:appeared',
      'first acme/old-privacy-policy@2022-01-01T00-00-00Z after - message-retention:appeared',
    ]);
  });

  it('follows predecessors: a successor continues the history and a predecessor version lists its successor clauses', () => {
    const changes = atlasChanges(atlas);
    const successorFirst = changes.find((c) => c.snapshot.stamp === '2023-02-01T00-00-00Z');
    expect(successorFirst?.kind).toBe('changed');
    expect(successorFirst?.document.key).toBe('acme/privacy-policy');
    const predecessorFirst = changes.at(-1);
    expect(predecessorFirst?.document.key).toBe('acme/old-privacy-policy');
    expect(predecessorFirst?.clausesAffected.map((e) => e.clause.key)).toEqual(['acme/privacy-policy/message-retention']);
  });

  it('gives each change its platform and version page', () => {
    const [newest] = atlasChanges(atlas);
    expect(newest?.platform.slug).toBe('acme');
    expect(newest?.versionUrl).toBe('/platform/acme/privacy-policy/versions/2024-03-01T00-00-00Z/');
    expect(atlasChanges(atlas).at(-1)?.versionUrl).toBe('/platform/acme/old-privacy-policy/versions/2022-01-01T00-00-00Z/');
  });

  it('is computed once per atlas', () => {
    expect(atlasChanges(atlas)).toBe(atlasChanges(atlas));
  });
});

describe('changes of one platform', () => {
  it('keeps only that platform, newest first', () => {
    expect(changesFor(atlas, platform(atlas, 'acme')).map((c) => c.snapshot.stamp)).toEqual([
      '2024-03-01T00-00-00Z',
      '2023-08-01T00-00-00Z',
      '2023-05-01T00-00-00Z',
      '2023-02-01T00-00-00Z',
      '2022-01-01T00-00-00Z',
    ]);
    expect(changesFor(atlas, platform(atlas, 'birdy')).map((c) => c.document.key)).toEqual(['birdy/privacy-policy']);
    expect(changesFor(atlas, platform(atlas, 'quiet'))).toEqual([]);
  });
});

describe('substantive flags', () => {
  it('are not what decides: the text is compared, so a changed text with a false flag is still a new version', () => {
    copy = copyFixtureAtlas();
    copy.edit('snapshots/acme/terms-of-service/2023-05-01T00-00-00Z.md', (t) => t.replace('substantive: true', 'substantive: false'));
    copy.edit('snapshots/acme/privacy-policy/2024-03-01T00-00-00Z.md', (t) => t.replace('substantive: true', 'substantive: false'));
    const changes = atlasChanges(loadAtlas(copy.root).atlas);
    expect(changes.map((c) => `${c.kind} ${c.snapshot.documentKey}@${c.snapshot.stamp}`)).toEqual([
      'changed acme/privacy-policy@2024-03-01T00-00-00Z',
      'first birdy/privacy-policy@2024-01-10T12-00-00Z',
      'changed acme/privacy-policy@2023-08-01T00-00-00Z',
      'first acme/terms-of-service@2023-05-01T00-00-00Z',
      'changed acme/privacy-policy@2023-02-01T00-00-00Z',
      'first acme/old-privacy-policy@2022-01-01T00-00-00Z',
    ]);
  });
});

describe('the change log filters', () => {
  it('slugs every document type of the vocabulary apart', async () => {
    const { documentTypes } = await import('../../src/schema/document.ts');
    const slugs = documentTypes.map(documentTypeSlug);
    expect(new Set(slugs).size).toBe(documentTypes.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(documentTypeSlug('In-App Purchases Policy')).toBe('in-app-purchases-policy');
    expect(documentTypeSlug('Single Sign-On Policy')).toBe('single-sign-on-policy');
  });

  it('narrows the log to each platform and document type that has a version, each list newest first', () => {
    const filters = changeFilters(atlas).map((f) => [f.kind, f.slug, f.name, f.path, f.changes.map(describeChange)]);
    const all = atlasChanges(atlas);
    expect(filters.map(([kind, slug, , path]) => [kind, slug, path])).toEqual([
      ['platform', 'acme', '/changes/platform/acme/'],
      ['platform', 'birdy', '/changes/platform/birdy/'],
      ['type', 'privacy-policy', '/changes/type/privacy-policy/'],
      ['type', 'terms-of-service', '/changes/type/terms-of-service/'],
    ]);
    // Each filter is the whole log with the others' entries left out, so its order is the log's.
    const byPlatform = (slug: string) => all.filter((c) => c.platform.slug === slug).map(describeChange);
    const byType = (type: string) => all.filter((c) => c.document.data.type === type).map(describeChange);
    expect(filters.map((f) => f[4])).toEqual([byPlatform('acme'), byPlatform('birdy'), byType('Privacy Policy'), byType('Terms of Service')]);
    // The predecessor's first version counts under its own document's type.
    expect(byType('Privacy Policy')).toContainEqual(expect.stringContaining('acme/old-privacy-policy'));
  });

  it('lists a document’s versions with its predecessors’, newest first', () => {
    const policy = atlas.documentByKey.get('acme/privacy-policy');
    expect(policy && documentChanges(atlas, policy).map((c) => c.snapshot.stamp)).toEqual(['2024-03-01T00-00-00Z', '2023-08-01T00-00-00Z', '2023-02-01T00-00-00Z', '2022-01-01T00-00-00Z']);
  });
});
