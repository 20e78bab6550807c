/**
 * Reads a story's labelled claim pairs (tests/fixtures/alignment/seed-story.json and fixtures like it): the
 * claims of two of its reports, as the site splits them, and for every pair the fixture decides, whether the
 * two claims must match (1) or stay apart (0). Used by `npm run eval` and the alignment tests.
 * `paraphrases` are matches too, but not required (see the fixture's description): they carry `required: false`.
 */
import { readFileSync } from 'node:fs';
import { parseReport } from '../src/pipeline/parse-report.ts';

export interface LabelledPairs {
  story: string;
  a: string[];
  b: string[];
  /** Indexes into `a` and `b`; a sentence that occurs twice in a report gives one pair per copy. */
  pairs: { a: number; b: number; label: 0 | 1; required: boolean }[];
  /** Indexes of `a` claims that must match nothing. */
  unmatched: number[];
}

interface Fixture {
  story: string;
  a: string;
  b: string;
  match?: [string, string][];
  paraphrases?: [string, string][];
  noMatch?: [string, string][];
  unmatched?: string[];
  othersApart?: boolean;
  undecided?: [string, string][];
}

/** `fixture` is the JSON file; `stories` the folder holding the story folders (content/stories/). */
export function readLabelledPairs(fixture: URL, stories: URL): LabelledPairs {
  const f = JSON.parse(readFileSync(fixture, 'utf8')) as Fixture;
  const claimsOf = (file: string) => {
    const markdown = readFileSync(new URL(`${f.story}/${file}`, stories), 'utf8');
    const body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
    return parseReport(body).flatMap((block) => (block.type === 'paragraph' ? block.claims : []));
  };
  const a = claimsOf(f.a);
  const b = claimsOf(f.b);
  const indexesOf = (list: string[], text: string, side: string) => {
    const found = list.flatMap((t, i) => (t === text ? [i] : []));
    if (found.length === 0) throw new Error(`${fixture.pathname}: not a claim of report ${side}: ${text}`);
    return found;
  };
  const labels = new Map<string, 0 | 1 | 'paraphrase' | 'undecided'>();
  const put = (list: [string, string][] | undefined, label: 0 | 1 | 'paraphrase' | 'undecided') => {
    for (const [ta, tb] of list ?? []) {
      for (const i of indexesOf(a, ta, f.a)) for (const j of indexesOf(b, tb, f.b)) labels.set(`${i} ${j}`, label);
    }
  };
  put(f.undecided, 'undecided');
  put(f.noMatch, 0);
  put(f.paraphrases, 'paraphrase');
  put(f.match, 1);
  const unmatched = (f.unmatched ?? []).flatMap((t) => indexesOf(a, t, f.a));
  const pairs: LabelledPairs['pairs'] = [];
  a.forEach((_, i) =>
    b.forEach((_, j) => {
      const label = labels.get(`${i} ${j}`) ?? (f.othersApart || unmatched.includes(i) ? 0 : undefined);
      if (label === 0 || label === 1) pairs.push({ a: i, b: j, label, required: true });
      if (label === 'paraphrase') pairs.push({ a: i, b: j, label: 1, required: false });
    }),
  );
  return { story: f.story, a, b, pairs, unmatched };
}
