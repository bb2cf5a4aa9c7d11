/** The one translator from a zod issue to a Problem, as validate, new and import read it. */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { formatFileProblem, formatProblem } from '../../src/atlas/reading/problems.ts';
import { schemaProblem } from '../../src/atlas/reading/schema-issue.ts';

const schema = z.strictObject({
  title: z.string(),
  severity: z.enum(['low', 'high']),
  tags: z.array(z.string()).min(1),
  documents: z.record(z.string().pipe(z.enum(['Privacy Policy', 'Terms of Service'])), z.strictObject({ slug: z.string() })),
});

function problemsOf(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to fail');
  return result.error.issues.map((issue) => schemaProblem('content/x.yaml', issue, input, { lineOf: (path) => path.length + 1 }));
}

describe('schemaProblem', () => {
  it('names the field, what was expected and what was found, on the line the caller places', () => {
    const problems = problemsOf({ severity: 'extreme', tags: [], documents: { 'Terms of Service': { slug: 3 } }, colour: 'red' });
    expect(problems.map(formatProblem)).toEqual([
      'content/x.yaml:2 title: expected text, found nothing (the field is missing)',
      'content/x.yaml:2 severity: expected one of "low", "high", found "extreme"',
      'content/x.yaml:2 tags: expected at least 1 items, found []',
      'content/x.yaml:4 documents."Terms of Service".slug: expected text, found number',
      'content/x.yaml:1 (top level): expected only the fields the schema defines, found unknown field `colour`',
    ]);
  });

  it('reports a record key outside its enum as the key found, in the caller’s words when given', () => {
    const input = { title: 't', severity: 'low', tags: ['a'], documents: { 'Terms of Servise': { slug: 'terms' } } };
    const issue = schema.safeParse(input).error?.issues[0];
    if (!issue) throw new Error('expected an issue');
    expect(formatFileProblem(schemaProblem('map.yaml', issue, input))).toBe('map.yaml: documents."Terms of Servise": expected one of "Privacy Policy", "Terms of Service", found "Terms of Servise"');
    expect(formatFileProblem(schemaProblem('map.yaml', issue, input, { words: { oneOf: () => 'a terms type' } }))).toBe('map.yaml: documents."Terms of Servise": expected a terms type, found "Terms of Servise"');
  });
});
