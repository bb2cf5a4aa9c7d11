/**
 * Machine-readable citations of clause and document records: BibTeX, RIS and
 * CSL-JSON, for reference managers. One CSL-JSON item per record is the single
 * source; citation-js (the maintained CSL toolkit behind many reference tools)
 * maps it to each format, so the three downloads agree with each other.
 *
 * The item is a CSL `webpage`: what is cited is a page of an online atlas with
 * a permanent URL. (`entry` means a dictionary or encyclopedia entry and `post`
 * a forum or social-media post; `webpage` is what citation-js, Zotero and the
 * APA style treat as a web page, giving BibTeX `@misc` and RIS `ELEC`.)
 * Like the formatted citations (citation.ts), it pins the cited snapshot (its
 * capture date and SHA-256 prefix are in the note), is dated by the work's own
 * date (`issued`, absent for "n.d.") and leaves the accessed date to the
 * reader's reference manager.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { clauseCitation, documentCitation, sectionNote, SHA_PREFIX_LENGTH, type Citation } from './citation.ts';
import type { Atlas, ClauseRecord, DocumentRecord } from '../model/model.ts';

type CslDate = { 'date-parts': [[number, number, number]] };

/** The CSL-JSON fields the atlas fills in. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'webpage';
  title: string;
  /** What the record is, shown in brackets after the title by APA. */
  genre: string;
  /** The atlas's name: the "website" in a web citation. */
  'container-title': string;
  publisher: string;
  /** The analysis's contributors, else the atlas's publisher, each as a literal name (handles and organisations are not split into given and family names). */
  author: Array<{ literal: string }>;
  /** The permanent record URL. */
  URL: string;
  /** Date of the work (Citation.issued); absent when undated. */
  issued?: CslDate;
  /** Record ID, snapshot date and SHA-256 prefix, so the exact text can be checked. */
  note: string;
}

type CitationContext = Pick<Atlas, 'site'>;

function cslDate(isoDate: string): CslDate {
  const [year = 0, month = 1, day = 1] = isoDate.slice(0, 10).split('-').map(Number);
  return { 'date-parts': [[year, month, day]] };
}

function cslItem(atlas: CitationContext, id: string, title: string, genre: string, citation: Citation): CslItem {
  const { site } = atlas;
  const { snapshot, issued } = citation;
  const version = snapshot ? `; text captured ${snapshot.capturedOn}, SHA-256 ${snapshot.data.sha256.slice(0, SHA_PREFIX_LENGTH)}` : '';
  return {
    id,
    'citation-key': id,
    type: 'webpage',
    title,
    genre,
    'container-title': site.name,
    publisher: site.publisher,
    author: citation.authors.map((literal) => ({ literal })),
    URL: citation.permanentUrl,
    ...(issued ? { issued: cslDate(issued) } : {}),
    note: `${site.name} record ${id}${version}`,
  };
}

/** The CSL-JSON item of a clause analysis, pinned to the snapshot the clause is cited against. */
export function clauseCslItem(atlas: CitationContext, clause: ClauseRecord): CslItem {
  const genre = `Analysis of a clause in ${clause.platform.data.name}, ${clause.document.data.title}${sectionNote(clause.section)}`;
  return cslItem(atlas, clause.data.id, clause.data.title, genre, clauseCitation(atlas, clause));
}

/** The CSL-JSON item of a document record, pinned to its latest capture. */
export function documentCslItem(atlas: CitationContext, document: DocumentRecord): CslItem {
  const genre = `${document.platform.data.name} policy text and version history`;
  return cslItem(atlas, document.data.id, document.data.title, genre, documentCitation(atlas, document));
}

/** Every citable record's item, by ID. */
export function citedRecords(atlas: Atlas): CslItem[] {
  return [...atlas.documents.map((d) => documentCslItem(atlas, d)), ...atlas.clauses.map((c) => clauseCslItem(atlas, c))].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

interface BibtexConfig {
  format: { checkLabel: boolean };
}

/** Three-letter month macros every BibTeX style defines. */
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * BibTeX `@misc` entry keyed by the record ID. citation-js writes the day into
 * the month (`month = {mar 1}`), which BibTeX styles print verbatim; the month
 * becomes the standard macro (`month = mar`) and the full date goes in
 * biblatex's `date` field (`date = {2024-03-01}`), which classic BibTeX ignores.
 */
export function toBibtex(item: CslItem): string {
  const config = plugins.config.get('@bibtex') as BibtexConfig;
  // citation-js's label check drops hyphens, which BibTeX keys allow; the record ID is the key people expect.
  const checkLabel = config.format.checkLabel;
  config.format.checkLabel = false;
  try {
    return `${bibtexDates(String(new Cite(item).format('bibtex')).trim(), item.issued)}\n`;
  } finally {
    config.format.checkLabel = checkLabel;
  }
}

function bibtexDates(entry: string, issued: CslDate | undefined): string {
  if (!issued) return entry;
  const [year, month, day] = issued['date-parts'][0];
  const iso = [year, month, day].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
  return entry.replace(/^(\s*)month = \{[^}]*\},$/m, `$1month = ${BIBTEX_MONTHS[month - 1]},\n$1date = {${iso}},`);
}

/**
 * RIS: one `XX  - value` line a tag, `TY` first and `ER` last, CRLF as the
 * format specifies. citation-js maps the item to tags; its own text output
 * wraps values at 70 characters, which splits URLs and titles for readers
 * (its own parser rejoins them with a space), so the lines are written here.
 */
export function toRis(item: CslItem): string {
  const [tags] = new Cite(item).format('ris', { format: 'object' }) as [Record<string, string | string[]>];
  const { TY, ...rest } = tags;
  const line = (tag: string, value: string) => `${tag}  - ${risDate(tag, value.replace(/\s+/g, ' ').trim())}`;
  const lines = [line('TY', String(TY)), ...Object.entries(rest).flatMap(([tag, values]) => [values].flat().map((value) => line(tag, value))), 'ER  - '];
  return `${lines.join('\r\n')}\r\n`;
}

/** RIS dates are `YYYY/MM/DD/`; citation-js leaves month and day unpadded (`2024/3/1/`). */
function risDate(tag: string, value: string): string {
  if (tag !== 'DA' && tag !== 'Y1') return value;
  return value.replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})\//, (_, y: string, m: string, d: string) => `${y}/${m.padStart(2, '0')}/${d.padStart(2, '0')}/`);
}

/** CSL-JSON: a list holding the one item, as reference managers import it. */
export function toCslJson(item: CslItem): string {
  return `${JSON.stringify(new Cite(item).data.map(({ _graph, ...fields }) => fields), null, 2)}\n`;
}

/** The downloadable formats: file extension, media type and writer. */
export const citationFormats = {
  bib: { label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8', write: toBibtex },
  ris: { label: 'RIS', mediaType: 'application/x-research-info-systems; charset=utf-8', write: toRis },
  json: { label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8', write: toCslJson },
} as const;

export type CitationFormat = keyof typeof citationFormats;
