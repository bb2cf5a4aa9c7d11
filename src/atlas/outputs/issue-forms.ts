/**
 * The repository's GitHub issue forms (.github/ISSUE_TEMPLATE/<file>) and the
 * address that opens each one filled in with nothing but its template
 * (GitHub: `/issues/new?template=<file>`).
 */
import type { Site } from '../../schema/site.ts';

/** Issue forms by purpose: file name in .github/ISSUE_TEMPLATE/ and the form's `name`, as GitHub shows it. */
export const ISSUE_FORMS = {
  request: { file: 'request.yml', name: 'Request a platform or document' },
  correction: { file: 'correction.yml', name: 'Correction' },
  newClause: { file: 'new-clause.yml', name: 'New clause' },
} as const;

export type IssueForm = keyof typeof ISSUE_FORMS;

/** The address that opens a form on the atlas's repository, or undefined when site.yaml names no repository. */
export function issueFormUrl(site: Pick<Site, 'repository'>, form: IssueForm): string | undefined {
  return site.repository ? `${site.repository}/issues/new?template=${encodeURIComponent(ISSUE_FORMS[form].file)}` : undefined;
}
