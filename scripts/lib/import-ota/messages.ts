/** Problem messages of the import: a zod issue as `<file>: <field>: expected …, found …`. */
import { issuePath, valueAt, type SchemaIssue } from '../../../src/atlas/reading/schema-issue.ts';

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}


export function fieldName(path: ReadonlyArray<string | number>): string {
  return path.map((part) => (typeof part === 'string' && !/^[\w-]+$/.test(part) ? JSON.stringify(part) : String(part))).join('.');
}

/** One zod issue as `<file>: <field>: expected …, found …`. */
export function describeIssue(file: string, issue: SchemaIssue, input: unknown): string {
  const path = issuePath(issue);
  const field = path.length > 0 ? `${fieldName(path)}: ` : '';
  const found = valueAt(input, path);
  const oneOf = (values: readonly unknown[], value: unknown) => {
    const options = values.length > 6 ? `a terms type of @opentermsarchive/terms-types such as "Privacy Policy" or "Terms of Service"` : `one of ${values.map((o) => JSON.stringify(o)).join(', ')}`;
    return `${file}: ${field}expected ${options}, found ${JSON.stringify(value)}`;
  };
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${file}: ${field}expected only known fields, found unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_type':
      return `${file}: ${field}expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}, found ${describeValue(found)}`;
    case 'invalid_value':
      return oneOf(issue.values, found);
    case 'invalid_key': {
      // A record key outside its enum (a terms type that does not exist): the key is what was found.
      const inner = issue.issues[0];
      if (inner?.code === 'invalid_value') return oneOf(inner.values, path.at(-1));
      return `${file}: ${field}expected ${inner?.message ?? issue.message}, found ${JSON.stringify(path.at(-1))}`;
    }
    case 'invalid_union':
      return `${file}: ${field}expected a CSS selector or a list of CSS selectors, found ${describeValue(found)}`;
    default:
      return `${file}: ${field}expected ${issue.message}, found ${describeValue(found)}`;
  }
}
