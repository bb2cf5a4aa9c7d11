/** A snapshot of hand-written text for unit tests of the history core, with made-up capture facts. */
import { stampToInstant } from '../../src/atlas/reading/snapshot-file.ts';
import { snapshotView, type SnapshotView } from '../../src/atlas/model/snapshots.ts';

/**
 * A capture of `text` in `documentKey` (`<platform>/<document>`) at `at`,
 * written as an instant (`2024-01-01T00:00:00Z`) or a stamp (`2024-01-01T00-00-00Z`).
 */
export function testSnapshot(documentKey: string, at: string, text: string): SnapshotView {
  const stamp = at.replace(/:/g, '-');
  return snapshotView({
    documentKey,
    stamp,
    file: `content/snapshots/${documentKey}/${stamp}.md`,
    data: { captured_at: stampToInstant(stamp), source_url: `https://${documentKey.split('/')[0]}.example/`, sha256: '0'.repeat(64), obtained: { method: 'capture', tool: 'test' }, substantive: true },
    readText: () => text,
    byteLength: text.length,
  });
}
