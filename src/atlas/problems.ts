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
  return `${where} ${problem.field}${level}: expected ${problem.expected}, found ${problem.found}${hint}`;
}

/** Shows a found value briefly: strings quoted and cut, other values as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Problems in report order: by file, then line, errors before warnings at the same place. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.level.localeCompare(b.level) || a.field.localeCompare(b.field),
  );
}
