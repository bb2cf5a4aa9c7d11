/**
 * The text of a new platform, document or clause entry: every field the
 * schema requires, each under a one-line `#` hint, optional fields as
 * commented-out lines. What the contributor still has to write is left as an
 * empty value (`""`) or, in a clause's analysis, an HTML comment; both fail
 * validation with the field's name and line, so a half-filled entry can never
 * pass for a finished one. The `yaml` package writes the values, so any text
 * given on the command line is quoted correctly.
 */
import { Document, Scalar, YAMLMap } from 'yaml';
import { optionalSections, requiredSections } from '../../../src/schema/clause.ts';

/** The value of a field the contributor must still fill in. */
export const TO_FILL = '';

/** One field: its value (or nested fields, with their own optional lines) and the hint written above it. */
type Field = { key: string; hint: string } & ({ value: unknown } | { fields: Field[]; optional?: string[] });

/** A map of fields with their hints; `optional` lines are appended as comments. */
function hintedMap(doc: Document, fields: Field[], optional: string[] = []): YAMLMap {
  const map = new YAMLMap();
  for (const field of fields) {
    const value = 'fields' in field ? hintedMap(doc, field.fields, field.optional) : doc.createNode(field.value);
    const pair = doc.createPair(field.key, value);
    (pair.key as Scalar).commentBefore = ` ${field.hint}`;
    map.items.push(pair);
  }
  if (optional.length > 0) map.comment = optional.map((line) => ` ${line}`).join('\n');
  return map;
}

function yamlText(fields: Field[], optional: string[] = []): string {
  const doc = new Document();
  doc.contents = hintedMap(doc, fields, optional);
  return doc.toString({ lineWidth: 0 });
}

const idHint = 'Permanent record ID, taken from content/ledger.yaml by `npm run new`; never change or reuse it.';

export interface PlatformInput {
  name: string;
  website?: string | undefined;
  headquarters?: string | undefined;
}

/** `content/platforms/<slug>.yaml`. */
export function platformEntry(input: PlatformInput): string {
  return yamlText(
    [
      { key: 'name', value: input.name, hint: "The platform's current public name." },
      { key: 'website', value: input.website ?? TO_FILL, hint: 'Home page of the service (an http or https URL).' },
      { key: 'headquarters', value: input.headquarters ?? TO_FILL, hint: "Country of the operator's headquarters: ISO 3166-1 alpha-2 code such as US or IE." },
      { key: 'description', value: TO_FILL, hint: 'Two or three sentences, in your own words, on what the service is.' },
      { key: 'formerly', value: [], hint: 'Earlier names, newest last, each as { name: …, until: "YYYY-MM-DD" }; [] if none.' },
    ],
    ['parent: Example Corp.   (optional: the company that owns or operates the platform, when its name differs)'],
  );
}

export interface DocumentInput {
  id: string;
  title: string;
  type: string;
  sourceUrl: string;
  language: string;
  select: string;
}

/** `content/documents/<platform>/<slug>.yaml`. */
export function documentEntry(input: DocumentInput): string {
  return yamlText(
    [
      { key: 'id', value: input.id, hint: idHint },
      { key: 'title', value: input.title, hint: 'The title as the platform names the document.' },
      { key: 'type', value: input.type, hint: 'Document type from the Open Terms Archive vocabulary (@opentermsarchive/terms-types).' },
      { key: 'source_url', value: input.sourceUrl, hint: 'Where the platform publishes the current text.' },
      { key: 'language', value: input.language, hint: 'Language of the tracked text, a BCP 47 tag such as en or en-GB.' },
      {
        key: 'capture',
        hint: 'How the text is cut out of the source page when it is captured.',
        fields: [{ key: 'select', value: input.select, hint: 'CSS selector(s) of the elements holding the text; check against the live page.' }],
        optional: ['remove: [nav, .cookie-banner]   (optional: elements inside the selection to drop)'],
      },
    ],
    ['predecessor: <platform>/<document>   (optional: the document whose history this one continues)'],
  );
}

export interface ClauseInput {
  id: string;
  clauseType?: string | undefined;
  severity?: string | undefined;
  confidence?: string | undefined;
  /** Display path of the snapshot the quote should come from, when the document has one. */
  quoteSource?: string | undefined;
  /** Today (YYYY-MM-DD, UTC): when the analysis is being written. */
  writtenOn: string;
}

type Section = (typeof requiredSections)[number] | (typeof optionalSections)[number];

const sectionHints: Record<Section, string> = {
  'What it is': '2–4 plain sentences: what the clause says and does.',
  'Why it matters': '2–4 sentences: why a user, researcher or regulator should care.',
  'Consumer impact': '2–4 sentences: the concrete effect on a person using the service; name a setting or opt-out only if the policy itself does.',
  'Interpretive note': 'Optional: ambiguity or limits of the reading. Delete this section if there is nothing to add.',
};

/** `content/clauses/<platform>/<document>/<slug>.md`: front matter, then the analysis sections with hints. */
export function clauseEntry(input: ClauseInput): string {
  const from = input.quoteSource ? ` (the newest is ${input.quoteSource})` : '';
  const frontMatter = yamlText([
    { key: 'id', value: input.id, hint: idHint },
    { key: 'title', value: TO_FILL, hint: 'A short, neutral title naming what the clause does.' },
    { key: 'summary', value: TO_FILL, hint: 'One plain-language sentence (at most 240 characters) on what the clause means for a user.' },
    { key: 'clause_type', value: input.clauseType ?? TO_FILL, hint: 'Key of a clause type in content/clause-types/.' },
    { key: 'severity', value: input.severity ?? TO_FILL, hint: "low, medium or high: how much the clause can affect the people bound by it (see the clause type's severity guide)." },
    { key: 'confidence', value: input.confidence ?? TO_FILL, hint: 'low, medium or high: how sure the analysis is of its reading of the text.' },
    { key: 'quote', value: TO_FILL, hint: `The clause's words copied verbatim (at least 20 characters) from a snapshot of the document${from}.` },
    { key: 'regulations', value: [], hint: 'Keys from content/regulations/ that apply under docs/regulation-rule.md (territory and subject); [] if none.' },
    { key: 'agencies', value: [], hint: 'Keys from content/agencies/ that enforce one of those regulations for this platform (docs/regulation-rule.md); [] if none.' },
    { key: 'categories', value: [], hint: 'Free topic tags in lowercase with hyphens, e.g. [data-use].' },
    { key: 'written_on', value: input.writtenOn, hint: 'When the analysis was written (YYYY-MM-DD); set to the day `new` ran.' },
    { key: 'contributors', value: [], hint: 'Optional: names or handles to credit in citations, e.g. [Ada Lovelace]; [] credits the atlas.' },
  ]);
  const sections = [...requiredSections, ...optionalSections].map((section) => `## ${section}\n\n<!-- ${sectionHints[section]} -->\n`);
  return `---\n${frontMatter}---\n${sections.join('\n')}`;
}

/** `content/negatives/<platform>/<document>/<clause-type>.yaml`: the snapshot to read is filled in; the date and note are the reader's. */
export function negativeEntry(input: { snapshot: string }): string {
  return yamlText([
    { key: 'snapshot', value: input.snapshot, hint: "Stamp of the snapshot you read in full: the document's newest, unless you read another." },
    { key: 'checked_on', value: TO_FILL, hint: 'The day you read it and found no clause of this type, as YYYY-MM-DD.' },
    { key: 'note', value: TO_FILL, hint: 'One sentence in your own words: what you looked for, and what the document says instead, if anything.' },
  ]);
}
