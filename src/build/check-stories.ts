import { slugify } from '../import/slugify.ts';
import { storyRuleProblems } from '../pipeline/story-rules.ts';
import { parseReport } from '../pipeline/parse-report.ts';
import { ReportReadError, readProblem } from '../pipeline/report-read-error.ts';
import type { ReportInput, StoryComparison, StoryInput } from '../pipeline/types.ts';
import { writtenDay } from '../schemas/field-errors.ts';
import { readPublished } from '../schemas/published.ts';
import { frontmatterOf, writtenField } from './written-field.ts';

/** Something wrong with one content file or folder: where, and a sentence saying what to do about it. */
export interface ContentProblem {
  /** Path of the file or folder, as the build names it (e.g. `content/stories/<story>/<report>.md`). */
  file: string;
  message: string;
}

export interface CheckOptions {
  /** The folder of a story, for messages; `content/stories/<slug>` when not given. */
  folderOf?: (storySlug: string) => string;
  /**
   * Reads a content file's text, to check the days as written (see writtenDayProblem); without it only the
   * parsed values are checked. Returns undefined when the file cannot be read.
   */
  readText?: (file: string) => string | undefined;
  /**
   * Whether to parse every report to find those with no sentence (default true). Parsing is most of the cost
   * of a check, so a build skips it while the comparison, which finds the same fault, succeeds.
   */
  readBodies?: boolean;
}

/**
 * The faults in `stories` (as load-stories builds them from content/) that must stop the build, sorted by file:
 * - a story breaking the rules on its set of reports (story-rules.ts: two to `maxReports` of them, no two giving
 *   the same claim ids, as `bbc.md` and `BBC.md` would);
 * - a report with no sentence to compare (an empty body, or one of headings and markup only);
 * - a `published` or story `date` written as a day that does not exist (`2021-13-45`), which YAML would
 *   otherwise roll over into a real one; a `published` date-time without a time zone, which YAML would read
 *   as UTC.
 * - a story folder or report file name holding a character that is not a letter, digit, `-`, `_` or `.`
 *   (a space, `?`, `#`, `%`, quotes…): the names are the pages' addresses, and such a character breaks them.
 * Two reports from one outlet are not a fault: an outlet's update of its own report is worth comparing.
 * Frontmatter fields are checked before this, by the collections' schemas (src/schemas/).
 */
