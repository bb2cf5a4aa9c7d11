import { z } from 'astro/zod';
import { httpUrl, text } from './common.ts';

/** `content/site.yaml`: settings of one atlas (the bundled one or a fixture). */
export const siteSchema = z
  .object({
    /** The atlas's name, shown in the header, titles and citations. */
    name: text,
    /** One sentence saying what the atlas is, used on the home page and in meta descriptions. */
    tagline: text,
    /** The public origin the site is served from; permanent URLs and citations are built on it. */
    url: httpUrl,
    /** Prefix of every record ID (`<PREFIX>-P-000001`); never changed once records are published. */
    id_prefix: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'two to ten capital letters or digits, starting with a letter'),
    /** Who publishes the atlas, named in citations as the publisher. */
    publisher: text,
    /**
     * The atlas's GitHub repository, `https://github.com/<owner>/<repo>`, where its issue forms
     * (.github/ISSUE_TEMPLATE/) are filled in; left out, pages name the forms without linking them.
     */
    repository: z
      .string()
      .regex(/^https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'a GitHub repository address, https://github.com/<owner>/<repo>')
      .optional(),
  })
  .strict();

export type Site = z.infer<typeof siteSchema>;
