/**
 * The one translator from a zod issue to the project's Problem: content files
 * (validate), the ledger (validate, new) and the import map and imported files
 * (import) all report a schema failure in the same words.
 *
 * Zod 4 dropped the received type from `invalid_type` issues and reports a
 * value outside an enum as `invalid_value`, whatever its type; the messages
 * still name what was found, so the translator reads it from the input.
 */
import type { core } from 'astro/zod';
import { describeValue, type Problem } from './problems.ts';

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

/** A field path in messages: keys joined by dots, a key that is not a plain word quoted (`documents."Terms of Service".slug`). */
export function fieldName(path: ReadonlyArray<string | number>): string {
  return path.map((part) => (typeof part === 'string' && !/^[\w-]+$/.test(part) ? JSON.stringify(part) : String(part))).join('.');
}

/** Words a caller may put in place of the defaults, for a schema whose unions or enums mean something more specific. */
export interface IssueWords {
  /** What a union expects; default "text or a list of text". */
  union?: string;
  /** What a value outside an enum should have been; default "one of …" listing the values. */
  oneOf?: (values: readonly unknown[]) => string;
}

/** The default words for a value outside an enum. */
export const oneOfValues = (values: readonly unknown[]) => `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

/** What an issue expected and, where the value alone does not say it, what it found. */
function expectation(issue: SchemaIssue, value: unknown, words: IssueWords): { expected: string; found?: string | undefined } {
  const missing = value === undefined ? 'nothing (the field is missing)' : undefined;
  const oneOf = words.oneOf ?? oneOfValues;
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected === 'string' ? 'text' : issue.expected, found: missing ?? typeName(value) };
    case 'invalid_value':
      // A wrong word is quoted; a missing field or a value of another type is named.
      return { expected: oneOf(issue.values), found: typeof value === 'string' ? undefined : (missing ?? typeName(value)) };
    case 'invalid_key': {
      // A record key outside its enum: the key itself is what was found.
      const inner = issue.issues[0];
      return { expected: inner?.code === 'invalid_value' ? oneOf(inner.values) : (inner?.message ?? issue.message), found: JSON.stringify(issue.path.at(-1)) };
    }
    case 'unrecognized_keys':
      return { expected: 'only the fields the schema defines', found: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}` };
    case 'too_small':
      return { expected: hasDefaultSizeMessage(issue) ? `at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'}` : issue.message };
    case 'too_big':
      return { expected: hasDefaultSizeMessage(issue) ? `at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}` : issue.message };
    case 'invalid_union':
      return { expected: words.union ?? 'text or a list of text' };
    default:
      return { expected: issue.message };
  }
}

/**
 * One zod issue as a Problem on `file`: the field is the issue's path
 * (`file` for a whole file of the wrong type, `(top level)` for another
 * issue without a path), the line comes from `lineOf` when the caller can
 * place a path, the found value is read from `input`. Always an error.
 */
export function schemaProblem(
  file: string,
  issue: SchemaIssue,
  input: unknown,
  options: { lineOf?: (path: ReadonlyArray<string | number>) => number | undefined; words?: IssueWords } = {},
): Problem {
  const path = issuePath(issue);
  const value = valueAt(input, path);
  const { expected, found } = expectation(issue, value, options.words ?? {});
  const field = path.length ? fieldName(path) : issue.code === 'invalid_type' ? 'file' : '(top level)';
  return { file, line: options.lineOf?.(path), field, expected, found: found ?? describeValue(value), level: 'error' };
}
