/**
 * The media types the atlas serves its files as, and the one serialisation of
 * every published JSON file (two-space indent, final newline, for people
 * reading it with curl). The routes send these types as Content-Type; the
 * files written outside the route pipeline (record-files.ts) carry them for
 * the dev server, and static hosts infer them from the file extension.
 */
export const MEDIA_TYPES = {
  json: 'application/json; charset=utf-8',
  schema: 'application/schema+json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
} as const;

export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/** A value as a published JSON file: `JSON.stringify` with a two-space indent and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
