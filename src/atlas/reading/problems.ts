import { NOT_PLAIN_TEXT } from '../../schema/common.ts';

/** A content problem, reported as `path[:line] field: expected …, found …`. */
export interface Problem {
  /** File the problem is in, relative to the repository (or content root). */
  file: string;
  /** 1-based line in that file, when one can be named. */
  line?: number | undefined;
  /** The field at fault, dotted (`capture.select`, `regulations.1`), or a short label such as `body`. */
  field: string;
  /** What was expected there. */
  expected: string;
  /** What was found instead. */
  found: string;
  /** Errors stop the build; warnings are reported and do not. */
  level: 'error' | 'warning';
  /** A suggested fix, when one is clear. */
  hint?: string | undefined;
}

/** Formats one problem on one line. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const level = problem.level === 'warning' ? ' (warning)' : '';
  const hint = problem.hint ? ` — ${problem.hint}` : '';
  return visible(`${where} ${problem.field}${level}: expected ${problem.expected}, found ${problem.found}${hint}`);
}

/** Formats a problem of a file read without line positions (the ledger as `new` reads it, import maps): `<file>: <field>: expected …, found …`. */
export function formatFileProblem(problem: Problem): string {
  return visible(`${problem.file}: ${problem.field}: expected ${problem.expected}, found ${problem.found}`);
}

/** Line breaks and the characters content may not hold (see NOT_PLAIN_TEXT). */
const UNPRINTABLE = new RegExp(`${NOT_PLAIN_TEXT.source}|\\n`, 'g');

/** Text with line breaks and control characters written as `\uXXXX`, so a message shows them, stays one line, and a terminal or CI log never acts on them. */
function visible(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Shows a found value briefly: strings quoted and cut, other values as JSON; control characters escaped. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return visible(JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value));
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : visible(json.length > 80 ? `${json.slice(0, 77)}...` : json);
}

/** Problems in report order: by file, then line, errors before warnings at the same place. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.level.localeCompare(b.level) || a.field.localeCompare(b.field),
  );
}
