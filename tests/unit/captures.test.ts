/**
 * classifyCaptures (src/atlas/model/captures.ts) on small hand-worked histories.
 * Each text is a few paragraphs; the expected class of every capture is
 * worked out from the rules in the module's header.
 */
import { describe, expect, it } from 'vitest';
import { classifyCaptures, INCOMPLETE_MISSING_SHARE, RESTORE_WINDOW_DAYS } from '../../src/atlas/model/captures.ts';
import type { SnapshotView } from '../../src/atlas/model/snapshots.ts';
import { testSnapshot } from '../support/snapshot-view.ts';

/** A capture of `text` at `instant` (YYYY-MM-DDTHH:MM:SSZ). */
function capture(instant: string, text: string): SnapshotView {
  return testSnapshot('acme/privacy-policy', instant, text);
}

/** Twenty paragraphs of ten words each: 200 words. */
const paragraphs = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} says we keep data for ${i} days only.`);
const A = paragraphs.join('\n\n');
const B = [...paragraphs.slice(0, 19), 'Paragraph 19 says we keep data for ninety days from now.'].join('\n\n');

function kinds(history: SnapshotView[]): string[] {
  const classes = classifyCaptures(history);
  return history.map((s) => {
    const c = classes.get(s)!;
    return `${s.capturedOn} ${c.kind}${c.version === s ? '' : ` of ${c.version.capturedOn}`}${c.inForceFrom ? ` from ${c.inForceFrom}` : ''}`;
  });
}

describe('classifyCaptures', () => {
  it('makes the first capture a version and a changed text a new version', () => {
    expect(kinds([capture('2024-01-01T00:00:00Z', A), capture('2024-03-01T00:00:00Z', B)])).toEqual(['2024-01-01 version', '2024-03-01 version']);
  });

  it('calls a capture with only link targets, markup, spacing or invisible characters changed the same text', () => {
    const relinked = A.replace('Paragraph 3', '[Paragraph](https://acme.example/?token=abc123) 3').replace('Paragraph 4 says', '**Paragraph 4** says').replace('keep', 'ke\u00ADep');
    expect(kinds([capture('2024-01-01T00:00:00Z', A), capture('2024-01-02T00:00:00Z', relinked)])).toEqual(['2024-01-01 version', '2024-01-02 same-text of 2024-01-01']);
  });

  it('calls a text stating an effective date after its capture an announcement, and the version once in force a new version', () => {
    const announced = `This version will go into effect on March 1, 2024.\n\n${B}`;
    const inForce = `Effective: March 1, 2024\n\n${B}`;
    expect(
      kinds([
        capture('2024-01-01T00:00:00Z', A),
        capture('2024-02-01T00:00:00Z', announced),
        capture('2024-02-10T00:00:00Z', A),
        capture('2024-03-01T12:00:00Z', inForce),
      ]),
    ).toEqual(['2024-01-01 version', '2024-02-01 announcement of 2024-01-01 from 2024-03-01', '2024-02-10 same-text of 2024-01-01', '2024-03-01 version']);
  });

  it('calls the version in force with a notice of an update published elsewhere, added or gone, a notice, not a new version', () => {
    // Facebook's terms as captured on 4 April 2023: the page in force carried this notice above the old text.
    const notice = `**_We’re updating our Terms of Service. The updates go into effect on 5 July 2023. Read new terms [here](https://www.facebook.com/legal/terms_preview)._**\n\n${A}`;
    const previewed = `A link preview shows the page's title.\n\n${A}`;
    expect(
      kinds([
        capture('2023-03-01T00:00:00Z', A),
        capture('2023-04-04T00:00:00Z', notice),
        capture('2023-05-01T00:00:00Z', A),
        capture('2023-06-01T00:00:00Z', previewed),
      ]),
    ).toEqual(['2023-03-01 version', '2023-04-04 notice of 2023-03-01', '2023-05-01 same-text of 2023-03-01', '2023-06-01 version']);
  });

  it('does not call a page that states its own effective date and, in a banner, the next one an announcement', () => {
    const banner = `The updates will go into effect on March 1, 2024.\n\nEffective January 1, 2024\n\n${B}`;
    expect(kinds([capture('2024-01-01T00:00:00Z', A), capture('2024-02-01T00:00:00Z', banner)])).toEqual(['2024-01-01 version', '2024-02-01 version']);
  });

  it('calls a capture missing a large share of the text, restored soon after, incomplete', () => {
    // Paragraphs 10-19 missing: 100 of 200 words, well over INCOMPLETE_MISSING_SHARE.
    expect(100 / 200).toBeGreaterThan(INCOMPLETE_MISSING_SHARE);
    const truncated = paragraphs.slice(0, 10).join('\n\n');
    expect(kinds([capture('2024-01-01T00:00:00Z', A), capture('2024-01-05T00:00:00Z', truncated), capture('2024-01-05T12:00:00Z', A)])).toEqual([
      '2024-01-01 version',
      '2024-01-05 incomplete of 2024-01-01',
      '2024-01-05 same-text of 2024-01-01',
    ]);
  });

  it('keeps a deletion that lasts a new version', () => {
    const truncated = paragraphs.slice(0, 10).join('\n\n');
    const later = `2024-01-${String(5 + RESTORE_WINDOW_DAYS + 1).padStart(2, '0')}T00:00:00Z`;
    expect(kinds([capture('2024-01-01T00:00:00Z', A), capture('2024-01-05T00:00:00Z', truncated), capture(later, A)]).map((k) => k.split(' ')[1])).toEqual([
      'version',
      'version',
      'version',
    ]);
  });

  it('calls a text that gives way to the version in force again within the window an alternating variant', () => {
    expect(
      kinds([
        capture('2024-01-01T00:00:00Z', A),
        capture('2024-01-02T00:00:00Z', B),
        capture('2024-01-02T12:00:00Z', B),
        capture('2024-01-03T00:00:00Z', A),
        capture('2024-01-04T00:00:00Z', B),
      ]),
    ).toEqual([
      '2024-01-01 version',
      '2024-01-02 alternating of 2024-01-01',
      '2024-01-02 alternating of 2024-01-01',
      '2024-01-03 same-text of 2024-01-01',
      // Nothing brings A back after this one: B is now the version.
      '2024-01-04 version',
    ]);
  });

  it('compares with the version in force, not the capture before', () => {
    const truncated = paragraphs.slice(0, 10).join('\n\n');
    const history = [capture('2024-01-01T00:00:00Z', A), capture('2024-01-02T00:00:00Z', truncated), capture('2024-01-03T00:00:00Z', A), capture('2024-02-01T00:00:00Z', B)];
    const classes = classifyCaptures(history);
    expect(classes.get(history[3]!)?.kind).toBe('version');
    expect(classes.get(history[2]!)).toMatchObject({ kind: 'same-text', version: history[0] });
  });
});
