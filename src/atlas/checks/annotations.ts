/**
 * Problems as GitHub Actions workflow commands (`::error file=…,line=…::…`),
 * so CI shows each one on the line a pull request changed. Escaping follows
 * GitHub's rules (as in @actions/core): `%`, CR and LF in messages; also `:`
 * and `,` in properties, which would otherwise end a property early.
 */
import type { Problem } from '../reading/problems.ts';

/** Escapes a workflow command's message. `%` goes first so the escapes it adds are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (`file`, `title`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One problem as an `::error` or `::warning` command on its file and line. */
export function formatAnnotation(problem: Problem): string {
  const properties = [`file=${escapeProperty(problem.file)}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  properties.push(`title=${escapeProperty(problem.field)}`);
  const hint = problem.hint ? ` — ${problem.hint}` : '';
  const message = `expected ${problem.expected}, found ${problem.found}${hint}`;
  return `::${problem.level} ${properties.join(',')}::${escapeData(message)}`;
}
