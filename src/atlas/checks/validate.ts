/**
 * Checks that need more than one file: references between entries, record
 * IDs against the ledger, quotes against snapshots, hashes against bytes,
 * dates against the present, negative findings against their documents
 * (negative-checks.ts), and source URLs against the non-public address
 * ranges. Every problem is collected; nothing stops early.
 */
import { routes } from '../routes.ts';
import { recordIdPattern } from '../../schema/record-id.ts';
import { checkAnalysis, checkMarkdown } from './analysis-guard.ts';
import type { Entry, LoadedContent } from '../reading/load.ts';
import type { Atlas } from '../model/model.ts';
import { ledgerPathProblems } from './permanent-urls.ts';
import { negativeProblems } from './negative-checks.ts';
import { matchedPrefix } from '../model/normalize.ts';
import { describeValue, type Problem } from '../reading/problems.ts';
import type { SnapshotView } from '../model/snapshots.ts';
import { lineEndMismatch, stampToInstant } from '../reading/snapshot-file.ts';
import { closestName } from './suggest.ts';
import { nonPublicHost } from './public-address.ts';
import { legalReviewProblems } from './legal-review.ts';
import { regulationRuleProblems } from './regulation-rule.ts';

/** Suggests the closest known key when a reference looks like a typo. */
function didYouMean(value: string, known: readonly string[]): string | undefined {
  const best = closestName(value, known);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}

function referenceProblem(entry: Entry<unknown>, path: Array<string | number>, what: string, value: string, known: readonly string[]): Problem {
  return {
    file: entry.file,
    line: entry.lineOf(path),
    field: path.join('.'),
    expected: `a known ${what}`,
    found: `unknown ${what} \`${value}\``,
    level: 'error',
    hint: didYouMean(value, known),
  };
}

function checkReferences(content: LoadedContent, problems: Problem[]): void {
  // Keys of files that exist but are invalid count as known: their own problem is reported already.
  const rejected = [...content.rejected.keys];
  const platforms = [...content.platforms.map((p) => p.key), ...rejected];
  const documents = [...content.documents.map((d) => d.key), ...rejected];
  const clauseTypes = content.clauseTypes.map((t) => t.key);
  const regulations = [...content.regulations.map((r) => r.key), ...rejected];
  const agencies = [...content.agencies.map((a) => a.key), ...rejected];
  const clauseKeys = [...content.clauses.map((c) => c.key), ...rejected];
  const documentPlatform = (entry: Entry<unknown>, platform: string) => {
    if (!platforms.includes(platform)) {
      problems.push({ file: entry.file, field: 'path', expected: `a folder named after a platform in content/platforms/`, found: `unknown platform \`${platform}\``, level: 'error', hint: didYouMean(platform, platforms) });
      return false;
    }
    return true;
  };
  for (const d of content.documents) {
    const [platform = ''] = d.key.split('/');
    documentPlatform(d, platform);
    const predecessor = d.data.predecessor;
    if (predecessor && !documents.includes(predecessor)) problems.push(referenceProblem(d, ['predecessor'], 'document', predecessor, documents));
    if (predecessor === d.key) problems.push({ file: d.file, line: d.lineOf(['predecessor']), field: 'predecessor', expected: 'another document', found: 'the document itself', level: 'error' });
  }
  for (const s of content.snapshots) {
    if (!documents.includes(`${s.platform}/${s.document}`)) {
      problems.push({ file: s.file, field: 'path', expected: 'a folder of a document in content/documents/', found: `unknown document \`${s.platform}/${s.document}\``, level: 'error', hint: didYouMean(`${s.platform}/${s.document}`, documents) });
    }
  }
  for (const c of content.clauses) {
    const [platform = '', document = ''] = c.key.split('/');
    if (documentPlatform(c, platform) && !documents.includes(`${platform}/${document}`)) {
      problems.push({ file: c.file, field: 'path', expected: 'a folder of a document in content/documents/', found: `unknown document \`${platform}/${document}\``, level: 'error', hint: didYouMean(`${platform}/${document}`, documents) });
    }
    if (!clauseTypes.includes(c.data.clause_type)) problems.push(referenceProblem(c, ['clause_type'], 'clause type', c.data.clause_type, clauseTypes));
    c.data.regulations.forEach((r, i) => regulations.includes(r) || problems.push(referenceProblem(c, ['regulations', i], 'regulation', r, regulations)));
    c.data.agencies.forEach((a, i) => agencies.includes(a) || problems.push(referenceProblem(c, ['agencies', i], 'agency', a, agencies)));
    c.data.secondary_types.forEach((t, i) => {
      if (!clauseTypes.includes(t)) problems.push(referenceProblem(c, ['secondary_types', i], 'clause type', t, clauseTypes));
      else if (t === c.data.clause_type) problems.push({ file: c.file, line: c.lineOf(['secondary_types', i]), field: `secondary_types.${i}`, expected: 'a clause type other than the main `clause_type`', found: `\`${t}\`, the main type`, level: 'error' });
    });
    c.data.related.forEach((r, i) => {
      if (!clauseKeys.includes(r)) problems.push(referenceProblem(c, ['related', i], 'clause', r, clauseKeys));
      else if (r === c.key) problems.push({ file: c.file, line: c.lineOf(['related', i]), field: `related.${i}`, expected: 'another clause', found: 'the clause itself', level: 'error' });
    });
    checkAnalysis(c.file, c.body, c.bodyLine, c.file.endsWith('.mdx'), problems);
  }
  for (const r of content.regulations) {
    checkMarkdown(r.file, r.body, r.bodyLine, problems);
    r.data.agencies.forEach((a, i) => agencies.includes(a) || problems.push(referenceProblem(r, ['agencies', i], 'agency', a, agencies)));
  }
}

