import { z } from 'zod';
import { fieldError, objectError, publishedField } from './field-errors.ts';
import { publishedHelp } from './published.ts';

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/**
 * Frontmatter of `content/stories/<story>/<outlet>.md`: one news report, its body being the report's text.
 * - `title` (required): the report's headline as the outlet published it.
 * - `outlet` (required): the publication's name as readers know it (e.g. `NewsBytes`).
 * - `url` (required): the original report's `http://` or `https://` address.
 * - `published` (required): when the report came out: the day, `YYYY-MM-DD`, a real calendar day, or the moment,
 *   an ISO 8601 date-time with its zone (`2021-09-10T14:05:00+05:30`, `2021-09-10T08:35:00Z`); a date-time without
 *   a zone is refused. Pages show the day as written; the moment, where known, orders the reports (see
 *   publication-order.ts). Read into `{ day, time? }` (see published.ts).
 * - `author` (optional): the byline, when the report has one.
 * - `standfirst` (optional): the sentence printed under the headline, when the report has one.
 * - `lang` (optional, default `en`): BCP 47 language tag of the report's text (e.g. `en`, `de`, `pt-BR`).
 */
export const reportSchema = z.strictObject(
  {
    title: z
      .string({
        error: fieldError(
          'title is required: copy the headline of the original report',
          'title must be text: copy the headline of the original report, in quotes if it looks like a number',
        ),
      })
      .trim()
      .min(1, { error: 'title must not be empty: copy the headline of the original report' }),
    outlet: z
      .string({
        error: fieldError(
          'outlet is required: write the name of the publication (for example NewsBytes)',
          'outlet must be text: write the name of the publication (for example NewsBytes), in quotes if it looks like a number',
        ),
      })
      .trim()
      .min(1, { error: 'outlet must not be empty: write the name of the publication (for example NewsBytes)' }),
    url: z.url({
      protocol: /^https?$/,
      // Written back as a browser would (`"` as %22, host lower-cased), so every page and comparison.json carry a valid URL.
      normalize: true,
      error: 'url must be an http:// or https:// address of the original report',
    }),
    published: publishedField(`published is required: ${publishedHelp}`),
    author: z
      .string({ error: 'author must be text: the byline of the report, or leave the field out' })
      .trim()
      .min(1, { error: 'author must not be empty: write the byline, or leave the field out' })
      .optional(),
    standfirst: z
      .string({ error: 'standfirst must be text: the sentence under the headline, or leave the field out' })
      .trim()
      .min(1, { error: 'standfirst must not be empty: copy the sentence under the headline, or leave the field out' })
      .optional(),
    lang: z
      .string({ error: 'lang must be a BCP 47 language tag such as en, de or pt-BR' })
      .refine(isLanguageTag, { error: 'lang must be a BCP 47 language tag such as en, de or pt-BR' })
      .default('en'),
  },
  { error: objectError(['title', 'outlet', 'url', 'published', 'author', 'standfirst', 'lang']) },
);

export type ReportData = z.infer<typeof reportSchema>;
