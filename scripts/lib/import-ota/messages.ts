/** Problem messages of the import: a zod issue as `<file>: <field>: expected …, found …`, in the words every schema problem uses. */
import { formatFileProblem } from '../../../src/atlas/reading/problems.ts';
import { oneOfValues, schemaProblem, type IssueWords, type SchemaIssue } from '../../../src/atlas/reading/schema-issue.ts';

export { fieldName } from '../../../src/atlas/reading/schema-issue.ts';

/** The import map's unions are CSS selectors; its one long enum is the terms types, too many to list. */
const IMPORT_WORDS: IssueWords = {
  union: 'a CSS selector or a list of CSS selectors',
  oneOf: (values) =>
    values.length > 6 ? 'a terms type of @opentermsarchive/terms-types such as "Privacy Policy" or "Terms of Service"' : oneOfValues(values),
};

/** One zod issue as `<file>: <field>: expected …, found …`. */
export function describeIssue(file: string, issue: SchemaIssue, input: unknown): string {
  return formatFileProblem(schemaProblem(file, issue, input, { words: IMPORT_WORDS }));
}