function checkPredecessorCycles(atlas: Atlas, content: LoadedContent, problems: Problem[]): void {
  for (const d of atlas.documents) {
    const seen = new Set<string>([d.key]);
    for (let p = d.predecessor; p; p = p.predecessor) {
      if (seen.has(p.key)) {
        const entry = content.documents.find((e) => e.key === d.key);
        problems.push({ file: d.file, line: entry?.lineOf(['predecessor']), field: 'predecessor', expected: 'a chain of predecessors that ends', found: `a cycle through \`${p.key}\``, level: 'error' });
        break;
      }
      seen.add(p.key);
    }
  }
}

function checkRecordIds(content: LoadedContent, problems: Problem[]): void {
  const prefix = content.site?.data.id_prefix;
  const ledger = content.ledger;
  const ledgerById = new Map(ledger?.data.records.map((r, i) => [r.id, { record: r, index: i }]) ?? []);
  const seen = new Map<string, string>();
  const records: Array<{ entry: Entry<{ id: string }>; kind: 'clause' | 'document'; path: string }> = [
    ...content.documents.map((entry) => ({ entry, kind: 'document' as const, path: routes.document(entry.key) })),
    ...content.clauses.map((entry) => ({ entry, kind: 'clause' as const, path: routes.clause(entry.key) })),
  ];
  for (const { entry, kind, path } of records) {
    const id = entry.data.id;
    const line = entry.lineOf(['id']);
    if (prefix && !recordIdPattern(kind, prefix).test(id)) {
      problems.push({ file: entry.file, line, field: 'id', expected: `a ${kind} ID with this atlas's prefix \`${prefix}\``, found: describeValue(id), level: 'error' });
    }
    const other = seen.get(id);
    if (other) {
      problems.push({ file: entry.file, line, field: 'id', expected: 'a record ID no other entry uses', found: `\`${id}\`, already used by ${other}`, level: 'error' });
      continue;
    }
    seen.set(id, entry.file);
    if (!ledger) continue;
    const inLedger = ledgerById.get(id);
    if (!inLedger) {
      problems.push({ file: entry.file, line, field: 'id', expected: 'an ID recorded in content/ledger.yaml', found: `\`${id}\`, which the ledger does not list`, level: 'error', hint: 'take a new ID with `npm run new`, which records it' });
    } else if (inLedger.record.withdrawn) {
      problems.push({ file: entry.file, line, field: 'id', expected: 'an ID that was never withdrawn', found: `\`${id}\`, withdrawn on ${inLedger.record.withdrawn.on}`, level: 'error', hint: 'withdrawn IDs are never reused' });
    } else if (inLedger.record.kind !== kind) {
      problems.push({ file: entry.file, line, field: 'id', expected: `an ID the ledger records as a ${kind}`, found: `\`${id}\`, recorded as a ${inLedger.record.kind}`, level: 'error' });
    } else if (inLedger.record.paths.at(-1) !== path) {
      problems.push({ file: ledger.file, line: ledger.lineOf(['records', inLedger.index, 'paths']), field: `records.${inLedger.index}.paths`, expected: `the current path ${path} last`, found: describeValue(inLedger.record.paths.at(-1)), level: 'error', hint: 'append the new path; old paths stay so their links keep working' });
    }
  }
  if (!ledger) return;
  const ledgerSeen = new Set<string>();
  ledger.data.records.forEach((record, i) => {
    if (ledgerSeen.has(record.id)) problems.push({ file: ledger.file, line: ledger.lineOf(['records', i, 'id']), field: `records.${i}.id`, expected: 'each ID once', found: `\`${record.id}\` again`, level: 'error' });
    ledgerSeen.add(record.id);
    if (prefix && !recordIdPattern(record.kind, prefix).test(record.id)) {
      problems.push({ file: ledger.file, line: ledger.lineOf(['records', i, 'id']), field: `records.${i}.id`, expected: `a ${record.kind} ID with the prefix \`${prefix}\``, found: describeValue(record.id), level: 'error' });
    }
    if (!record.withdrawn && !seen.has(record.id) && !content.rejected.ids.has(record.id)) {
      problems.push({ file: ledger.file, line: ledger.lineOf(['records', i]), field: `records.${i}`, expected: 'an entry in content/ for every record that is not withdrawn', found: `no entry with ID \`${record.id}\``, level: 'error', hint: 'restore the entry, or mark the record withdrawn with a date and reason' });
    }
  });
}

