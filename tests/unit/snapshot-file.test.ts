import { describe, expect, it } from 'vitest';
import { instantToStamp, serializeSnapshot, sha256, splitSnapshotFile, stampToInstant } from '../../src/atlas/reading/snapshot-file.ts';

describe('snapshot files', () => {
  const body = Buffer.from('Title\n=====\n\n---\n\nText with a rule above.  \n\n');
  const data = { captured_at: '2024-02-21T12:36:13Z', source_url: 'https://x.com/en/privacy', sha256: sha256(body), obtained: { method: 'import' as const, tool: 't' }, substantive: true };

  it('gives back the body byte for byte, even when it holds --- lines and trailing spaces', () => {
    const parts = splitSnapshotFile(serializeSnapshot(data, body));
    expect(parts?.body.equals(body)).toBe(true);
    expect(sha256(parts?.body ?? '')).toBe(data.sha256);
  });
  it('names the line where the body starts', () => {
    const file = serializeSnapshot(data, body);
    const parts = splitSnapshotFile(file);
    const lines = file.toString('utf8').split('\n');
    expect(lines[(parts?.bodyLine ?? 0) - 1]).toBe('Title');
  });
  it('rejects a file without front matter', () => {
    expect(splitSnapshotFile(Buffer.from('no front matter'))).toBeNull();
    expect(splitSnapshotFile(Buffer.from('---\nunclosed: true\n'))).toBeNull();
  });
  it('converts between file stamps and instants', () => {
    expect(stampToInstant('2024-02-21T12-36-13Z')).toBe('2024-02-21T12:36:13Z');
    expect(instantToStamp('2024-02-21T12:36:13.512Z')).toBe('2024-02-21T12-36-13Z');
  });
  it('hashes like sha256sum', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
