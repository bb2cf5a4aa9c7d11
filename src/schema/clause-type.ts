import { z } from 'astro/zod';
import { text } from './common.ts';

/** `content/clause-types/<key>.yaml`: a kind of provision that recurs across platforms. */
export const clauseTypeSchema = z
  .object({
    /** Display name, e.g. "AI training on user data". */
    name: text,
    /** Broader group the type belongs to, e.g. "Data use" or "Disputes". */
    family: text,
    /** What a clause of this type does, in plain language. */
    description: text,
    /** What makes a clause of this type low, medium or high severity. */
    severity_guide: z.object({ low: text, medium: text, high: text }).strict(),
    /**
     * In the core set every platform is answered for, in each of its privacy
     * policies and terms (a clause or a checked negative finding), and shown
     * on /compare/. Absent means false.
     */
    core: z.boolean().default(false),
  })
  .strict();

export type ClauseType = z.infer<typeof clauseTypeSchema>;