function checkSnapshots(content: LoadedContent, now: Date, problems: Problem[]): void {
  for (const s of content.snapshots) {
    const actual = s.sha256;
    if (actual !== s.data.sha256) {
      problems.push({ file: s.file, line: s.lineOf(['sha256']), field: 'sha256', expected: `the SHA-256 of the snapshot's text (${actual})`, found: s.data.sha256, level: 'error', hint: lineEndMismatch(s.readBody(), s.data.sha256) ?? 'snapshot files are never edited; restore the captured bytes' });
    }
    const fromName = stampToInstant(s.stamp);
    if (s.data.captured_at.replace(/\.\d+Z$/, 'Z') !== fromName) {
      problems.push({ file: s.file, line: s.lineOf(['captured_at']), field: 'captured_at', expected: `the instant in the file name (${fromName})`, found: s.data.captured_at, level: 'error' });
    }
    if (Date.parse(s.data.captured_at) > now.getTime()) {
      problems.push({ file: s.file, line: s.lineOf(['captured_at']), field: 'captured_at', expected: 'a time not in the future', found: s.data.captured_at, level: 'error' });
    }
    if (s.data.effective_date && Date.parse(`${s.data.effective_date}T00:00:00Z`) > now.getTime()) {
      problems.push({ file: s.file, line: s.lineOf(['effective_date']), field: 'effective_date', expected: 'a date not in the future', found: s.data.effective_date, level: 'error' });
    }
    if (s.blank) problems.push({ file: s.file, line: s.bodyLine, field: 'body', expected: 'the captured text', found: 'an empty body', level: 'error' });
  }
}

