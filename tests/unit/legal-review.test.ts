/**
 * Law kept current (issue 15) and the written rule for a clause's agencies:
 * the review fields of regulations and agencies, the staleness warning counted
 * from the content date (the fixture's newest capture is 2024-03-01), and the
 * check that every listed agency enforces a listed regulation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { REVIEW_MAX_AGE_DAYS } from '../../src/atlas/checks/legal-review.ts';
import { buildPageMeta } from '../../src/lib/page-meta.ts';
import { jurisdictionName } from '../../src/atlas/model/wording.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';

let copy: FixtureCopy;
afterEach(() => copy?.dispose());

const NOW = new Date('2026-01-01T00:00:00Z');
const problemsOf = (fixture: FixtureCopy, level: 'error' | 'warning') =>
  loadAtlas(fixture.root, { now: NOW, displayBase: `${fixture.root}/..` })
    .problems.filter((p) => p.level === level)
    .map(formatProblem);

const GDPR = 'regulations/gdpr.md';
const DPA = 'agencies/dpa.yaml';
const AI = 'clauses/acme/privacy-policy/ai-training.md';

describe('review fields of regulations and agencies', () => {
  it('requires reviewed_on and at least one source with a title and an http(s) URL', () => {
    copy = copyFixtureAtlas();
    copy.edit(GDPR, (t) => t.replace('reviewed_on: 2024-02-15\n', '').replace(/sources:\n(?: {2}.*\n)+/, 'sources: []\n'));
    copy.edit(DPA, (t) => t.replace('url: https://dpa.example/complaints', 'url: dpa.example/complaints').replace('reviewed_on: 2024-02-15', 'reviewed_on: 2024-02-30'));
    expect(problemsOf(copy, 'error')).toEqual([
      'content/agencies/dpa.yaml:14 reviewed_on: expected a date that exists on the calendar, found "2024-02-30"',
      'content/agencies/dpa.yaml:17 sources.0.url: expected an absolute URL, found "dpa.example/complaints"',
      'content/agencies/dpa.yaml:17 sources.0.url: expected an http(s) URL, found "dpa.example/complaints"',
      'content/regulations/gdpr.md:2 reviewed_on: expected text, found nothing (the field is missing)',
      'content/regulations/gdpr.md:9 sources: expected at least one official source, found []',
    ]);
  });

  it('rejects a review date in the future', () => {
    copy = copyFixtureAtlas();
    copy.edit(GDPR, (t) => t.replace('reviewed_on: 2024-02-15', 'reviewed_on: 2026-01-02'));
    expect(problemsOf(copy, 'error')).toEqual(['content/regulations/gdpr.md:9 reviewed_on: expected a date not in the future, found 2026-01-02']);
  });

  it(`warns, without failing, when a review is more than ${REVIEW_MAX_AGE_DAYS} days before the newest capture`, () => {
    copy = copyFixtureAtlas();
    // 2024-03-01 (newest capture) minus 180 days is 2023-09-03: that day passes, the day before does not.
    copy.edit(GDPR, (t) => t.replace('reviewed_on: 2024-02-15', 'reviewed_on: 2023-09-03'));
    copy.edit(DPA, (t) => t.replace('reviewed_on: 2024-02-15', 'reviewed_on: 2023-09-02'));
    expect(problemsOf(copy, 'error')).toEqual([]);
    expect(problemsOf(copy, 'warning').filter((w) => w.includes('reviewed_on'))).toEqual([
      'content/agencies/dpa.yaml:14 reviewed_on (warning): expected a review at most 180 days before the content date 2024-03-01 (the newest snapshot\'s capture date), found 2023-09-02, 181 days before it — re-check every date, threshold, fine, scope statement and complaint route against the official sources, then update reviewed_on and sources',
    ]);
  });

  it('counts the age from the content, not from the day validation runs', () => {
    copy = copyFixtureAtlas();
    const later = loadAtlas(copy.root, { now: new Date('2030-01-01T00:00:00Z') });
    expect(later.warnings.filter((w) => w.field === 'reviewed_on')).toEqual([]);
  });
});

describe('the written rule: every agency a clause lists enforces one of its regulations', () => {
  it('accepts the fixture, where each agency enforces a listed regulation', () => {
    copy = copyFixtureAtlas();
    expect(problemsOf(copy, 'error')).toEqual([]);
  });

  it('names the agency, the regulations the clause lists and what the agency does enforce', () => {
    copy = copyFixtureAtlas();
    copy.edit(AI, (t) => t.replace('regulations: [gdpr, consumer-act]', 'regulations: [gdpr]'));
    copy.edit('clauses/acme/privacy-policy/message-retention.md', (t) => t.replace('regulations: [gdpr]', 'regulations: []'));
    expect(problemsOf(copy, 'error')).toEqual([
      'content/clauses/acme/privacy-policy/ai-training.md:10 agencies.1: expected an agency that enforces one of the clause\'s regulations (gdpr): one of dpa, found `consumer-office`, which enforces consumer-act — list one of consumer-act under regulations if the rule says it applies, or remove the agency',
      'content/clauses/acme/privacy-policy/message-retention.md:10 agencies.0: expected no agency, since the clause lists no regulation, found `dpa`, which enforces gdpr — list one of gdpr under regulations if the rule says it applies, or remove the agency',
    ]);
  });

  it('reports an agency no regulation names, and leaves unknown keys to the reference check', () => {
    copy = copyFixtureAtlas();
    copy.edit('regulations/consumer-act.md', (t) => t.replace('agencies: [consumer-office]', 'agencies: []'));
    copy.edit('clauses/birdy/privacy-policy/ai-training.md', (t) => t.replace('agencies: [dpa]', 'agencies: [dpa, nobody]'));
    expect(problemsOf(copy, 'error')).toEqual([
      'content/clauses/acme/privacy-policy/ai-training.md:10 agencies.1: expected an agency that enforces one of the clause\'s regulations (gdpr, consumer-act): one of dpa, found `consumer-office`, which enforces no regulation in the atlas — remove the agency',
      'content/clauses/acme/terms-of-service/arbitration.mdx:10 agencies.0: expected an agency that enforces one of the clause\'s regulations (consumer-act): one of none listed, found `consumer-office`, which enforces no regulation in the atlas — remove the agency',
      'content/clauses/birdy/privacy-policy/ai-training.md:10 agencies.1: expected a known agency, found unknown agency `nobody`',
    ]);
  });
});

describe('jurisdiction names', () => {
  it('names jurisdictions as readers know them, from their codes', () => {
    expect(['EU', 'GB', 'IE', 'US', 'US-CA', 'US-CO', 'US-DC', 'DE-BY'].map(jurisdictionName)).toEqual([
      'European Union',
      'United Kingdom',
      'Ireland',
      'United States',
      'California (US)',
      'Colorado (US)',
      'District of Columbia (US)',
      'DE-BY (DE)',
    ]);
  });

  it('fills the search facet with jurisdiction names, never a record\'s descriptive text', () => {
    copy = copyFixtureAtlas();
    copy.edit('regulations/consumer-act.md', (t) => t.replace('jurisdiction: United States\njurisdiction_code: US', 'jurisdiction: California, United States\njurisdiction_code: US-CA'));
    copy.edit(DPA, (t) => t.replace('jurisdiction: Ireland', 'jurisdiction: Ireland, and lead authority for many companies'));
    const { atlas } = loadAtlas(copy.root, { now: NOW });
    const facet = (path: string) => buildPageMeta(atlas).searchMeta(path)?.filters.filter((f) => f.name === 'jurisdiction').map((f) => f.value);
    expect(facet('/platform/acme/privacy-policy/ai-training/')).toEqual(['European Union', 'California (US)', 'Ireland', 'United States']);
    expect(facet('/regulations/consumer-act/')).toEqual(['California (US)']);
  });
});
