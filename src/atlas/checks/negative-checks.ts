/**
 * Checks of negative findings (content/negatives/) against the rest of the
 * atlas: the platform, document, clause type and snapshot they name must
 * exist; a document cannot both have and lack a clause type; the check cannot
 * predate the snapshot read or lie in the future; and a finding whose document
 * has changed since is reported for re-checking.
 */
import type { LoadedContent } from '../reading/load.ts';
import type { Atlas } from '../model/model.ts';
import { describeValue, type Problem } from '../reading/problems.ts';
import { closestName } from './suggest.ts';

const didYouMean = (value: string, known: readonly string[]) => {
  const best = closestName(value, known);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
};

/** Every problem of every negative finding; `now` is when validation runs. */
export function negativeProblems(content: LoadedContent, atlas: Atlas, now: Date): Problem[] {
  const problems: Problem[] = [];
  const platforms = content.platforms.map((p) => p.key);
  const documents = content.documents.map((d) => d.key);
  const clauseTypes = content.clauseTypes.map((t) => t.key);
  const rejected = content.rejected.keys;
  const linked = new Map(atlas.negatives.map((n) => [n.key, n]));
  for (const e of content.negatives) {
    const [platform = '', document = '', type = ''] = e.key.split('/');
    const documentKey = `${platform}/${document}`;
    if (!platforms.includes(platform) && !rejected.has(platform)) {
      problems.push({ file: e.file, field: 'path', expected: 'a folder named after a platform in content/platforms/', found: `unknown platform \`${platform}\``, level: 'error', hint: didYouMean(platform, platforms) });
    } else if (!documents.includes(documentKey) && !rejected.has(documentKey)) {
      problems.push({ file: e.file, field: 'path', expected: 'a folder of a document in content/documents/', found: `unknown document \`${documentKey}\``, level: 'error', hint: didYouMean(documentKey, documents) });
    }
    if (!clauseTypes.includes(type)) {
      problems.push({ file: e.file, field: 'file name', expected: 'a clause type in content/clause-types/ (the file is named <clause-type>.yaml)', found: `unknown clause type \`${type}\``, level: 'error', hint: didYouMean(type, clauseTypes) });
    }
    const checkedOn = e.data.checked_on;
    if (Date.parse(`${checkedOn}T00:00:00Z`) > now.getTime()) {
      problems.push({ file: e.file, line: e.lineOf(['checked_on']), field: 'checked_on', expected: 'a date not in the future', found: checkedOn, level: 'error' });
    }
    const negative = linked.get(e.key);
    if (!negative) continue;
    const { snapshot, version, changedSince } = negative;
    const own = negative.document.snapshots;
    // A snapshot file that exists but could not be read is reported on its own; naming it is no second problem.
    const unreadable = rejected.has(`${documentKey}/${e.data.snapshot}`);
    if (!snapshot && !unreadable) {
      const newest = own.at(-1);
      problems.push({
        file: e.file,
        line: e.lineOf(['snapshot']),
        field: 'snapshot',
        expected: `the stamp of a snapshot of ${documentKey} (a file in content/snapshots/${documentKey}/)`,
        found: `${describeValue(e.data.snapshot)}, which is none of its ${own.length} snapshots`,
        level: 'error',
        hint: newest ? `its newest is \`${newest.stamp}\`` : 'the document has no snapshot yet',
      });
    } else if (snapshot && checkedOn < snapshot.capturedOn) {
      problems.push({ file: e.file, line: e.lineOf(['checked_on']), field: 'checked_on', expected: `a date on or after the snapshot's capture (${snapshot.capturedOn})`, found: checkedOn, level: 'error', hint: 'a snapshot cannot be read before it was captured' });
    }
    for (const clause of negative.document.clauses.filter((c) => c.clauseType === negative.clauseType)) {
      problems.push({
        file: e.file,
        field: 'file',
        expected: `no clause of type \`${type}\` in ${documentKey} (a negative finding and a clause cannot both be true)`,
        found: `the clause ${clause.file}`,
        level: 'error',
        hint: 'delete the negative finding, or the clause if it was wrongly typed',
      });
    }
    if (version && changedSince) {
      problems.push({
        file: e.file,
        line: e.lineOf(['snapshot']),
        field: 'snapshot',
        expected: `a snapshot of the text in force (the check read the version of ${version.capturedOn})`,
        found: `a document changed since: the version of ${changedSince.capturedOn} (${changedSince.stamp}) has different text`,
        level: 'warning',
        hint: 'read the newest snapshot again; then update snapshot and checked_on, or write a clause if the type is there now',
      });
    }
  }
  return problems;
}
