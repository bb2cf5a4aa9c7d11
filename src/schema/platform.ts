import { z } from 'astro/zod';
import { httpUrl, isoDate, text } from './common.ts';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** An ISO 3166-1 alpha-2 country code that the runtime's ICU data knows. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as US or IE')
  // DisplayNames throws on malformed codes; the format is reported by the regex above.
  .refine((code) => !/^[A-Z]{2}$/.test(code) || ![code, 'Unknown Region'].includes(regionNames.of(code) ?? code), 'a country code that exists');

/** `content/platforms/<slug>.yaml`: a service that publishes policies. */
export const platformSchema = z
  .object({
    /** The platform's current public name. */
    name: text,
    /** Home page of the service; left out when not yet known (an import that could not tell), shown as "not recorded". */
    website: httpUrl.optional(),
    /** Country of the operator's headquarters (ISO 3166-1 alpha-2); left out when not yet known. */
    headquarters: countryCode.optional(),
    /** Two or three sentences, in our words, on what the service is; left out when not yet written. */
    description: text.optional(),
    /** Names the platform had before, newest last, with the date the name stopped being used. */
    formerly: z.array(z.object({ name: text, until: isoDate }).strict()).default([]),
    /** The company that owns or operates the platform, when it is a different name. */
    parent: text.optional(),
  })
  .strict();

export type Platform = z.infer<typeof platformSchema>;
