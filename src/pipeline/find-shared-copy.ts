import type { Match, SharedCopy } from './types.ts';
import { listsBy } from './lists-by.ts';
import { claimPlaces } from './claim-places.ts';
import { linkedSets } from './linked-sets.ts';

/** Fewest sentences in a row two reports must share word for word to be read as one copy. */
export const MIN_COPY_RUN = 2;

/**
 * Most sentences one report may add or drop between two sentences of a run and keep it one run: an editor who
 * cuts a sentence from agency copy, or adds one of their own, still runs the agency's copy.
 */
export const MAX_COPY_GAP = 1;

export interface CopyReport {
  slug: string;
  /** In reading order. */
  claims: { id: string }[];
  /** The agencies the report credits (findCredits), in the order it names them. */
  credits: string[];
}

/**
 * The runs of sentences that two or more reports share word for word (`verbatim` or `edited` matches), in the
 * same order: at least MIN_COPY_RUN sentences, each following the last within MAX_COPY_GAP sentences on both
 * sides. Two runs that hold one claim are one copy (three outlets running one agency's text are one copy of
 * three reports). A copy's `credit` is the first agency its reports credit, in the story's order, or null when
 * none names one. Copies come in the order of their first claim (report order, then reading order); `reports`
 * and `claims` in the story's order, then reading order.
 */
export function findSharedCopy(reports: CopyReport[], matches: Match[]): SharedCopy[] {
  const { place, order } = claimPlaces(reports);

  // Claims joined by a run, and the sets they make.
  const joined = new Set<string>();
  const sets = linkedSets<string>();

  // The word-for-word matches of each pair of reports, as claim indexes, under the pair's key.
  const wordForWord = matches.flatMap((match) => {
    if (match.kind !== 'verbatim' && match.kind !== 'edited') return [];
    const [a, b] = match.claims.map((id) => place.get(id));
    if (!a || !b) return [];
    const [first, second] = a.report < b.report ? [a, b] : [b, a];
    return [{ pair: `${first.report} ${second.report}`, at: [first.index, second.index] as [number, number] }];
  });
  const between = listsBy(wordForWord, (match) => [match.pair]);
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const pairs = (between.get(`${i} ${j}`) ?? []).map((match) => match.at).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const run of copyRuns(pairs)) {
        const ids = run.flatMap(([a, b]) => [reports[i]!.claims[a]!.id, reports[j]!.claims[b]!.id]);
        for (const id of ids) {
          joined.add(id);
          sets.join(ids[0]!, id);
        }
      }
    }
  }

  const copies = listsBy(joined, (id) => [sets.setOf(id)]);
  return [...copies.values()]
    .map((ids) => ids.sort(order))
    .sort((x, y) => order(x[0]!, y[0]!))
    .map((claims) => {
      const carriers = [...new Set(claims.map((id) => place.get(id)!.report))].sort((a, b) => a - b);
      const credit = carriers.flatMap((r) => reports[r]!.credits)[0] ?? null;
      return { reports: carriers.map((r) => reports[r]!.slug), claims, credit };
    });
}

/**
 * The runs among `pairs` (claim indexes of two reports, sorted): chains in which each pair follows the one before
 * it by 1 to MAX_COPY_GAP + 1 sentences on both sides, the longest first, each pair in one run at most; only
 * runs of MIN_COPY_RUN pairs or more.
 */
function copyRuns(pairs: (readonly [number, number])[]): (readonly [number, number])[][] {
  const key = (a: number, b: number) => `${a} ${b}`;
  const at = new Map(pairs.map((pair, k) => [key(pair[0], pair[1]), k]));
  // The longest chain ending at each pair, and the pair before it there.
  const length = pairs.map(() => 1);
  const before = pairs.map((): number | undefined => undefined);
  pairs.forEach(([a, b], k) => {
    for (let da = 1; da <= MAX_COPY_GAP + 1; da++) {
      for (let db = 1; db <= MAX_COPY_GAP + 1; db++) {
        const p = at.get(key(a - da, b - db));
        if (p !== undefined && length[p]! + 1 > length[k]!) [length[k], before[k]] = [length[p]! + 1, p];
      }
    }
  });
  const used = new Set<number>();
  const runs: (readonly [number, number])[][] = [];
  const ends = pairs.map((_, k) => k).sort((x, y) => length[y]! - length[x]! || x - y);
  for (const end of ends) {
    const run: number[] = [];
    for (let k: number | undefined = end; k !== undefined && !used.has(k); k = before[k]) run.unshift(k);
    if (run.length < MIN_COPY_RUN) continue;
    for (const k of run) used.add(k);
    runs.push(run.map((k) => pairs[k]!));
  }
  return runs;
}
