import { z, type core } from 'zod';
import { publishedHelp, publishedOfDate, readPublished, type Published } from './published.ts';

/**
 * Builds a zod 4 error function for one frontmatter field: a missing value gets `missing`, any other
 * problem gets `invalid`. Both are sentences telling the author what to write, because Astro prints
 * them beside the file and field name when `astro build` fails.
 */
export function fieldError(missing: string, invalid: string = missing): (issue: core.$ZodRawIssue) => string {
  return (issue) => (issue.input === undefined ? missing : invalid);
}

/**
 * Error function for a whole frontmatter object: names the unknown fields (usually typos) and lists the
 * fields the file may hold.
 */
export function objectError(allowed: readonly string[]): (issue: core.$ZodRawIssue) => string {
  const list = allowed.join(', ');
  return (issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as core.$ZodRawIssue<core.$ZodIssueUnrecognizedKeys>).keys;
      return `unknown field ${keys.join(', ')}: check the spelling; allowed fields are ${list}`;
    }
    return `expected fields ${list}`;
  };
}

/**
 * A day field (a story's `date`; a report's `published` is publishedField): a YAML date, or a string
 * `YYYY-MM-DD` naming a real calendar day, read as midnight UTC. Anything else (a number, `next tuesday`,
 * `2021-02-30` in quotes) fails with `invalid` followed by the value written; an absent field fails with `missing`.
 * YAML reads an unquoted `2021-13-45` as a date and rolls it over (to 2022-02-14) before any schema sees it, so
 * the written text is checked again by checkStories (src/build/check-stories.ts).
 */
export function dayField(missing: string, invalid: string): z.ZodType<Date, Date | string> {
  const refused = (value: unknown) => `${invalid}, not ${typeof value === 'string' ? `"${value}"` : JSON.stringify(value)}`;
  return z
    .union([z.date(), z.string()], { error: (issue) => (issue.input === undefined ? missing : refused(issue.input)) })
    .transform((value, context) => {
      const day = value instanceof Date ? value : writtenDay(value);
      if (day && !Number.isNaN(day.getTime())) return day;
      context.addIssue({ code: 'custom', input: value, message: value instanceof Date ? invalid : refused(value) });
      return z.NEVER;
    });
}

/**
 * The day a `YYYY-MM-DD` text names, at midnight UTC, or undefined when the text is not written that way or
 * names no real day (`2021-13-45`, `2021-02-30`).
 */
export function writtenDay(text: string): Date | undefined {
  const parts = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * A report's `published` (see readPublished in published.ts): a day or a date-time with a zone, as a YAML value or
 * a string. A string is read as written; a Date (YAML read it itself) stands in until load-stories reads the
 * written text. An absent field fails with `missing`, anything else with the problem readPublished names.
 */
export function publishedField(missing: string): z.ZodType<Published, Date | string> {
  return z
    .union([z.date(), z.string()], {
      error: (issue) => (issue.input === undefined ? missing : `published must say when the report came out: ${publishedHelp}, not ${JSON.stringify(issue.input)}`),
    })
    .transform((value, context) => {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return publishedOfDate(value);
      const read = typeof value === 'string' ? readPublished(value) : { problem: `published must say when the report came out: ${publishedHelp}` };
      if ('day' in read) return read;
      context.addIssue({ code: 'custom', input: value, message: read.problem });
      return z.NEVER;
    });
}
