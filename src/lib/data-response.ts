/**
 * Responses of the open-data routes, in the media types and JSON
 * serialisation of src/atlas/outputs/media-types.ts.
 */
import { jsonText, MEDIA_TYPES, type MediaType } from '../atlas/outputs/media-types.ts';

export { MEDIA_TYPES };

export function textResponse(body: string, type: MediaType): Response {
  return new Response(body, { headers: { 'Content-Type': type } });
}

/** A JSON document, indented for people reading it with curl. */
export function jsonResponse(value: unknown, type: typeof MEDIA_TYPES.json | typeof MEDIA_TYPES.schema = MEDIA_TYPES.json): Response {
  return textResponse(jsonText(value), type);
}
