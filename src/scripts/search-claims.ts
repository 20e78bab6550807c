import { interfaceLang } from '../data/site.ts';
import { claimsOfPage, compareClaims, countedPages, filterGroups, queryWordCount } from './search-claim-hits.ts';
import type { ClaimHit, FilterGroup, PageFragment, PageResult, RankedClaim } from './search-claim-hits.ts';
import { openShards, searchRanking, type ShardManifest } from './search-shards.ts';

/**
 * Claim search over Pagefind's JS API, shared by the search page and the search dialog (search-panel.ts).
 *
 * The index holds one page per report (search-records.ts): its claims, each an element with the claim's id;
 * filters `outlet` and `story`; meta `title`, `outlet`, `lang`, and each claim's status (search-claim-notes.ts).
 * Page results become claim results here (search-claim-hits.ts), so the `status` filter (`shared` | `unique`,
 * `conflict`) is applied to claims here too, while `outlet` and `story` narrow Pagefind's own search. Pagefind is
 * imported the first time `searchClaims` or `preloadClaims` runs, never before.
 *
 * The index is sharded by story, and Pagefind keeps one index per page language in each shard; one is opened
 * and every other (shard, language) index merged in (search-shards.ts), so a search covers the claims of every
 * report whatever the page's language.
 *
 * Pagefind also matches words of meta values (story title, outlets); a claim counts only when its own text
 * matched. The counts beside the filter values are claims, counted here: for each group, over the claims a
 * search narrowed by the other groups' choices finds (values of one group are alternatives; groups narrow each
 * other). Claims are read from the best `countedPages` report pages of each search; a broader query's total
 * is a lower bound and its counts cover those pages only (`partial`).
 */

export { filterGroups };
export type { ClaimHit, FilterGroup };

/** Chosen values per filter group; an empty or missing group does not narrow. */
export type FilterChoice = Partial<Record<FilterGroup, string[]>>;

export interface ClaimSearchResult {
  /** Claim-text matches, best first, at most `shown` of them. */
  hits: ClaimHit[];
  /** Number of claim-text matches under the current choice (at least this many when `partial`). */
  total: number;
  /** Claim-text matches per filter value, for each group. */
  counts: Record<FilterGroup, Record<string, number>>;
  /** True when the query matched more report pages than are read: `total` and the counts cover the best ones. */
  partial: boolean;
}

interface PagefindResult extends PageResult {
  score: number;
  data: () => Promise<PageFragment>;
}

interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (bundle: string, options: Record<string, unknown>) => Promise<void>;
  preload: (query: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (query: string, options?: PagefindSearchOptions) => Promise<{ results: PagefindResult[] } | null>;
}

/** Results drawn at most; the count still covers every match. */
export const shown = 50;

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const bundle = `${base}pagefind/`;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  if (pagefind) return pagefind;
  // The list of shards is fetched while Pagefind's script loads, revalidated as Pagefind does its own entry file:
  // a deployment replaces the shard folders it names.
  const manifest = fetch(`${bundle}shards.json`, { cache: 'no-cache' }).then((response) => response.json() as Promise<ShardManifest>);
  manifest.catch(() => undefined); // awaited below; a failed script load must not leave it unhandled
  pagefind = (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (api) => {
    await openShards(api, await manifest, new URL(bundle, window.location.href).href, interfaceLang, { ranking: searchRanking, baseUrl: base });
    return api;
  });
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

/** Starts loading Pagefind and the index chunks for `query`, so the search that follows answers sooner. */
export async function preloadClaims(query = ''): Promise<void> {
  const api = await loadPagefind();
  if (query.trim()) await api.preload(query.trim());
}

function pagefindFilters(choice: FilterChoice, except?: FilterGroup): PagefindSearchOptions {
  const filters: Record<string, { any: string[] }> = {};
  for (const group of ['outlet', 'story'] as const) {
    const values = choice[group] ?? [];
    if (group !== except && values.length > 0) filters[group] = { any: values };
  }
  return Object.keys(filters).length > 0 ? { filters } : {};
}

/** Pages whose own text matched `query` under `options`, best first, each once. */
async function textMatches(api: Pagefind, query: string, options: PagefindSearchOptions): Promise<PagefindResult[]> {
  const response = await api.search(query, options);
  const seen = new Set<string>();
  return (response?.results ?? []).filter((result) => {
    if (result.words.length === 0 || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
}

/** Claims of the pages already read for the current query, by page id; matched words differ between queries. */
let pages: { query: string; byId: Map<string, Promise<RankedClaim[]>> } = { query: '', byId: new Map() };

function claimsOf(query: string, result: PagefindResult): Promise<RankedClaim[]> {
  if (pages.query !== query) pages = { query, byId: new Map() };
  let claims = pages.byId.get(result.id);
  if (!claims) {
    const words = queryWordCount(query);
    claims = result.data().then((fragment) => claimsOfPage(result, fragment, words));
    pages.byId.set(result.id, claims);
  }
  return claims;
}

/** The claims of the best `countedPages` of `results`, and whether more pages matched. */
async function claimsFound(query: string, results: PagefindResult[]): Promise<{ claims: RankedClaim[]; partial: boolean }> {
  const read = await Promise.all(results.slice(0, countedPages).map((result) => claimsOf(query, result)));
  // Ties between claims go to the page Pagefind ranks higher in this search.
  const claims = read.flatMap((page, index) => page.map((claim) => ({ ...claim, rank: [...claim.rank, -index] })));
  return { claims, partial: results.length > countedPages };
}

function countValues(claims: RankedClaim[], group: FilterGroup): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { hit } of claims) {
    for (const value of hit.filters[group]) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Searches claim texts for `query`, narrowed by `choice`, with the counts for every filter value. */
export async function searchClaims(query: string, choice: FilterChoice): Promise<ClaimSearchResult> {
  const api = await loadPagefind();
  const term = query.trim();
  const statuses = choice.status ?? [];
  const withStatus = (claims: RankedClaim[]) =>
    statuses.length === 0 ? claims : claims.filter(({ hit }) => hit.filters.status.some((value) => statuses.includes(value)));
  // Outlet and story narrow Pagefind's search; a group's counts come from a search narrowed by the other
  // groups only, which with nothing chosen in the group is the main search. Status is a claim's, so it
  // narrows the claims found, and its counts are those of the main search's claims.
  const main = textMatches(api, term, pagefindFilters(choice));
  const searches = (['outlet', 'story'] as const).map((group) =>
    (choice[group] ?? []).length > 0 ? textMatches(api, term, pagefindFilters(choice, group)) : main,
  );
  const [found, byOutlet, byStory] = await Promise.all([main, ...searches].map(async (results) => claimsFound(term, await results)));
  if (!found || !byOutlet || !byStory) throw new Error('search: a search did not answer');
  const matches = withStatus(found.claims).sort(compareClaims);
  return {
    hits: matches.slice(0, shown).map(({ hit }) => hit),
    total: matches.length,
    counts: {
      outlet: countValues(withStatus(byOutlet.claims), 'outlet'),
      story: countValues(withStatus(byStory.claims), 'story'),
      status: countValues(found.claims, 'status'),
    },
    partial: found.partial || byOutlet.partial || byStory.partial,
  };
}
