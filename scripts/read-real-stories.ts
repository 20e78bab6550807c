/**
 * Reads the labelled real stories (../shared/data/real-stories/, see its README) for `npm run eval` and
 * `npm run train-matcher`: each event as the pipeline's StoryInput, and its labelled sentence pairs mapped
 * onto the claims the site splits the reports into.
 *
 * The stories are third-party news text, licensed for evaluation only: they are read from `shared/` beside the
 * repository at evaluation time and never copied into the project; nothing derived from them is committed but
 * the matcher model's few weights.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { parseReport } from '../src/pipeline/parse-report.ts';
import type { ReportInput, StoryInput } from '../src/pipeline/types.ts';

export type Relation = 'same' | 'part';

/** One labelled pair of sentences, as claim indexes into the two reports' claims (site's splitting). */
export interface LabelledClaimPair {
  reportA: string;
  reportB: string;
  /** The claims of report A (B) that hold the labelled sentence: one, or more where the site split it. */
  claimsA: number[];
  claimsB: number[];
  relation: Relation;
  /** The labeller's note of a disagreement ("number: 12 vs 15 dead"), or undefined. */
  conflict?: string;
}

export interface RealStory {
  slug: string;
  input: StoryInput;
  /** Each report's claims as the site splits them, by report slug. */
  claims: Map<string, string[]>;
  pairs: LabelledClaimPair[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the stories are: `--stories <path>`, else $REAL_STORIES, else ../shared/data/real-stories/. */
export function realStoriesPath(argv = process.argv.slice(2)): string {
  const flag = argv.indexOf('--stories');
  if (flag >= 0 && argv[flag + 1]) return resolve(argv[flag + 1]);
  return resolve(root, process.env.REAL_STORIES ?? '../shared/data/real-stories');
}

/**
 * Every event folder under `path`, in name order. Throws naming the file when a report or label cannot be
 * read, or a labelled sentence is not in its report.
 */
export function readRealStories(path = realStoriesPath()): RealStory[] {
  if (!existsSync(path)) {
    throw new Error(`Cannot read the real stories at ${path}: pass their folder with --stories <path> or REAL_STORIES.`);
  }
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(path, entry.name, 'gold.tsv')))
    .map((entry) => entry.name)
    .sort()
    .map((slug) => readStory(join(path, slug), slug));
}

function readStory(folder: string, slug: string): RealStory {
  const meta = yaml.load(readFileSync(join(folder, 'story.yaml'), 'utf8')) as Record<string, unknown>;
  const reports: ReportInput[] = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const source = join(folder, name);
      const text = readFileSync(source, 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
      if (!front) throw new Error(`${source}: no frontmatter.`);
      const data = yaml.load(front[1]!) as Record<string, unknown>;
      return {
        slug: name.replace(/\.md$/, ''),
        outlet: String(data.outlet),
        title: String(data.title),
        url: String(data.url),
        published: new Date(String(data.published)),
        lang: 'en',
        body: text.slice(front[0].length),
        source,
      };
    });
  const claims = new Map(
    reports.map((r) => [r.slug, parseReport(r.body, r.lang).flatMap((b) => (b.type === 'paragraph' ? b.claims : []))]),
  );
  const goldFile = join(folder, 'gold.tsv');
  const lines = readFileSync(goldFile, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const pairs = lines.slice(1).map((line, i): LabelledClaimPair => {
    const [reportA, textA, reportB, textB, relation, conflict] = line.split('\t');
    const locate = (report: string, text: string) => {
      const list = claims.get(report);
      const found = list ? claimsHolding(list, text) : [];
      if (found.length === 0) throw new Error(`${goldFile}:${i + 2}: "${text}" is in no claim of report ${report}.`);
      return found;
    };
    if (relation !== 'same' && relation !== 'part') throw new Error(`${goldFile}:${i + 2}: relation must be same or part.`);
    return {
      reportA: reportA!,
      reportB: reportB!,
      claimsA: locate(reportA!, textA!),
      claimsB: locate(reportB!, textB!),
      relation,
      ...(conflict && conflict !== '-' ? { conflict } : {}),
    };
  });
  const input: StoryInput = {
    slug,
    title: String(meta.title),
    summary: String(meta.summary ?? ''),
    date: new Date(String(meta.date)),
    reports,
  };
  return { slug, input, claims, pairs };
}

/**
 * The claims that hold a labelled sentence: the one containing it whole, else those holding its first or last
 * words (the site split it, or joined it with its neighbour across a quotation).
 */
function claimsHolding(claims: string[], text: string): number[] {
  const whole = claims.flatMap((c, i) => (c.includes(text) ? [i] : []));
  if (whole.length > 0) return whole.slice(0, 1);
  const head = text.slice(0, 25);
  const tail = text.slice(-25);
  return claims.flatMap((c, i) => (c.includes(head) || c.includes(tail) || text.includes(c) ? [i] : []));
}

/** A fixed split of stories by name, for rules written by hand: develop on `dev`, report on `test`. */
export function isDevStory(slug: string): boolean {
  return slug.localeCompare('n', 'en') < 0;
}
