import { readClaimNotes } from './search-claim-notes.ts';

/**
 * Turns Pagefind's results, one per report page (search-records.ts), into claim results, and ranks them.
 *
 * A page's `anchors` are its claims in reading order, each at the position of its first word in the page's
 * `content` (words are what whitespace separates); a matched word belongs to the last claim that starts at or
 * before it. A claim is a result when at least one of its own words matched, as when each claim was a record
 * of its own: Pagefind returns a page holding any of the query's words, ranking those holding more first.
 *
 * Claims are ranked by how many of the query's words they hold, then by the longest run of matched words in a
 * row (the query as a phrase), then by the weight Pagefind gives the matched words (rarer words weigh more),
 * then shorter claims first, then the page's own rank.
 */

/**
 * Report pages whose claims are read per search, best first (some 50 claims each); beyond this a query is too
 * broad to count exactly.
 */
export const countedPages = 100;

export const filterGroups = ['outlet', 'story', 'status'] as const;
export type FilterGroup = (typeof filterGroups)[number];

/** One matching claim, ready to show. */
export interface ClaimHit {
  /** The page's result id and the claim's id: unique across the index. */
  id: string;
  /** The claim text, and the whitespace-separated word positions in it that matched the query. */
  text: string;
  locations: number[];
  /** Language of the claim's report, when known. */
  lang: string | undefined;
  /** Where the result leads: the claim in context. */
  target: string;
  outlet: string;
  story: string;
  /** Outlets of the other reports that carry the claim. */
  others: string[];
  /** Those of `others` that carry it by a possible match only: the site is not sure they do. */
  possible: string[];
  /** Filter values: the page's `outlet` and `story`, and the claim's `status` (`shared` | `unique`, `conflict`). */
  filters: Record<FilterGroup, string[]>;
}

export interface RankedClaim {
  hit: ClaimHit;
  rank: number[];
}

export interface PageResult {
  id: string;
  /** Positions of the matched words in the page's content; empty when only meta values matched. */
  words: number[];
}

export interface PageFragment {
  url: string;
  content: string;
  weighted_locations?: { location: number; balanced_score: number }[];
  anchors?: { id: string; location: number; text?: string }[];
  filters: Record<string, string[] | undefined>;
  meta: Record<string, string | undefined>;
}

/** Pagefind's word boundaries: any whitespace but U+FEFF. */
const wordGap = /[^\S\uFEFF]+/;

/** A word as the query's words are compared: letters, marks and digits, lower case. */
function bare(word: string): string {
  return word.toLocaleLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/** How many distinct words a query asks for. */
export function queryWordCount(query: string): number {
  return new Set(query.split(wordGap).map(bare).filter(Boolean)).size;
}

function longestRun(positions: number[]): number {
  let best = 0;
  let run = 0;
  positions.forEach((position, index) => {
    run = index > 0 && position === (positions[index - 1] ?? NaN) + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/**
 * The claims of one page result that hold a matched word, with their rank keys (see `compareClaims`); the
 * caller adds the page's rank in its search as the last key.
 */
export function claimsOfPage(result: PageResult, fragment: PageFragment, queryWords: number): RankedClaim[] {
  const anchors = [...(fragment.anchors ?? [])].sort((a, b) => a.location - b.location);
  const words = fragment.content.split(wordGap).filter(Boolean);
  const weights = new Map((fragment.weighted_locations ?? []).map((entry) => [entry.location, entry.balanced_score]));
  const notes = readClaimNotes(fragment.meta);
  const outlet = fragment.meta.outlet ?? fragment.filters.outlet?.[0] ?? '';
  const story = fragment.meta.title ?? fragment.filters.story?.[0] ?? '';
  const language = fragment.meta.lang ?? result.id.split('_')[0];
  const base = fragment.url.replace(/#.*$/, '');
  const claims: RankedClaim[] = [];
  anchors.forEach((anchor, index) => {
    const start = anchor.location;
    const end = anchors[index + 1]?.location ?? words.length;
    const hits = result.words.filter((location) => location >= start && location < end).sort((a, b) => a - b);
    if (hits.length === 0) return;
    // The anchor's text is the claim as written; the page's content may add a full stop after it.
    const own = anchor.text?.trim() ?? '';
    const text = own && own.split(wordGap).length === end - start ? own : words.slice(start, end).join(' ');
    const note = notes[index] ?? { others: [], possible: [], conflict: false };
    // Each matched word counts once, at its heaviest, so a word repeated does not outweigh another word.
    const matched = new Map<string, number>();
    for (const location of hits) {
      const word = bare(words[location] ?? '');
      matched.set(word, Math.max(matched.get(word) ?? 0, weights.get(location) ?? 1));
    }
    const weight = [...matched.values()].reduce((sum, value) => sum + value, 0);
    claims.push({
      hit: {
        id: `${result.id}#${anchor.id}`,
        text,
        locations: hits.map((location) => location - start),
        lang: language && language !== 'unknown' ? language : undefined,
        target: `${base}#${anchor.id}`,
        outlet,
        story,
        others: note.others,
        possible: note.possible,
        filters: {
          outlet: fragment.filters.outlet ?? [],
          story: fragment.filters.story ?? [],
          status: [note.others.length > 0 ? 'shared' : 'unique', ...(note.conflict ? ['conflict'] : [])],
        },
      },
      rank: [Math.min(matched.size, queryWords), longestRun(hits), weight, -(end - start)],
    });
  });
  return claims;
}

/** Best first: compares rank keys in order, higher first. */
export function compareClaims(a: RankedClaim, b: RankedClaim): number {
  for (let key = 0; key < a.rank.length; key++) {
    const difference = (b.rank[key] ?? 0) - (a.rank[key] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
