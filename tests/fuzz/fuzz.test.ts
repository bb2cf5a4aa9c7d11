/**
 * Whatever validation accepts, the build builds (issue point 6), in a bounded
 * run: a fixed seed, 120 validation-level mutations of the fixture atlas and
 * one real build carrying up to 40 accepted ones. `npm run fuzz -- --cases N
 * --seed S` runs longer. The oracle's own checks are tested first, on inputs
 * each must refuse, so a green run means something.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv, checkFeed, checkHtml, checkRejection } from '../../scripts/lib/fuzz/check-output.ts';
import { fuzz } from '../../scripts/lib/fuzz/run.ts';
import { clauseColumns } from '../../src/atlas/outputs/exports.ts';
import { FIXTURE_ATLAS } from '../support/fixture-atlas.ts';

describe('the fuzz oracle', () => {
  it('refuses a feed whose CDATA was broken out of, or that is not XML', () => {
    const rss = (title: string) => `<?xml version="1.0"?><rss><channel><item><title><![CDATA[${title}]]></title></item></channel></rss>`;
    expect(checkFeed('/f.xml', rss('fine ]]]]><![CDATA[> text'))).toEqual([]);
    expect(checkFeed('/f.xml', rss('x]]><script>alert(1)</script><![CDATA['))).toEqual(['/f.xml: a script element']);
    expect(checkFeed('/f.xml', rss(']]></title><title><![CDATA[second'))).toEqual(['/f.xml: item 0 has 2 title elements']);
    expect(checkFeed('/f.xml', rss('\u000b'))[0]).toMatch(/not well-formed XML/);
    expect(checkFeed('/f.json', '{"a":')[0]).toMatch(/not JSON/);
    expect(checkFeed('/f.xml', rss('&#x1b;'))).toEqual([]);
    expect(checkFeed('/f.xml', rss('&#x1b;').replace('<![CDATA[&#x1b;]]>', '&#x1b;'))[0]).toMatch(/reference/);
  });

  it('refuses a CSV cell that starts a formula', () => {
    const header = clauseColumns.join(',');
    const row = (first: string) => [first, ...clauseColumns.slice(1).map(() => 'x')].join(',');
    expect(checkCsv('/c.csv', `${header}\r\n${row("\"'=1+1\"")}\r\n`, 1)).toEqual([]);
    expect(checkCsv('/c.csv', `${header}\r\n${row('=1+1')}\r\n`, 1)).toEqual(['/c.csv: row 2 column 1 starts a formula: "=1+1"']);
  });

  it('refuses a page with a script or handler that content could have put there', () => {
    expect(checkHtml('/p', '<p>&lt;script&gt;</p><script type="application/ld+json">{"a":"\\u003c/script>"}</script><script src="/pagefind/x.js"></script>')).toEqual([]);
    expect(checkHtml('/p', '<script>alert(1)</script>')).toHaveLength(1);
    expect(checkHtml('/p', '<img src=x onerror=alert(1)>')).toEqual(['/p: <img onerror>']);
    expect(checkHtml('/p', '<a href=" javascript:alert(1)">x</a>')).toHaveLength(1);
  });

  it('refuses a rejection that does not name the changed file', () => {
    const mutation = { kind: 'field' as const, file: 'platforms/acme.yaml', field: 'name', value: '""' };
    const problem = { file: 'content/platforms/birdy.yaml', field: 'name', expected: 'x', found: 'y', level: 'error' as const };
    expect(checkRejection([problem], mutation, 'content')).toHaveLength(1);
    expect(checkRejection([{ ...problem, file: 'content/platforms/acme.yaml' }], mutation, 'content')).toEqual([]);
  });
});

describe('fuzzing the fixture atlas', () => {
  it('keeps every promise for 120 mutations and one build of up to 40', { timeout: 600_000 }, async () => {
    const report = await fuzz({ fixture: FIXTURE_ATLAS, cases: 120, seed: 20261129, builds: 1, mutationsPerBuild: 40, now: new Date('2026-01-01T00:00:00Z') });
    expect(report.failures).toEqual([]);
    // The run tried both sides of the promise, and the build ran and was checked.
    expect(report.rejected).toBeGreaterThan(30);
    expect(report.accepted).toBeGreaterThan(30);
    expect(report.builds).toEqual([expect.objectContaining({ status: 0 })]);
    expect(report.builds[0]?.mutations.length).toBeGreaterThan(10);
    expect(report.builds[0]?.filesChecked).toBeGreaterThan(100);
  });
});
