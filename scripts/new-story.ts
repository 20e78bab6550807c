/**
 * `npm run new-story -- <story-slug> [--title … --summary … --date YYYY-MM-DD]`: creates
 * `content/stories/<story-slug>/story.yaml`, then says how to import the story's reports.
 *
 * Fields not given are asked for when standard input and output are a terminal; otherwise the file is
 * written without them and the command lists them (the build names them too, until they are filled in).
 * The slug must be lower-case letters, digits and hyphens; an existing story folder is refused.
 * --root <folder> is the project to write into (default: this one). Exits 1 on a usage error.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { askFields } from '../src/import/ask-fields.ts';
import { slugProblem } from '../src/import/slugify.ts';
import {
  checkStoryField,
  missingStoryFields,
  STORY_FIELD_QUESTIONS,
  STORY_FIELDS,
  storyFile,
  type StoryFields,
} from '../src/import/story-file.ts';
import { contentCli, readArguments } from './content-cli.ts';

const usage = 'usage: npm run new-story -- <story-slug> [--title "…"] [--summary "…"] [--date YYYY-MM-DD]';

const cli = contentCli('new-story');
// Annotated so that TypeScript knows code after a call to it is unreachable.
const fail: (message: string) => never = cli.fail;
const { options, positionals } = readArguments(cli, ['title', 'summary', 'date', 'root'], usage);
const root = cli.projectRoot(options.root);
const slug = positionals[0];
if (slug === undefined || positionals.length !== 1) fail(usage);
const problem = slugProblem(slug);
if (problem) fail(`the story slug ${problem}`);
const folder = join(root, 'content', 'stories', slug);
if (existsSync(folder)) fail(`${relative(root, folder)} already exists: choose another slug, or add reports to it with npm run import -- --story ${slug} <file>`);

let fields: StoryFields = {};
for (const field of STORY_FIELDS) {
  const given = options[field];
  if (given === undefined) continue;
  const checked = checkStoryField(field, given);
  if ('problem' in checked) fail(`--${field}: ${checked.problem}`);
  fields[field] = checked.value;
}

if (process.stdin.isTTY && process.stdout.isTTY && missingStoryFields(fields).length > 0) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    fields = await askFields(rl, fields, STORY_FIELDS, STORY_FIELD_QUESTIONS, checkStoryField);
  } finally {
    rl.close();
  }
}

const file = join(folder, 'story.yaml');
mkdirSync(dirname(folder), { recursive: true });
// Without `recursive`, a folder made since the check above is refused rather than reused.
mkdirSync(folder);
writeFileSync(file, storyFile(fields), { flag: 'wx' });
console.log(`wrote ${relative(root, file)}`);
const missing = missingStoryFields(fields);
if (missing.length > 0) {
  console.error(`still to fill in, in ${relative(root, file)}: ${missing.join(', ')}`);
  for (const field of missing) console.error(`  ${field}: ${STORY_FIELD_QUESTIONS[field]}`);
}
console.log(`next: add each report, saved from the outlet's page (or as plain text), with\n  npm run import -- --story ${slug} path/to/saved-page.html`);
