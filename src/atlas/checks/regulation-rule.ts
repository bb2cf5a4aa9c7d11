/**
 * The mechanical part of the written rule for a clause's regulations and
 * agencies (docs/regulation-rule.md, shown on /methodology/): every agency a
 * clause lists must enforce at least one regulation the clause lists, as the
 * regulation's own `agencies` field records it. Which regulations apply
 * (territory and subject) is a reader's judgement and is not checked here.
 */
import type { LoadedContent } from '../reading/load.ts';
import type { Problem } from '../reading/problems.ts';

/** One error per listed agency that enforces none of the clause's listed regulations. */
export function regulationRuleProblems(content: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  const enforcers = new Map(content.regulations.map((r) => [r.key, r.data.agencies]));
  const knownAgencies = new Set(content.agencies.map((a) => a.key));
  for (const clause of content.clauses) {
    const { regulations, agencies } = clause.data;
    // A listed regulation or agency whose own file is invalid is reported there; what it enforces is unknown.
    if ([...regulations, ...agencies].some((key) => content.rejected.keys.has(key))) continue;
    // An unknown regulation or agency is reported by the reference check already.
    const listed = regulations.filter((r) => enforcers.has(r));
    const allowed = new Set(listed.flatMap((r) => enforcers.get(r) ?? []));
    agencies.forEach((agency, i) => {
      if (!knownAgencies.has(agency) || allowed.has(agency)) return;
      const enforcing = [...enforcers].filter(([, keys]) => keys.includes(agency)).map(([key]) => key);
      problems.push({
        file: clause.file,
        line: clause.lineOf(['agencies', i]),
        field: `agencies.${i}`,
        expected: listed.length
          ? `an agency that enforces one of the clause's regulations (${listed.join(', ')}): one of ${[...allowed].sort().join(', ') || 'none listed'}`
          : 'no agency, since the clause lists no regulation',
        found: `\`${agency}\`${enforcing.length ? `, which enforces ${enforcing.join(', ')}` : ', which enforces no regulation in the atlas'}`,
        level: 'error',
        hint: enforcing.length ? `list one of ${enforcing.join(', ')} under regulations if the rule says it applies, or remove the agency` : 'remove the agency',
      });
    });
  }
  return problems;
}
