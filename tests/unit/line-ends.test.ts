/**
 * rel-13: a checkout with Windows line ends (or a BOM) validates exactly like
 * the LF files, line numbers included. Snapshots are the exception by design:
 * their body bytes are the evidence the SHA-256 covers, so a converted body is
 * reported, naming the line ends, and never silently accepted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clausesJsonl } from '../../src/atlas/outputs/exports.ts';
import { formatProblem, loadAtlas } from '../../src/atlas/index.ts';
import { splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { copyFixtureAtlas, type FixtureCopy } from '../support/fixture-atlas.ts';
import { toCrlf } from '../support/line-ends.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

function load(root: string) {
  return loadAtlas(root, { now: NOW, displayBase: root });
}

describe('CRLF line ends and byte order marks', () => {
  it('validate to the same model as LF files, with or without a BOM', () => {
    copy = copyFixtureAtlas();
    const lf = load(copy.root);
    expect(lf.errors).toEqual([]);
    const converted = toCrlf(copy.root, { snapshots: false, bom: true });
    expect(converted.length).toBeGreaterThan(15);
    const crlf = load(copy.root);
    expect(crlf.errors.map(formatProblem)).toEqual([]);
    expect(clausesJsonl(crlf.atlas)).toBe(clausesJsonl(lf.atlas));
    expect(crlf.atlas.clauses.map((c) => c.data)).toEqual(lf.atlas.clauses.map((c) => c.data));
    expect(lf.atlas.regulations.length).toBeGreaterThan(0);
    expect(crlf.atlas.regulations.map((r) => r.body)).toEqual(lf.atlas.regulations.map((r) => r.body));
  });

  it('keep line numbers: a problem is reported on the same line as in the LF file', () => {
    copy = copyFixtureAtlas();
    copy.edit('clauses/acme/privacy-policy/ai-training.md', (text) => text.replace('severity: high', 'severity: extreme'));
    const lf = load(copy.root).errors.map(formatProblem);
    toCrlf(copy.root, { snapshots: false, bom: true });
    expect(load(copy.root).errors.map(formatProblem)).toEqual(lf);
    expect(lf).toEqual([expect.stringMatching(/^clauses\/acme\/privacy-policy\/ai-training\.md:6 severity: /)]);
  });

  it('in a snapshot, the front matter may have them; the hashed body is never converted, and a converted body is named as such', () => {
    copy = copyFixtureAtlas();
    const files = toCrlf(copy.root, { snapshots: true }).filter((f) => f.startsWith('snapshots/'));
    const errors = load(copy.root).errors;
    expect(errors.map((e) => `${e.file} ${e.field}`)).toEqual(files.map((f) => `${f} sha256`));
    for (const error of errors) expect(error.hint).toMatch(/CRLF line ends where the captured text had LF/);
  });

  it('splits a snapshot with a BOM and CRLF front matter at the same body bytes', () => {
    const body = Buffer.from('# Title\r\n\r\nText with CRLF kept.\r\n');
    const lf = splitSnapshotFile(Buffer.concat([Buffer.from('---\ncaptured_at: x\n---\n'), body]));
    const crlf = splitSnapshotFile(Buffer.concat([Buffer.from('\uFEFF---\r\ncaptured_at: x\r\n---\r\n'), body]));
    expect(lf?.body.equals(body)).toBe(true);
    expect(crlf?.body.equals(body)).toBe(true);
    expect(crlf?.bodyLine).toBe(lf?.bodyLine);
  });
});
