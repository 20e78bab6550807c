import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkStories, storyWarnings, type CheckOptions, type ContentProblem } from './check-stories.ts';
import { readLedger, writeLedger } from './ledger-file.ts';
import { compareStories, type ComparedStory } from './compare-stories.ts';
import { comparisonDigest, writeCachedComparison } from './comparison-cache.ts';
import type { ReportInput, StoryComparison, StoryInput } from '../pipeline/types.ts';
import { readPublished, type Published } from '../schemas/published.ts';
import { frontmatterOf, writtenField } from './written-field.ts';
import { handOverCompared } from './compared-handoff.ts';

let stories: Promise<StoryComparison[]> | undefined;
const resultDigests = new Map<string, string>();

/**
 * Every story under `content/stories/`, compared, newest first (then by folder name). The collections are
 * read and compared once per build; every page shares the same promise. A story whose input is unchanged
 * since an earlier build is not compared again (see compare-stories.ts). Each story's claim ledger is read
 * before its comparison and written back after it when its ids changed (see ledger-file.ts).
 * Rejects, failing the build, with every fault checkStories finds in the content, one line per file; prints
 * the warnings of storyWarnings once, each line starting `[crossread] warning:`. Hands the compared stories to
 * the build's search index step (compared-handoff.ts), so Pagefind indexes them while the pages render.
 */
export function loadStories(): Promise<StoryComparison[]> {
  stories ??= compareAll();
  return stories;
}

/** The story in folder `slug`; throws when there is none, since pages only ask for slugs they listed. */
export async function loadStory(slug: string): Promise<StoryComparison> {
  const story = (await loadStories()).find((candidate) => candidate.slug === slug);
  if (!story) throw new Error(`No story folder named "${slug}" under content/stories/.`);
  return story;
}

/**
 * A key that changes exactly when the story's comparison does: the `cacheKey` of every page drawn from one
 * story alone, so an incremental build renders again only the pages of stories that changed (Astro tracks
 * changes to the pages' code itself). Call it after `loadStories()` resolved.
 */
export function storyCacheKey(slug: string): string {
  const digest = resultDigests.get(slug);
  if (!digest) throw new Error(`No compared story named "${slug}": await loadStories() first.`);
  return digest;
}

async function compareAll(): Promise<StoryComparison[]> {
  const started = performance.now();
  const [storyEntries, reportEntries] = await Promise.all([getCollection('stories'), getCollection('reports')]);
  const readText = readEachOnce();

  const reportsByStory = new Map<string, ReportInput[]>();
  for (const entry of reportEntries) {
    const [storySlug, slug] = entry.id.split('/');
    if (!storySlug || !slug) throw new Error(`Report id "${entry.id}" is not "<story folder>/<file name>".`);
    const source = entry.filePath ?? `content/stories/${entry.id}.md`;
    const { day, time } = writtenPublished(readText(source)) ?? entry.data.published;
    const report: ReportInput = {
      slug,
      outlet: entry.data.outlet,
      title: entry.data.title,
      url: entry.data.url,
      published: day,
      ...(time && { publishedTime: time }),
      author: entry.data.author,
      standfirst: entry.data.standfirst,
      lang: entry.data.lang,
      body: entry.body ?? '',
      source,
    };
    const list = reportsByStory.get(storySlug) ?? [];
    list.push(report);
    reportsByStory.set(storySlug, list);
  }

  const problems: ContentProblem[] = [];
  const known = new Set(storyEntries.map((entry) => entry.id));
  for (const [storySlug, reports] of reportsByStory) {
    if (known.has(storySlug)) continue;
    problems.push({
      file: `content/stories/${storySlug}/`,
      message: `the folder has reports (${reports.map((report) => report.source).join(', ')}) but no story.yaml: add one with title, summary and date`,
    });
  }

  const folders = storyEntries.map((entry) => dirname(entry.filePath ?? `content/stories/${entry.id}/story.yaml`));
  const folderOf = new Map(storyEntries.map((entry, index) => [entry.id, folders[index]!]));
  const inputs = storyEntries.map((entry, index): StoryInput => {
    const input: StoryInput = {
      slug: entry.id,
      title: entry.data.title,
      summary: entry.data.summary,
      date: entry.data.date,
      reports: reportsByStory.get(entry.id) ?? [],
    };
    const ledger = readLedger(folders[index]!);
    return ledger ? { ...input, ledger } : input;
  });

  const checks: CheckOptions = { folderOf: (slug) => folderOf.get(slug) ?? `content/stories/${slug}`, readText };
  // Reports with no sentence are found by parsing them, which the comparison does anyway (and skips for a story
  // unchanged since the last build): the check parses them only when the build already fails.
  if (problems.length > 0 || checkStories(inputs, { ...checks, readBodies: false }).length > 0) {
    throw contentError([...problems, ...checkStories(inputs, checks)]);
  }
  let compared: ComparedStory[];
  try {
    compared = await compareStories(inputs);
  } catch (error) {
    const found = checkStories(inputs, checks);
    throw found.length > 0 ? contentError(found) : error;
  }
  compared.forEach(({ story, fresh, resultDigest }, index) => {
    resultDigests.set(story.slug, resultDigest);
    if (!writeLedger(folders[index]!, story.ledger) || !fresh) return;
    // The next build reads the ledger just written, so its input differs from this one; the comparison is the
    // same (re-anchoring an id to the claim it was issued for changes nothing), so it is stored under that
    // input too, and a story is compared once, not twice, after it is added or edited.
    const next = { ...inputs[index]!, ledger: readLedger(folders[index]!)! };
    writeCachedComparison(comparisonDigest(next), fresh);
  });

  const freshCount = compared.filter((entry) => entry.fresh).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  for (const { file, message } of storyWarnings(compared.map((entry) => entry.story), inputs)) {
    console.warn(`[crossread] warning: ${file}: ${message}`);
  }
  console.log(`[crossread] compared ${freshCount} of ${compared.length} stories (the rest unchanged, from the cache) in ${seconds} s`);
  const sorted = compared
    .map((entry) => entry.story)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
  handOverCompared(sorted);
  return sorted;
}

/** One error listing every problem, a line each, so that a build names all the files to fix at once. */
function contentError(problems: ContentProblem[]): Error {
  const lines = problems.map(({ file, message }) => `  ${file}: ${message}`);
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new Error(`[crossread] the content has ${count} to fix before the site can be built:\n${lines.join('\n')}`);
}

/**
 * `published` as the report file writes it (see readPublished), or undefined when the file cannot be read or the
 * value is faulty (checkStories names the fault). YAML has read an unquoted date-time into a Date, which keeps
 * the moment but not the written day and zone, so the text is read again here.
 */
function writtenPublished(text: string | undefined): Published | undefined {
  const written = text === undefined ? undefined : writtenField(frontmatterOf(text), 'published');
  if (written === undefined) return undefined;
  const read = readPublished(written);
  return 'day' in read ? read : undefined;
}

/**
 * A reader of content files that reads each once: the loader (for `published` as written) and the content check
 * (for days and moments written wrong) both read every report file.
 */
function readEachOnce(): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) texts.set(file, readOrUndefined(file));
    return texts.get(file);
  };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
