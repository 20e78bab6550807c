/**
 * Writes synthetic stories (see synthetic-stories.ts) as story folders, ready to build, the first with ten reports:
 * `node scripts/generate-stories.ts --stories N --out <folder> [--seed S]`. Prints what it wrote.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { msrpPath, readMsrp } from './read-msrp.ts';
import { syntheticStory } from './synthetic-stories.ts';

/**
 * Real, unrelated news sentences for the claims only one outlet makes: the first sentence of each pair of the
 * MSR paraphrase corpus (read from ../shared/data, never copied into the project), 8 to 40 words long.
 */
export function msrpBackground(): string[] {
  const words = (text: string) => text.split(/\s+/).length;
  return readMsrp(msrpPath([])).map((pair) => pair.s1).filter((text) => words(text) >= 8 && words(text) <= 40);
}

/** The story of a corpus given the most reports a story may have, so that its largest page is always measured. */
export const largestStoryIndex = 0;
export const largestStoryReports = 10;

/**
 * Writes stories 0 … count-1 of `seed` under `folder`, story `largestStoryIndex` with `largestStoryReports`
 * reports; returns how many reports and words it wrote.
 */
export function writeSyntheticStories(folder: string, count: number, seed = 1): { reports: number; words: number } {
  const background = msrpBackground();
  let reports = 0;
  let words = 0;
  for (let index = 0; index < count; index++) {
    const story = syntheticStory(seed, index, background, index === largestStoryIndex ? { reports: largestStoryReports } : {});
    const dir = join(folder, story.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'story.yaml'), story.yaml);
    for (const report of story.reports) {
      writeFileSync(join(dir, `${report.slug}.md`), report.markdown);
      reports++;
      words += report.words;
    }
  }
  return { reports, words };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { stories: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.stories);
  if (!values.out || !Number.isInteger(count) || count < 1) {
    console.error('usage: node scripts/generate-stories.ts --stories N --out <folder> [--seed S]');
    process.exit(2);
  }
  const { reports, words } = writeSyntheticStories(values.out, count, Number(values.seed));
  console.log(`wrote ${count} stories, ${reports} reports, ${words} words to ${values.out}`);
}