function checkDates(content: LoadedContent, now: Date, problems: Problem[]): void {
  const future = (date: string) => Date.parse(`${date}T00:00:00Z`) > now.getTime();
  for (const p of content.platforms) {
    p.data.formerly.forEach((f, i) => {
      if (future(f.until)) problems.push({ file: p.file, line: p.lineOf(['formerly', i, 'until']), field: `formerly.${i}.until`, expected: 'a date not in the future', found: f.until, level: 'error' });
    });
  }
  content.ledger?.data.records.forEach((r, i) => {
    if (r.withdrawn && future(r.withdrawn.on)) {
      problems.push({ file: content.ledger?.file ?? 'ledger', line: content.ledger?.lineOf(['records', i, 'withdrawn', 'on']), field: `records.${i}.withdrawn.on`, expected: 'a date not in the future', found: r.withdrawn.on, level: 'error' });
    }
  });
}

/**
 * An analysis's own dates: neither `written_on` nor `reviewed_on` in the
 * future, neither before the first capture holding the quote (an analysis
 * cannot predate the text it quotes), and a review not before the writing.
 */
function checkAnalysisDates(atlas: Atlas, content: LoadedContent, now: Date, problems: Problem[]): void {
  const entries = new Map(content.clauses.map((c) => [c.key, c]));
  for (const c of atlas.clauses) {
    const entry = entries.get(c.key);
    const { written_on: written, reviewed_on: reviewed } = c.data;
    const firstCaptured = c.stability.firstCaptured?.capturedOn;
    for (const [field, date] of [['written_on', written], ['reviewed_on', reviewed]] as const) {
      if (!date) continue;
      const line = entry?.lineOf([field]);
      if (Date.parse(`${date}T00:00:00Z`) > now.getTime()) problems.push({ file: c.file, line, field, expected: 'a date not in the future', found: date, level: 'error' });
      else if (firstCaptured && date < firstCaptured) problems.push({ file: c.file, line, field, expected: `a date on or after ${firstCaptured}, the first capture holding the quote`, found: date, level: 'error' });
    }
    if (written && reviewed && reviewed < written) problems.push({ file: c.file, line: entry?.lineOf(['reviewed_on']), field: 'reviewed_on', expected: `a date on or after written_on (${written})`, found: reviewed, level: 'error' });
  }
}

/** Leading words a quote must share with a snapshot before validation says where the two part ways. */
const QUOTE_POINTER_MIN_WORDS = 3;

/** Where the best-matching snapshot text and a quote part ways ("the words match … up to "…", then the quote has "…"; "), or nothing when not even the first word occurs. */
function whereQuoteDiffers(history: readonly SnapshotView[], quote: string): string {
  let best = { matched: '', rest: '' };
  for (const text of new Set(history.map((s) => s.normalized))) {
    const prefix = matchedPrefix(text, quote);
    if (prefix.matched.length > best.matched.length) best = prefix;
  }
  const matched = best.matched.split(' ');
  // Fewer words match anywhere by chance ("We"): no pointer then.
  if (matched.length < QUOTE_POINTER_MIN_WORDS) return '';
  const rest = best.rest.split(' ');
  const tail = `${matched.length > 6 ? '…' : ''}${matched.slice(-6).join(' ')}`;
  const next = `${rest.slice(0, 6).join(' ')}${rest.length > 6 ? '…' : ''}`;
  return `a snapshot matches up to "${tail}", then the quote has "${next}"; `;
}

