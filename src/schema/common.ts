import { z } from 'astro/zod';

/** A lowercase slug used in file names and URLs: letters, digits and single hyphens. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lowercase slug (letters, digits, single hyphens)');

/** An absolute http(s) URL. */
export const httpUrl = z
  .string()
  .url('an absolute URL')
  .refine((value) => /^https?:\/\//.test(value), 'an http(s) URL');

/** A calendar date written as YYYY-MM-DD. YAML dates are kept as text so no time zone creeps in. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'a real calendar date');

/** An instant written as an ISO 8601 UTC timestamp, e.g. 2024-02-21T12:36:13Z. */
export const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'a UTC timestamp such as 2024-02-21T12:36:13Z')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'a real date and time');

/** How serious a clause is for the people bound by it. */
export const severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof severity>;

/** A key naming another entry (clause type, regulation, agency): a slug. */
export const entryKey = slug;

/** Non-empty text with surrounding whitespace removed. */
export const text = z.string().trim().min(1, 'non-empty text');
