import { interfaceLang } from '../data/site.ts';

/**
 * Claim search over Pagefind's JS API, shared by the search page and the search dialog (search-panel.ts).
 *
 * Records are claim pages (ClaimDetail.astro): the indexed text is the claim alone; filters `outlet`, `story`
 * and `status` (`shared` | `unique`, plus `conflict`); meta `target`, `title`, `outlet`, `others`,
 * `others_count`. Pagefind is imported the first time `searchClaims` or `preloadClaims` runs, never before.
 *
 * Pagefind keeps one index per page language; one is opened and every other language of the bundle merged in,
 * so a search covers the claims of every report whatever the page's language.
 *
 * Pagefind also matches words of meta values (story title, outlets, target URL); a result counts only when
 * the claim text itself matched (`words` not empty), so a story-title word does not return every claim of the
 * story. Pagefind's own filter counts include those meta-only matches, so the counts beside the filter values
 * are worked out here from the claim-text matches: for each group, over a search narrowed by the other groups'
 * choices only (values of one group are alternatives; groups narrow each other).
 */

export const filterGroups = ['outlet', 'story', 'status'] as const;
export type FilterGroup = (typeof filterGroups)[number];

/** Chosen values per filter group; an empty or missing group does not narrow. */
export type FilterChoice = Partial<Record<FilterGroup, string[]>>;

/** One matching claim, ready to show. */
export interface ClaimHit {
  id: string;
  /** The claim text as indexed, and the whitespace-separated word positions that matched the query. */
  text: string;
  locations: number[];
  /** Language of the claim's report, when known. */
  lang: string | undefined;
  /** Where the result leads: the claim inside its story (falls back to the claim page). */
  target: string;
  outlet: string;
  story: string;
  /** Outlets of the other reports that carry the claim. */
  others: string[];
  /** The record's filter values (`status` holds `conflict` when the reports disagree on a detail of it). */
  filters: Record<FilterGroup, string[]>;
}

export interface ClaimSearchResult {
  /** Claim-text matches, best first, at most `shown` of them. */
  hits: ClaimHit[];
  /** Number of claim-text matches under the current choice. */
  total: number;
  /** Claim-text matches per filter value, for each group. */
  counts: Record<FilterGroup, Record<string, number>>;
  /** True when some counts cover only the first `countedLimit` matches of a very broad query. */
  partialCounts: boolean;
}