function checkQuotes(atlas: Atlas, content: LoadedContent, problems: Problem[]): void {
  const entries = new Map(content.clauses.map((c) => [c.key, c]));
  for (const c of atlas.clauses) {
    const line = entries.get(c.key)?.lineOf(['quote']);
    const { stability, document } = c;
    if (!document.history.length) {
      problems.push({ file: c.file, line, field: 'quote', expected: `text from a snapshot of ${document.key}`, found: 'a document with no snapshots', level: 'error' });
    } else if (!stability.firstCaptured) {
      problems.push({ file: c.file, line, field: 'quote', expected: `text that occurs in a snapshot of ${document.key} (${document.history.length} checked)`, found: `a quote found in none of them: ${describeValue(c.data.quote)}`, level: 'error', hint: `${whereQuoteDiffers(document.history, c.data.quote)}copy the words exactly as the policy shows them; markup, line breaks and curly quotes do not matter` });
    } else if (!stability.stillPresent && stability.firstSeen) {
      const since = stability.goneSince;
      problems.push({ file: c.file, line, field: 'quote', expected: 'text still in the latest version', found: `a quote no longer in the current text${since ? ` since ${since.capturedOn} (${since.stamp})` : ''}`, level: 'warning', hint: 'review the clause against the current version' });
    } else if (stability.stillPresent && !stability.exactSince) {
      problems.push({ file: c.file, line, field: 'quote', expected: 'the quote verbatim in the latest version', found: `a quote the latest version holds only in substance, reworded (last verbatim in ${stability.lastExact?.stamp ?? 'no version'})`, level: 'warning', hint: 'quote the current wording, or keep the old one if the analysis is about it' });
    }
  }
}

/** Source URLs are published and fetched: none may be a non-public address (rel-09), in a document or in a snapshot's record of its capture. */
function checkSourceAddresses(content: LoadedContent, problems: Problem[]): void {
  const urls = [
    ...content.documents.map((d) => ({ entry: d, field: 'source_url', url: d.data.source_url })),
    ...content.snapshots.flatMap((s) => (['source_url', 'final_url'] as const).map((field) => ({ entry: s, field, url: s.data[field] }))),
  ];
  for (const { entry, field, url } of urls) {
    const range = url === undefined ? undefined : nonPublicHost(url);
    if (range === undefined) continue;
    problems.push({ file: entry.file, line: entry.lineOf([field]), field, expected: 'a public web address (it is published, and capture fetches it)', found: `${describeValue(url)}, a ${range} address`, level: 'error' });
  }
}

/**
 * Fields an import could not tell (src/schema/platform.ts, document.ts) are left
 * out and shown as "not recorded": a warning each, so a person fills them in,
 * never an error that would block the import's output.
 */
function checkUnrecorded(content: LoadedContent, problems: Problem[]): void {
  const missing = [
    ...content.platforms.flatMap((p) => (['website', 'headquarters', 'description'] as const).filter((f) => p.data[f] === undefined).map((field) => ({ entry: p, field }))),
    ...content.documents.flatMap((d) => (['source_url', 'capture'] as const).filter((f) => d.data[f] === undefined).map((field) => ({ entry: d, field }))),
  ];
  for (const { entry, field } of missing) {
    problems.push({ file: entry.file, field, expected: `a ${field} (shown as "not recorded" until written)`, found: 'nothing', level: 'warning', hint: field === 'capture' ? 'without it the document cannot be captured' : 'fill it in from the service itself' });
  }
}

/** Runs every cross-file check. `now` is when validation runs (for "dates in the future"). */
export function validateContent(content: LoadedContent, atlas: Atlas, now: Date): Problem[] {
  const problems: Problem[] = [];
  checkReferences(content, problems);
  checkPredecessorCycles(atlas, content, problems);
  checkRecordIds(content, problems);
  problems.push(...ledgerPathProblems(content, atlas));
  checkSnapshots(content, now, problems);
  checkSourceAddresses(content, problems);
  checkUnrecorded(content, problems);
  checkDates(content, now, problems);
  checkQuotes(atlas, content, problems);
  checkAnalysisDates(atlas, content, now, problems);
  problems.push(...legalReviewProblems(content, atlas, now), ...regulationRuleProblems(content));
  problems.push(...negativeProblems(content, atlas, now));
  return problems;
}
