import { getCollection } from 'astro:content';
import { dirname } from 'node:path';
import { readLedger, writeLedger } from './ledger-file.ts';
import { compareStory } from '../pipeline/compare-story.ts';
import type { ReportInput, StoryComparison, StoryInput } from '../pipeline/types.ts';

let stories: Promise<StoryComparison[]> | undefined;

/**
 * Every story under `content/stories/`, compared, newest first (then by folder name). The collections are
 * read and compared once per build; every page shares the same promise. Each story's claim ledger is read
 * before its comparison and written back after it when its ids changed (see ledger-file.ts).
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

async function compareAll(): Promise<StoryComparison[]> {
  const [storyEntries, reportEntries] = await Promise.all([getCollection('stories'), getCollection('reports')]);

  const reportsByStory = new Map<string, ReportInput[]>();
  for (const entry of reportEntries) {
    const [storySlug, slug] = entry.id.split('/');
    if (!storySlug || !slug) throw new Error(`Report id "${entry.id}" is not "<story folder>/<file name>".`);
    const report: ReportInput = {
      slug,
      outlet: entry.data.outlet,
      title: entry.data.title,
      url: entry.data.url,
      published: entry.data.published,
      author: entry.data.author,
      standfirst: entry.data.standfirst,
      lang: entry.data.lang,
      body: entry.body ?? '',
      source: entry.filePath ?? `content/stories/${entry.id}.md`,
    };
    const list = reportsByStory.get(storySlug) ?? [];
    list.push(report);
    reportsByStory.set(storySlug, list);
  }

  const known = new Set(storyEntries.map((entry) => entry.id));
  for (const [storySlug, reports] of reportsByStory) {
    if (!known.has(storySlug)) {
      const files = reports.map((report) => report.source).join(', ');
      throw new Error(
        `content/stories/${storySlug}/ has reports (${files}) but no story.yaml: add one with title, summary and date.`,
      );
    }
  }

  const compared = storyEntries.map((entry) => {
    const folder = dirname(entry.filePath ?? `content/stories/${entry.id}/story.yaml`);
    const input: StoryInput = {
      slug: entry.id,
      title: entry.data.title,
      summary: entry.data.summary,
      date: entry.data.date,
      reports: reportsByStory.get(entry.id) ?? [],
    };
    const ledger = readLedger(folder);
    const story = compareStory(ledger ? { ...input, ledger } : input);
    writeLedger(folder, story.ledger);
    return story;
  });

  return compared.sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
}