export function checkStories(stories: StoryInput[], options: CheckOptions = {}): ContentProblem[] {
  const { folderOf = (slug: string) => `content/stories/${slug}`, readText, readBodies = true } = options;
  const problems: ContentProblem[] = [];
  for (const story of stories) {
    const folder = folderOf(story.slug);
    for (const { source, message } of storyRuleProblems(story.reports)) problems.push({ file: source ?? `${folder}/`, message });
    if (!ADDRESS_SAFE.test(story.slug)) {
      problems.push({ file: `${folder}/`, message: `the folder name is part of the story's address and may hold only letters, digits, "-", "_" and ".": rename the folder (for example to ${slugify(story.slug) || 'harbour-fire'})` });
    }
    for (const report of story.reports) {
      if (ADDRESS_SAFE.test(report.slug)) continue;
      problems.push({ file: report.source, message: `the file name is part of the report's addresses and may hold only letters, digits, "-", "_" and ".": rename the file (for example to ${slugify(report.slug) || 'outlet-name'}.md)` });
    }
    if (readText) {
      const storyFile = `${folder}/story.yaml`;
      const storyText = readText(storyFile);
      const dateProblem = storyText === undefined ? undefined : writtenDayProblem(storyText, 'date', 'the day of the event');
      if (dateProblem) problems.push({ file: storyFile, message: dateProblem });
    }
    for (const report of story.reports) {
      const text = readText?.(report.source);
      const dayProblem = text === undefined ? undefined : writtenPublishedProblem(frontmatterOf(text));
      if (dayProblem) problems.push({ file: report.source, message: dayProblem });
      const claims = readBodies ? countClaims(report) : undefined;
      if (typeof claims === 'string') problems.push({ file: report.source, message: claims });
      else if (claims === 0) {
        problems.push({
          file: report.source,
          message: "the report has no sentence to compare: paste the report's text below the frontmatter (headings, images and markup alone do not count)",
        });
      }
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const ADDRESS_SAFE = /^[\p{L}\p{N}._-]+$/u;

/**
 * What is wrong with a report's `published` as written in its frontmatter `yaml` (see writtenDayProblem, and
 * readPublished for date-times), or undefined. The schema has judged values YAML keeps as text.
 */
export function writtenPublishedProblem(yaml: string): string | undefined {
  const dayProblem = writtenDayProblem(yaml, 'published', 'the day the report came out');
  if (dayProblem) return dayProblem;
  const value = writtenField(yaml, 'published');
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}[Tt ]\d/.test(value)) return undefined;
  const read = readPublished(value);
  return 'problem' in read ? read.problem : undefined;
}

/** When a report is much longer than the others of its story: more than `times` their median, and at least `minWords`. */
export const longReport = { times: 3, minWords: 300 } as const;

/**
 * What is worth a look in compared stories without stopping the build, one warning per report, naming its file
 * (taken from `inputs`):
 * - a report none of whose claims is matched with another report's: perhaps another event, or the wrong text
 *   (not said of a report in a language no other report of the story shares: claims are matched within a
 *   language, so such a report shares nothing by design);
 * - a report much longer than the story's other reports (see `longReport`, in words as the comparison counts
 *   them): perhaps the page's comments, related stories or other furniture were pasted with it. The minimum
 *   keeps a 200-word report beside a 50-word brief from being flagged.
 */
export function storyWarnings(compared: StoryComparison[], inputs: StoryInput[]): ContentProblem[] {
  const sources = new Map(inputs.flatMap((story) => story.reports.map((report) => [`${story.slug}/${report.slug}`, report.source] as const)));
  const warnings: ContentProblem[] = [];
  for (const story of compared) {
    for (const report of story.reports) {
      const file = sources.get(`${story.slug}/${report.slug}`) ?? `content/stories/${story.slug}/${report.slug}.md`;
      const others = story.reports.filter((other) => other !== report);
      const sameLanguage = others.some((other) => primaryLanguage(other.lang) === primaryLanguage(report.lang));
      if (sameLanguage && report.stats.claims > 0 && report.stats.sharedClaims === 0) {
        warnings.push({
          file,
          message: `no sentence of this report matches one in the story's other reports (${others.map((o) => o.outlet).join(', ')}): check that it reports the same event and that its text is the report's`,
        });
      }
      const median = medianOf(others.map((other) => other.stats.words));
      if (others.length > 0 && report.stats.words >= longReport.minWords && report.stats.words > longReport.times * median) {
        warnings.push({
          file,
          message: `the report has ${report.stats.words} words, more than ${longReport.times} times the ${median} of the story's other reports (median): check that only the report's own text was pasted, without comments, related stories or other parts of the page`,
        });
      }
    }
  }
  return warnings;
}

/**
 * What is wrong with the day written for `field` in `yaml` (a YAML mapping: a story.yaml, or a report's
 * frontmatter), or undefined when it is a real day or not written as a day at all (the schema has judged
 * that). Reads the text itself, since YAML turns `2021-13-45` into 2022-02-14 before the schema sees it.
 */
export function writtenDayProblem(yaml: string, field: string, what: string): string | undefined {
  const value = writtenField(yaml, field);
  if (value === undefined) return undefined;
  // What YAML reads as a timestamp: the day, then nothing or a time.
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt \t])/.exec(value);
  if (!day) return undefined;
  const padded = `${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}`;
  if (writtenDay(padded)) return undefined;
  return `${field} ${day[0]} is not a real day: write ${what} as YYYY-MM-DD (for example 2021-09-10)`;
}

/** How many claims the report's body holds, or, when its text cannot be read, where and why (see readProblem). */
function countClaims(report: ReportInput): number | string {
  try {
    return parseReport(report.body, report.lang).reduce((n, block) => n + (block.type === 'paragraph' ? block.claims.length : 0), 0);
  } catch (error) {
    if (error instanceof ReportReadError) return readProblem(error);
    throw error;
  }
}

/** `pt` of `pt-BR`: reports in two variants of one language are compared as one language. */
function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
