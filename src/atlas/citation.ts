/**
 * Formatted citations for clause and document records. Every citation pins
 * the version it rests on (capture date and the start of the snapshot's
 * SHA-256) and points at the permanent record URL, so it stays checkable after
 * the policy or the page moves. The "accessed" date is the atlas's data date,
 * never the build's clock, so the same content always cites the same way.
 */
import { siteUrl } from './site-url.ts';
import { formatApaDate, formatApaRetrievalDate, formatBluebookDate, formatDate } from './dates.ts';
import type { Atlas, ClauseRecord, DocumentRecord, SnapshotView } from './model.ts';

/** Length of the SHA-256 prefix shown in citations: enough to identify a version, short enough to read. */
export const SHA_PREFIX_LENGTH = 12;

export interface Citation {
  /** APA 7 style reference for a web page. */
  apa: string;
  /** Bluebook-style internet citation (rule 18.2). */
  bluebook: string;
  /** `${site.url}/r/<ID>/`. */
  permanentUrl: string;
  /** The snapshot the citation pins, when there is one. */
  snapshot: SnapshotView | undefined;
  /** The date given as "accessed"/"last visited": the atlas's data date. */
  accessed: string | undefined;
}

type CitationContext = Pick<Atlas, 'site' | 'dataAsOf'>;

/** The permanent URL of a record ID on this atlas. */
export function permanentUrl(atlas: Pick<Atlas, 'site'>, id: string): string {
  return siteUrl(atlas, `/r/${id}/`);
}

interface Work {
  title: string;
  /** What the record is, written inside the APA brackets and the Bluebook parenthetical. */
  describes: string;
  id: string;
  snapshot: SnapshotView | undefined;
}

function versionNote(snapshot: SnapshotView | undefined, format: (iso: string) => string): string {
  if (!snapshot) return '';
  return `; text captured ${format(snapshot.capturedOn)}, SHA-256 ${snapshot.data.sha256.slice(0, SHA_PREFIX_LENGTH)}`;
}

function cite(atlas: CitationContext, work: Work): Citation {
  const { site, dataAsOf } = atlas;
  const url = permanentUrl(atlas, work.id);
  const date = work.snapshot ? formatApaDate(work.snapshot.capturedOn) : 'n.d.';
  const retrieved = dataAsOf ? `Retrieved ${formatApaRetrievalDate(dataAsOf)}, from ${url}` : url;
  const apa = `${site.publisher}. (${date}). ${work.title} [${work.describes}; record ${work.id}${versionNote(work.snapshot, formatDate)}]. ${site.name}. ${retrieved}`;
  const visited = dataAsOf ? ` (last visited ${formatBluebookDate(dataAsOf)})` : '';
  const bluebook = `${site.publisher}, ${work.title}, ${site.name} (${work.describes}, record ${work.id}${versionNote(work.snapshot, formatBluebookDate)}), ${url}${visited}.`;
  return { apa, bluebook, permanentUrl: url, snapshot: work.snapshot, accessed: dataAsOf };
}

/** Citation of a clause analysis, pinned to the snapshot the clause is cited against. */
export function clauseCitation(atlas: CitationContext, clause: ClauseRecord): Citation {
  return cite(atlas, {
    title: clause.data.title,
    describes: `analysis of a clause in ${clause.platform.data.name}, ${clause.document.data.title}`,
    id: clause.data.id,
    snapshot: clause.citedSnapshot,
  });
}

/** Citation of a document record, pinned to its latest capture. */
export function documentCitation(atlas: CitationContext, document: DocumentRecord): Citation {
  return cite(atlas, {
    title: document.data.title,
    describes: `${document.platform.data.name} policy text and version history`,
    id: document.data.id,
    snapshot: document.facts.lastVerified,
  });
}
