/** Reading a document's lineage: which document in its predecessor chain a snapshot belongs to. */
import type { DocumentRecord } from './model.ts';

/** The document in `document`'s chain (itself or a predecessor) whose key is `documentKey`; guards against cycles, which validation reports. */
export function documentInLineage(document: DocumentRecord, documentKey: string): DocumentRecord | undefined {
  const seen = new Set<string>();
  for (let d: DocumentRecord | undefined = document; d && !seen.has(d.key); d = d.predecessor) {
    if (d.key === documentKey) return d;
    seen.add(d.key);
  }
  return undefined;
}

/** The earlier title a snapshot was captured under, or undefined when it belongs to `document` itself. */
export function earlierTitle(document: DocumentRecord, documentKey: string): string | undefined {
  if (documentKey === document.key) return undefined;
  return documentInLineage(document, documentKey)?.data.title;
}

/** Titles of `document`'s predecessors, nearest first; guards against cycles. */
export function predecessorTitles(document: DocumentRecord): string[] {
  const titles: string[] = [];
  const seen = new Set<string>([document.key]);
  for (let d = document.predecessor; d && !seen.has(d.key); d = d.predecessor) {
    seen.add(d.key);
    titles.push(d.data.title);
  }
  return titles;
}
