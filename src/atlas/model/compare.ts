/**
 * The platform × clause-type comparison of /compare/: the core clause types
 * (clause types with `core: true`) against every platform's privacy policies
 * and terms, each cell a clause, a checked negative finding or "not yet
 * analysed" (coverage.ts).
 */
import { answeredDocuments, coverageCell, NO_DOCUMENT, type CoverageCell, type CoverageState } from './coverage.ts';
import type { Atlas, ClauseTypeRecord, DocumentRecord, PlatformRecord } from './model.ts';

/** One row of the matrix: a platform's document (undefined when the platform has none to answer for) against each core type. */
export interface CompareRow {
  platform: PlatformRecord;
  document: DocumentRecord | undefined;
  /** One cell per core clause type, in the order of Atlas.coreClauseTypes. */
  cells: CoverageCell[];
}

/** Counts of cells by state. */
export type CoverageCounts = Record<CoverageState, number>;

/**
 * Platforms per page of the matrix. A platform is one or two rows of twelve
 * cells, and a cell lists its clauses by title and severity: the bundled
 * atlas's 15 platforms made a 216 KB page, about 14 KB a platform. Ten keep a
 * page under the 200 KB every page must stay within, so no page grows with
 * the atlas.
 */
export const COMPARE_PAGE_SIZE = 10;

/** Rows for one platform: each answered document, or one empty row. */
export function compareRowsOf(platform: PlatformRecord, clauseTypes: readonly ClauseTypeRecord[]): CompareRow[] {
  const documents = answeredDocuments(platform);
  if (!documents.length) return [{ platform, document: undefined, cells: clauseTypes.map(() => NO_DOCUMENT) }];
  return documents.map((document) => ({ platform, document, cells: clauseTypes.map((t) => coverageCell(document, t)) }));
}

/** The whole matrix, platforms by name, their documents by title. */
export function compareRows(atlas: Pick<Atlas, 'platforms' | 'coreClauseTypes'>): CompareRow[] {
  return atlas.platforms.flatMap((p) => compareRowsOf(p, atlas.coreClauseTypes));
}

/** How many cells of some rows are in each state. */
export function cellCounts(rows: readonly CompareRow[]): CoverageCounts {
  const counts: CoverageCounts = { has: 0, 'has-not': 0, unknown: 0 };
  for (const row of rows) for (const cell of row.cells) counts[cell.state]++;
  return counts;
}
