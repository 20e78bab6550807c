import { readPublished } from '../schemas/published.ts';
import { reportSchema } from '../schemas/report.ts';
import { checkFieldValue, missingFields, type FieldCheck } from './field-check.ts';
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
  published: 'the day the report came out, as YYYY-MM-DD, or the moment with its time zone (2021-09-10T14:05:00+05:30)',
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
  return missingFields(REQUIRED_REPORT_FIELDS, fields);
}

/** Checks one field's value against reportSchema, the rule the build applies: the value to write or the problem. */
export function checkReportField(field: ReportField, value: string): FieldCheck {
  // Held to the forms the file keeps as written: a day, or a moment with its zone (see readPublished).
  if (field === 'published') {
    const read = readPublished(value);
    return 'problem' in read ? read : { value: read.time?.text ?? value.trim() };
  }
  return checkFieldValue(reportSchema.shape[field], field, value);
}

/** The default file name of a report: its outlet's slug, else its title's; `''` when neither gives one. */
export function reportSlug(fields: ReportFields): string {
  return slugify(fields.outlet ?? '') || slugify(fields.title ?? '');
}
