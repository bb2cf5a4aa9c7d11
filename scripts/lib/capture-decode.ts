/**
 * Bytes of a fetched page to text, the way a browser decodes them (WHATWG
 * Encoding Standard, and the HTML standard's order of evidence): a byte order
 * mark first, then the Content-Type header's charset, then a `<meta charset>`
 * (or `http-equiv=Content-Type`) in the first 1024 bytes. Labels map to
 * encodings by the Encoding Standard's table, so `iso-8859-1`, `latin1` and
 * `us-ascii` all mean windows-1252, whose bytes 0x80–0x9F are “ ” – — € and
 * the like, never C1 control characters (case rel-10).
 *
 * The decoder is @exodus/bytes: Node 20's own TextDecoder reports
 * `windows-1252` yet decodes 0x80–0x9F as C1 controls, which is the very bug.
 * With no declaration at all, text that is valid UTF-8 is UTF-8 (most of the
 * web), anything else windows-1252 (the standard's fallback for Latin-script
 * locales).
 */
import { getBOMEncoding, labelToName, TextDecoder } from '@exodus/bytes/encoding.js';
import { CaptureError } from './capture-error.ts';

/** How far into the page a `<meta>` charset is looked for (HTML standard, "prescan a byte stream"). */
const PRESCAN_BYTES = 1024;

/** The charset parameter of a Content-Type header, if any. */
function headerLabel(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType)?.slice(1).find((v) => v !== undefined);
}

/** The charset a `<meta>` near the top declares, if any (both `charset=` and `content="…; charset=…"` forms). */
function metaLabel(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  return /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"';/>]+)/i.exec(head)?.[1];
}

/** The encoding's name and where it came from, or undefined for a missing or unknown label. */
function fromLabel(label: string | undefined, from: string, inMeta: boolean): { encoding: string; from: string } | undefined {
  if (label === undefined) return undefined;
  const name = labelToName(label);
  if (name === null) return undefined;
  // HTML standard: a <meta> cannot switch to UTF-16 (the page would not have been readable to find it), and x-user-defined means windows-1252.
  if (inMeta && /^utf-16/.test(name)) return { encoding: 'utf-8', from };
  if (inMeta && name === 'x-user-defined') return { encoding: 'windows-1252', from };
  return { encoding: name, from };
}

/**
 * Decodes a page's bytes. Returns the text and the encoding used. Throws
 * CaptureError for an encoding that exists only to refuse (`replacement`,
 * e.g. ISO-2022-KR), which no browser decodes either.
 */
export function decodePage(bytes: Uint8Array, contentType: string): { text: string; encoding: string } {
  const bom = getBOMEncoding(bytes);
  const declared = bom ? { encoding: bom, from: 'byte order mark' } : (fromLabel(headerLabel(contentType), 'Content-Type header', false) ?? fromLabel(metaLabel(bytes), '<meta charset>', true));
  if (declared?.encoding === 'replacement') {
    throw new CaptureError(`expected a character encoding a browser decodes, found one it refuses (${declared.from}: ${JSON.stringify(headerLabel(contentType) ?? metaLabel(bytes))})`);
  }
  if (declared) return { text: new TextDecoder(declared.encoding).decode(bytes), encoding: declared.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
