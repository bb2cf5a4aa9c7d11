/**
 * The platform grade. Published on the methodology page with its inputs, so
 * anyone can recompute it from the clause list.
 */
import type { Severity } from '../schema/common.ts';

/** Concern points per clause of each severity. */
export const severityPoints: Record<Severity, number> = { low: 0, medium: 1, high: 3 };

/** The grade above the last bound: the most concern. */
export const worstGrade = 'E';

/** Upper bounds of the concern index for each grade, best first; above the last bound is worstGrade. */
export const gradeBounds: ReadonlyArray<readonly [grade: string, maxIndex: number]> = [
  ['A', 0.2],
  ['B', 0.4],
  ['C', 0.6],
  ['D', 0.8],
];

export interface Grade {
  /** A (least concern) to E (most), or undefined when no clause is analysed. */
  letter: string | undefined;
  /** Concern index in [0, 1]: points earned divided by the points if every clause were high. */
  index: number;
  points: number;
  clauses: number;
}

/** Counts clauses by severity. */
export function countSeverities(severities: Iterable<Severity>): Record<Severity, number> {
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const severity of severities) counts[severity]++;
  return counts;
}

export function computeGrade(counts: Record<Severity, number>): Grade {
  const clauses = counts.low + counts.medium + counts.high;
  const points = counts.low * severityPoints.low + counts.medium * severityPoints.medium + counts.high * severityPoints.high;
  const index = clauses ? points / (clauses * severityPoints.high) : 0;
  const letter = clauses ? (gradeBounds.find(([, max]) => index <= max)?.[0] ?? worstGrade) : undefined;
  return { letter, index, points, clauses };
}
