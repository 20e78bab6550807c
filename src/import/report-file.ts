import { reportSchema } from '../schemas/report.ts';
import { calendarDay } from './calendar-day.ts';
import { slugify } from './slugify.ts';
import { yamlFields } from './yaml-fields.ts';

/** Frontmatter of a report file as the importer gathers it, every value a string as it will be written. */
export interface ReportFields {
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  author?: string;
  standfirst?: string;
  lang?: string;
}

export type ReportField = keyof ReportFields;

/** In the order the file lists them, which is the order of reportSchema. */
export const REPORT_FIELDS: readonly ReportField[] = ['title', 'outlet', 'url', 'published', 'author', 'standfirst', 'lang'];
export const REQUIRED_REPORT_FIELDS: readonly ReportField[] = ['title', 'outlet', 'url', 'published'];

/** What to ask for, or say is still missing, for each field a report must have. */
export const REPORT_FIELD_QUESTIONS: Record<string, string> = {
  title: "the report's headline, as the outlet published it",
  outlet: 'the name of the publication, as readers know it (for example NewsBytes)',
  url: "the original report's address, starting http:// or https://",
  published: 'the day the report came out, as YYYY-MM-DD',
};

/**
 * `content/stories/<story>/<report>.md`: YAML frontmatter with the fields given (in REPORT_FIELDS order,
 * missing ones left out so that the build names them), a blank line, then the markdown body.
 */
export function reportFile(fields: ReportFields, markdown: string): string {
  const ordered = Object.fromEntries(REPORT_FIELDS.map((field) => [field, fields[field]]));
  return `---\n${yamlFields(ordered, ['published'])}---\n\n${markdown}`;
}

/** The required fields that have no value yet, in file order. */
export function missingReportFields(fields: ReportFields): ReportField[] {
  return REQUIRED_REPORT_FIELDS.filter((field) => fields[field] === undefined);
}

/**
 * Checks one field's value against reportSchema, the rule the build applies, and returns it as it should be
 * written (trimmed; a day as `YYYY-MM-DD`) or the schema's own message saying what is wrong.
 */
export function checkReportField(field: ReportField, value: string): { value: string } | { problem: string } {
  const trimmed = value.trim();
  if (field === 'published') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? calendarDay(trimmed) : undefined;
    if (!day) return { problem: 'published must be the day the report came out, written as YYYY-MM-DD (for example 2021-09-10)' };
    return { value: day };
  }
  const result = reportSchema.shape[field].safeParse(trimmed);
  if (!result.success) return { problem: result.error.issues[0]?.message ?? `${field} is not valid` };
  return { value: typeof result.data === 'string' ? result.data : trimmed };
}

/** The default file name of a report: its outlet's slug, else its title's; `''` when neither gives one. */
export function reportSlug(fields: ReportFields): string {
  return slugify(fields.outlet ?? '') || slugify(fields.title ?? '');
}
