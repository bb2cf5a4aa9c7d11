/**
 * Formatted citations for clause and document records. Every citation pins
 * the version it rests on (capture date and the start of the snapshot's
 * SHA-256) and points at the permanent record URL, so it stays checkable after
 * the policy or the page moves.
 *
 * Dates: the date of a work is when it was written or published, never when a
 * crawler captured the policy. A document record is dated by the date its
 * cited version states for itself (versionDate); a clause analysis by when it
 * was last reviewed, else written (`reviewed_on`, `written_on`), and "n.d."
 * when neither is recorded. A clause citation names the section of the policy
 * the quote sits under (pin cite). Authors are the analysis's contributors,
 * else the atlas's publisher. No citation
 * states an access date: only the reader knows when they read the page (APA 7
 * §9.16 needs none for a page pinned to a version; Bluebook's "last visited"
 * is the reader's to add). Nothing depends on the build's clock.
 */
import { routes } from '../routes.ts';
import { siteUrl } from '../site-url.ts';
import { formatApaDate, formatBluebookDate, formatDate } from '../model/dates.ts';
import type { Atlas, ClauseRecord, DocumentRecord, SnapshotView } from '../model/model.ts';

/** Length of the SHA-256 prefix shown in citations: enough to identify a version, short enough to read. */
export const SHA_PREFIX_LENGTH = 12;

export interface Citation {
  /** The record ID the citation names. */
  id: string;
  /** APA 7 style reference for a web page. */
  apa: string;
  /** Bluebook-style internet citation (rule 18.2). */
  bluebook: string;
  /** `${site.url}/r/<ID>/`. */
  permanentUrl: string;
  /** The snapshot the citation pins, when there is one. */
  snapshot: SnapshotView | undefined;
  /** Date of the work (YYYY-MM-DD): the cited version's own stated date for a document, the review (else writing) date for an analysis; undefined ("n.d.") otherwise. */
  issued: string | undefined;
  /** Who the work is by: an analysis's contributors, else the atlas's publisher. */
  authors: string[];
}

type CitationContext = Pick<Atlas, 'site'>;

/** The permanent URL of a record ID on this atlas. */
export function permanentUrl(atlas: Pick<Atlas, 'site'>, id: string): string {
  return siteUrl(atlas, routes.permanent(id));
}

interface Work {
  title: string;
  /** What the record is, written inside the APA brackets and the Bluebook parenthetical. */
  describes: string;
  id: string;
  snapshot: SnapshotView | undefined;
  issued: string | undefined;
  /** Contributors to credit; the publisher when empty. */
  contributors: readonly string[];
}

/** "A, B and C", the way a citation lists several authors in running text. */
function listNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function versionNote(snapshot: SnapshotView | undefined, format: (iso: string) => string): string {
  if (!snapshot) return '';
  return `; text captured ${format(snapshot.capturedOn)}, SHA-256 ${snapshot.data.sha256.slice(0, SHA_PREFIX_LENGTH)}`;
}

function cite(atlas: CitationContext, work: Work): Citation {
  const { site } = atlas;
  const url = permanentUrl(atlas, work.id);
  const date = work.issued ? formatApaDate(work.issued) : 'n.d.';
  const authors = work.contributors.length ? [...work.contributors] : [site.publisher];
  const by = listNames(authors);
  const apa = `${by}. (${date}). ${work.title} [${work.describes}; record ${work.id}${versionNote(work.snapshot, formatDate)}]. ${site.name}. ${url}`;
  const dated = work.issued ? `, dated ${formatBluebookDate(work.issued)}` : '';
  const bluebook = `${by}, ${work.title}, ${site.name} (${work.describes}, record ${work.id}${dated}${versionNote(work.snapshot, formatBluebookDate)}), ${url}.`;
  return { id: work.id, apa, bluebook, permanentUrl: url, snapshot: work.snapshot, issued: work.issued, authors };
}

/** `, section "Outer › Inner"` for a quote under headings; nothing when it sits under none or has no cited snapshot. */
export function sectionNote(section: readonly string[] | undefined): string {
  return section?.length ? `, section "${section.join(' › ')}"` : '';
}

/** Citation of a clause analysis, pinned to the snapshot the clause is cited against. */
export function clauseCitation(atlas: CitationContext, clause: ClauseRecord): Citation {
  return cite(atlas, {
    title: clause.data.title,
    describes: `analysis of a clause in ${clause.platform.data.name}, ${clause.document.data.title}${sectionNote(clause.section)}`,
    id: clause.data.id,
    snapshot: clause.citedSnapshot,
    // The capture date is the policy's, not the analysis's.
    issued: clause.data.reviewed_on ?? clause.data.written_on,
    contributors: clause.data.contributors,
  });
}

/**
 * The date a captured version states it was published: its "last updated"
 * date, else its effective date (effective-date.ts), and only when not after
 * the capture, since a later date is when the text takes effect, not when it
 * was published. Undefined when the text states none.
 */
export function versionDate(snapshot: SnapshotView | undefined): string | undefined {
  if (!snapshot) return undefined;
  const stated = snapshot.statedDates.updated ?? snapshot.statedDates.effective;
  return stated !== undefined && stated <= snapshot.capturedOn ? stated : undefined;
}

/** Citation of a document record, pinned to its latest capture and dated by the date that version states for itself (versionDate). */
export function documentCitation(atlas: CitationContext, document: DocumentRecord): Citation {
  return cite(atlas, {
    title: document.data.title,
    describes: `${document.platform.data.name} policy text and version history`,
    id: document.data.id,
    snapshot: document.facts.lastVerified,
    issued: versionDate(document.facts.lastVerified),
    contributors: [],
  });
}
