/**
 * Every record ID the ledger of a content folder has ever held, from version
 * control: a record removed from the ledger keeps its ID taken, so a new entry
 * never gets an ID an old citation still points at (rel-06). `npm run
 * validate -- --since <base>` refuses the removal itself; this keeps the
 * allocation safe even before that check runs.
 */
import { LEDGER_FILE } from '../../src/atlas/reading/ledger-file.ts';
import { git, GitError } from './git.ts';

/** Every record ID written in a `git log -p` of the ledger, added or removed lines alike. */
const ledgerIdInPatch = /^[-+ ][ \t-]*id:[ \t]*['"]?([A-Z][A-Z0-9]{1,9}-[PD]-\d{5,6})\b/gm;

/** Record IDs in any committed version of `<contentDir>/ledger.yaml`; none when the folder is not in a git repository. */
export async function recordIdsInLedgerHistory(contentDir: string): Promise<string[]> {
  let patch: string;
  try {
    patch = await git(['log', '--format=', '--patch', '--no-ext-diff', '--no-color', '--', LEDGER_FILE], contentDir);
  } catch (error) {
    if (error instanceof GitError) return [];
    throw error;
  }
  return Array.from(patch.matchAll(ledgerIdInPatch), (match) => match[1] ?? '');
}
