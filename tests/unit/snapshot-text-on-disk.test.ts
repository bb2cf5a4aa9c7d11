/**
 * Snapshot texts stay on disk (snapshots.ts, load.ts): the model keeps each
 * capture's facts, and a text is read again from its file, checked against the
 * hash taken when it was loaded, whenever a page or an output needs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/atlas/index.ts';
import { sha256, splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { normalizeText } from '../../src/atlas/model/normalize.ts';
import { copyFixtureAtlas } from '../support/fixture-atlas.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const copy = copyFixtureAtlas();
afterAll(() => copy.dispose());
const { atlas } = loadAtlas(copy.root, { now: NOW, displayBase: join(copy.root, '..') });
const fileOf = (file: string) => join(copy.root, file.replace(/^content\//, ''));

describe('snapshot texts read from disk', () => {
  it('reads every capture exactly as hashed, and keeps no text on the view', () => {
    expect(atlas.snapshots.length).toBeGreaterThan(5);
    for (const snapshot of atlas.snapshots) {
      const body = splitSnapshotFile(readFileSync(fileOf(snapshot.file)))!.body;
      expect(snapshot.readText(), snapshot.file).toBe(body.toString('utf8'));
      expect(sha256(snapshot.readText()), snapshot.file).toBe(snapshot.data.sha256);
      expect(Object.keys(snapshot)).not.toContain('text');
    }
  });

  it('computes the normalised facts the text gives, and tells versions apart by the digest of its normalised text', () => {
    for (const snapshot of atlas.snapshots) {
      const text = snapshot.readText();
      expect(snapshot.normalized, snapshot.file).toBe(text.split(/\n\s*\n/).map(normalizeText).filter(Boolean).join(' '));
      expect(snapshot.normalizedDigest, snapshot.file).toBe(sha256(snapshot.normalized));
      expect(snapshot.byteLength, snapshot.file).toBe(Buffer.byteLength(text));
    }
    const sameText = atlas.snapshots.filter((s) => s.capture.kind === 'same-text');
    expect(sameText.length).toBeGreaterThan(0);
    for (const s of sameText) expect(s.normalized).toBe(s.capture.version.normalized);
  });

  it('refuses a text that changed on disk after it was loaded, naming the file', () => {
    const snapshot = atlas.snapshots[0]!;
    copy.edit(snapshot.file.replace(/^content\//, ''), (text) => `${text}\nAn added line.\n`);
    expect(() => snapshot.readText()).toThrow(`${snapshot.file}: expected the captured text read at the start of the run (sha256 ${snapshot.data.sha256})`);
    expect(() => snapshot.readText()).toThrow(/changed during the run/);
  });
});
