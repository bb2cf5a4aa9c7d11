/**
 * Responses of the open-data routes: one serialisation for every JSON file
 * (two-space indent, final newline) and the media type of each format.
 */
export const MEDIA_TYPES = {
  json: 'application/json; charset=utf-8',
  schema: 'application/schema+json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

export function textResponse(body: string, type: (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES]): Response {
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** A JSON document, indented for people reading it with curl. */
export function jsonResponse(value: unknown, type: typeof MEDIA_TYPES.json | typeof MEDIA_TYPES.schema = MEDIA_TYPES.json): Response {
  return textResponse(`${JSON.stringify(value, null, 2)}\n`, type);
}
