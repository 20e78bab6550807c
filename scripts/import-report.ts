/**
 * `npm run import -- --story <story> <file.html|file.txt|->`: turns a saved web page or plain text (`-`:
 * standard input) into `content/stories/<story>/<report>.md`, frontmatter included.
 *
 * Options: --title, --outlet, --url, --published (YYYY-MM-DD, or a date-time with its zone), --author, --standfirst, --lang fill or
 * override what the page says; --slug names the file (default: the outlet's slug, else the title's);
 * --root <folder> is the project to write into (default: this one).
 *
 * Required fields the page does not give are asked for when both standard input and output are a terminal
 * (and the text is not read from standard input). Otherwise the file is written without them and the command
 * lists them, naming the file, and exits 0: the build then stops on that file, naming each missing field,
 * until they are filled in. An existing report file is never overwritten. Exits 1 on a usage error.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { askFields } from '../src/import/ask-fields.ts';
import { readSavedPage, sourceKind } from '../src/import/read-saved-page.ts';
import {
  checkReportField,
  missingReportFields,
  REPORT_FIELD_QUESTIONS,
  REPORT_FIELDS,
  REQUIRED_REPORT_FIELDS,
  reportFile,
  reportSlug,
  type ReportFields,
} from '../src/import/report-file.ts';
import { slugProblem } from '../src/import/slugify.ts';
import { contentCli, readArguments } from './content-cli.ts';

const usage = 'usage: npm run import -- --story <story-slug> <saved-page.html | report.txt | -> [--outlet … --url … --slug …]';

const cli = contentCli('import');
// Annotated so that TypeScript knows code after a call to it is unreachable.
const fail: (message: string) => never = cli.fail;
const { here } = cli;
const { options, positionals } = readArguments(
  cli,
  ['story', 'slug', 'root', 'title', 'outlet', 'url', 'published', 'author', 'standfirst', 'lang'],
  usage,
);
const root = cli.projectRoot(options.root);
const story = options.story;
if (story === undefined || positionals.length !== 1) fail(usage);
const storyProblem = slugProblem(story);
if (storyProblem) fail(`--story ${storyProblem}`);
const storyFolder = join(root, 'content', 'stories', story);
if (!existsSync(storyFolder) || !statSync(storyFolder).isDirectory()) {
  fail(`there is no story folder ${relative(root, storyFolder)}: create the story first with npm run new-story -- ${story}`);
}

const input = positionals[0] as string;
const fromStdin = input === '-';
let source: string;
try {
  source = readFileSync(fromStdin ? 0 : resolve(here, input), 'utf8');
} catch (error) {
  fail(`cannot read ${input}: ${(error as Error).message}`);
}
const { metadata, markdown } = readSavedPage(source, sourceKind(fromStdin ? '' : input, source));
if (markdown === '') fail(`found no report text in ${fromStdin ? 'standard input' : input}`);

// Options win over the page; a page value the build would refuse is left out, and so asked for or reported.
const fromPage: ReportFields = metadata;
let fields: ReportFields = {};
for (const field of REPORT_FIELDS) {
  const given = options[field];
  const found = fromPage[field];
  if (given !== undefined) {
    const checked = checkReportField(field, given);
    if ('problem' in checked) fail(`--${field}: ${checked.problem}`);
    fields[field] = checked.value;
  } else if (found !== undefined) {
    const checked = checkReportField(field, found);
    if ('value' in checked) fields[field] = checked.value;
  }
}

if (options.slug !== undefined) {
  const problem = slugProblem(options.slug);
  if (problem) fail(`--slug ${problem}`);
}

const existing = (slug: string) => {
  const file = join(storyFolder, `${slug}.md`);
  return existsSync(file) ? `${relative(root, file)} already exists and is never overwritten: choose another name with --slug, or delete that file first` : undefined;
};

let slug = options.slug;
// Refuse before asking anything when the file name is already known.
const knownSlug = slug ?? (fields.outlet !== undefined ? reportSlug(fields) : '');
if (knownSlug !== '') {
  const problem = existing(knownSlug);
  if (problem) fail(problem);
}

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !fromStdin;
if (interactive) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    if (missingReportFields(fields).length > 0) console.log(`The page does not say everything a report needs; empty answers can be filled in later.`);
    fields = await askFields(rl, fields, REQUIRED_REPORT_FIELDS, REPORT_FIELD_QUESTIONS, checkReportField);
    while (slug === undefined && reportSlug(fields) === '') {
      const answer = (await rl.question('file name for this report (lower-case letters, digits, hyphens): ')).trim();
      const problem = slugProblem(answer);
      if (problem) console.error(`  ${problem}`);
      else slug = answer;
    }
  } finally {
    rl.close();
  }
}
slug ??= reportSlug(fields);
if (slug === '') fail('cannot name the report file: the page gives no outlet or title; give --outlet or --slug');

const file = join(storyFolder, `${slug}.md`);
const shown = relative(root, file);
try {
  // `wx` refuses to replace an existing file, with the same message as the check before asking.
  writeFileSync(file, reportFile(fields, markdown), { flag: 'wx' });
} catch (error) {
  fail((error as NodeJS.ErrnoException).code === 'EEXIST' ? (existing(slug) ?? `${shown} already exists`) : `cannot write ${shown}: ${(error as Error).message}`);
}

console.log(`wrote ${shown}`);
const missing = missingReportFields(fields);
if (missing.length > 0) {
  console.error(`still to fill in, in ${shown}: ${missing.join(', ')}`);
  for (const field of missing) console.error(`  ${field}: ${REPORT_FIELD_QUESTIONS[field]}`);
  console.error('The build stops on this file, naming each missing field, until they are filled in.');
}
