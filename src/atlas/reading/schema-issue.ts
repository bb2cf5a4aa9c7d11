/**
 * What a zod issue no longer says itself. Zod 4 dropped the received type from
 * `invalid_type` issues and reports a value outside an enum as `invalid_value`,
 * whatever its type; the validators' messages still name what was found the way
 * they always have, so they read it from the input with these helpers.
 */
import type { core } from 'astro/zod';

/** One zod issue. */
export type SchemaIssue = core.$ZodIssue;

/**
 * The type of a parsed YAML or JSON value in a message's words: `undefined`,
 * `null`, `array`, `nan`, or its `typeof` (`string`, `number`, `boolean`, `object`).
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** Whether a size issue (`too_small`, `too_big`) has zod's own message rather than one a schema wrote. */
export function hasDefaultSizeMessage(issue: SchemaIssue): boolean {
  return /^Too (?:small|big): /.test(issue.message);
}

/** An issue's path as field names (zod allows symbols; our schemas use none). */
export function issuePath(issue: SchemaIssue): Array<string | number> {
  return issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
}

/** The value an issue's path points at in the parsed input, or undefined when the path leaves it. */
export function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
