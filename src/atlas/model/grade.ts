/**
 * The platform grade. Published on the methodology page with its inputs, so
 * anyone can recompute it from the clause list.
 */
import type { Severity } from '../../schema/common.ts';
import { plural } from './wording.ts';

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

/**
 * Document types (Open Terms Archive terms-types names) in which a platform
 * needs at least one analysed clause before it gets a letter. A grade from one
 * document alone says more about which document was read than about the
 * platform (issue 14: Facebook was "A" on its terms alone). Documented on the
 * methodology page.
 */
export const requiredDocumentTypes: readonly string[] = ['Privacy Policy', 'Terms of Service'];

/** What a grade rests on: the analysed clauses' documents. */
export interface GradeBasis {
  /** Documents with at least one analysed clause. */
  documents: number;
  /** Their document types, sorted, each once. */
  documentTypes: string[];
  /** Entries of requiredDocumentTypes with no analysed clause; empty when coverage is enough. */
  missingTypes: string[];
}

export interface Grade {
  /** A (least concern) to E (most); undefined when no clause is analysed or coverage is below the minimum. */
  letter: string | undefined;
  /** Concern index in [0, 1]: points earned divided by the points if every clause were high. */
  index: number;
  points: number;
  clauses: number;
  basis: GradeBasis;
}

/** The basis of a grade from the document type of each analysed clause's document, keyed by document. */
export function gradeBasis(analysedDocuments: ReadonlyMap<string, string>): GradeBasis {
  const documentTypes = [...new Set(analysedDocuments.values())].sort();
  return {
    documents: analysedDocuments.size,
    documentTypes,
    missingTypes: requiredDocumentTypes.filter((type) => !documentTypes.includes(type)),
  };
}

/** Counts clauses by severity. */
export function countSeverities(severities: Iterable<Severity>): Record<Severity, number> {
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const severity of severities) counts[severity]++;
  return counts;
}

/**
 * The grade of severity counts with their basis. The index is computed
 * whatever the coverage; the letter only when `basis.missingTypes` is empty.
 */
export function computeGrade(counts: Record<Severity, number>, basis: GradeBasis): Grade {
  const clauses = counts.low + counts.medium + counts.high;
  const points = counts.low * severityPoints.low + counts.medium * severityPoints.medium + counts.high * severityPoints.high;
  const index = clauses ? points / (clauses * severityPoints.high) : 0;
  const letter = clauses && basis.missingTypes.length === 0 ? (gradeBounds.find(([, max]) => index <= max)?.[0] ?? worstGrade) : undefined;
  return { letter, index, points, clauses, basis };
}

/** "from 6 clauses in 1 document": what a grade rests on, for every place a grade is shown. */
export function gradeBasisText(grade: Grade): string {
  return `from ${plural(grade.clauses, 'clause')} in ${plural(grade.basis.documents, 'document')}`;
}

/** What a grade reads as wherever a letter would stand: the letter, "not enough coverage" (clauses, but not in every required document type) or "no grade" (no clause analysed). */
export function gradeLabel(grade: Grade): string {
  return grade.letter ?? (grade.clauses ? 'not enough coverage' : 'no grade');
}