interface PagefindFragment {
  url: string;
  content: string;
  locations: number[];
  filters: Record<string, string[] | undefined>;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  /** Positions of matching words in the indexed claim text; empty when only meta values matched. */
  words: number[];
  data: () => Promise<PagefindFragment>;
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

interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Results drawn at most; the count still covers every match. */
export const shown = 50;
/** Matches whose filter values are read to count them; beyond this a query is too broad to count exactly. */
const countedLimit = 500;
// Rank by the claim text alone: meta values are the same for every claim of a story or outlet.
const ranking = { metaWeights: { title: 0, outlet: 0, target: 0, others: 0, others_count: 0 } };

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const bundle = `${base}pagefind/`;

let pagefind: Promise<Pagefind> | undefined;

/**
 * The index Pagefind should open first: the interface language's, else the largest. Pagefind searches merged
 * indexes with the first index's word stemmer, so the first one is chosen per site, not per page: a reader on a
 * page in another language still finds claims when typing in the interface language.
 */
function primaryIndex(languages: PagefindEntry['languages']): string | undefined {
  if (interfaceLang in languages) return interfaceLang;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

/** Opens Pagefind on `primary`, then merges the index of every other language of the bundle. */
async function openIndexes(api: Pagefind, entry: PagefindEntry | undefined): Promise<void> {
  const primary = entry && primaryIndex(entry.languages);
  const html = document.documentElement;
  const pageLang = html.getAttribute('lang');
  // Pagefind picks its first index from <html lang> when it initialises, which `init` does synchronously.
  if (primary) html.setAttribute('lang', primary);
  const ready = api.init();
  if (pageLang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', pageLang);
  await ready;
  if (!entry) return;
  // Pagefind skips a merge whose path is the primary bundle's own path; the absolute URL of the same bundle is
  // merged, once per other language.
  const absolute = new URL(bundle, window.location.href).href;
  const others = Object.keys(entry.languages).filter((language) => language !== primary);
  await Promise.all(others.map((language) => api.mergeIndex(absolute, { language, ranking })));
}

function loadPagefind(): Promise<Pagefind> {
  if (pagefind) return pagefind;
  const entry = fetch(`${bundle}pagefind-entry.json`)
    .then((response) => response.json() as Promise<PagefindEntry>)
    .catch(() => undefined);
  pagefind = (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (api) => {
    await api.options({ ranking });
    await openIndexes(api, await entry);
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
  for (const group of filterGroups) {
    const values = choice[group] ?? [];
    if (group !== except && values.length > 0) filters[group] = { any: values };
  }
  return Object.keys(filters).length > 0 ? { filters } : {};
}

/** Claim-text matches of `query` under `options`, best first, each claim once. */
async function textMatches(api: Pagefind, query: string, options: PagefindSearchOptions): Promise<PagefindResult[]> {
  const response = await api.search(query, options);
  const seen = new Set<string>();
  return (response?.results ?? []).filter((result) => {
    if (result.words.length === 0 || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
}

function toHit(result: PagefindResult, fragment: PagefindFragment): ClaimHit {
  const others = (fragment.meta.others ?? '')
    .split(',')
    .map((outlet) => outlet.trim())
    .filter(Boolean);
  // A result id starts with the key of its language's index (`en_6fceec9`), which is the page's `lang`.
  const language = fragment.meta.lang ?? result.id.split('_')[0];
  return {
    id: result.id,
    text: fragment.content,
    locations: fragment.locations,
    lang: language && language !== 'unknown' ? language : undefined,
    target: fragment.meta.target ?? fragment.url,
    outlet: fragment.meta.outlet ?? fragment.filters.outlet?.[0] ?? '',
    story: fragment.meta.title ?? fragment.filters.story?.[0] ?? '',
    others,
    filters: { outlet: fragment.filters.outlet ?? [], story: fragment.filters.story ?? [], status: fragment.filters.status ?? [] },
  };
}

/** Fragments already loaded for the current query; positions of matched words differ from one query to the next. */
let fragments: { query: string; byId: Map<string, Promise<ClaimHit>> } = { query: '', byId: new Map() };

function hitOf(query: string, result: PagefindResult): Promise<ClaimHit> {
  if (fragments.query !== query) fragments = { query, byId: new Map() };
  let hit = fragments.byId.get(result.id);
  if (!hit) {
    hit = result.data().then((fragment) => toHit(result, fragment));
    fragments.byId.set(result.id, hit);
  }
  return hit;
}

async function countValues(query: string, matches: PagefindResult[], group: FilterGroup): Promise<Record<string, number>> {
  const hits = await Promise.all(matches.slice(0, countedLimit).map((result) => hitOf(query, result)));
  const counts: Record<string, number> = {};
  for (const hit of hits) {
    for (const value of hit.filters[group]) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Searches claim texts for `query`, narrowed by `choice`, with the counts for every filter value. */
export async function searchClaims(query: string, choice: FilterChoice): Promise<ClaimSearchResult> {
  const api = await loadPagefind();
  const term = query.trim();
  const matches = await textMatches(api, term, pagefindFilters(choice));
  // A group's counts come from a search narrowed by the other groups only; with nothing chosen in the group,
  // that is the main search.
  const byGroup = await Promise.all(
    filterGroups.map((group) =>
      (choice[group] ?? []).length > 0 ? textMatches(api, term, pagefindFilters(choice, group)) : Promise.resolve(matches),
    ),
  );
  const [hits, ...counted] = await Promise.all([
    Promise.all(matches.slice(0, shown).map((result) => hitOf(term, result))),
    ...filterGroups.map((group, index) => countValues(term, byGroup[index] ?? [], group)),
  ]);
  return {
    hits,
    total: matches.length,
    counts: Object.fromEntries(filterGroups.map((group, index) => [group, counted[index] ?? {}])) as ClaimSearchResult['counts'],
    partialCounts: byGroup.some((results) => results.length > countedLimit),
  };
}
