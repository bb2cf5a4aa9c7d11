import { z } from 'astro/zod';
import termsTypes from '@opentermsarchive/terms-types';
import { httpUrl, text } from './common.ts';
import { recordId } from './record-id.ts';

/** Document types of the Open Terms Archive vocabulary, e.g. "Privacy Policy". */
export const documentTypes = Object.keys(termsTypes) as [string, ...string[]];

/** A CSS selector list, one selector or several. */
const selectors = z.union([text, z.array(text).min(1)]);

/** `content/documents/<platform>/<slug>.yaml`: one policy a platform publishes. */
export const documentSchema = z
  .object({
    /** Permanent record ID (`<PREFIX>-D-00001`), assigned from the ledger. */
    id: recordId('document'),
    /** The document's title as the platform names it. */
    title: text,
    /** The document's type in the Open Terms Archive terms-types vocabulary. */
    type: z.enum(documentTypes),
    /** Where the platform publishes the current text; left out when not yet known (an import that could not tell), shown as "not recorded". */
    source_url: httpUrl.optional(),
    /** Language of the tracked text (BCP 47 tag). */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-GB').default('en'),
    /** How the text is cut out of the source page when captured; left out when not yet known (the document cannot be captured until it is written). */
    capture: z
      .object({
        /** CSS selectors of the elements that hold the document's text. */
        select: selectors,
        /** CSS selectors of elements inside the selection to drop (navigation, banners). */
        remove: selectors.optional(),
      })
      .strict()
      .optional(),
    /** `<platform>/<document>` whose history this document continues (e.g. Twitter's privacy policy before X's). */
    predecessor: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a document reference written as <platform>/<document>')
      .optional(),
  })
  .strict();

export type DocumentData = z.infer<typeof documentSchema>;
