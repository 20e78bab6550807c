/**
 * The search index is split into shards (src/build/search-index.ts): each a Pagefind bundle of its own,
 * holding the reports of the stories assigned to it, so an edit rebuilds one shard and reuses the others.
 * `shards.json` beside Pagefind's runtime lists them; this module opens them all as one search.
 */

/** `<bundle>/shards.json`: every shard's folder (relative to the bundle) and its pages per Pagefind language. */
export interface ShardManifest {
  shards: { path: string; languages: Record<string, number> }[];
}

/** Pagefind's ranking for claim search: by the claim text alone, since meta values are the same for every claim of a page. */
export const searchRanking = { metaWeights: { title: 0, outlet: 0, lang: 0, reports: 0, claims: 0 } };

/** What of Pagefind's JS API opening the shards needs. */
export interface MergingPagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (bundle: string, options: Record<string, unknown>) => Promise<void>;
}

/**
 * The language Pagefind should open first: `preferred` (the interface language) when any shard holds it, else
 * the one with most pages. Pagefind searches merged indexes with the first index's word stemmer, so it is chosen
 * per site, not per page: a reader on a page in another language still finds claims typed in the interface's.
 */
export function primaryLanguage(manifest: ShardManifest, preferred: string): string | undefined {
  const pages = new Map<string, number>();
  for (const shard of manifest.shards) {
    for (const [language, count] of Object.entries(shard.languages)) pages.set(language, (pages.get(language) ?? 0) + count);
  }
  if (pages.has(preferred)) return preferred;
  return [...pages].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

/**
 * Opens Pagefind on the primary language's index of the first shard holding it, then merges every other
 * (shard, language) index. `bundle` is the absolute URL of the folder holding shards.json; `options` (ranking,
 * and `baseUrl`, the site's base path, which results' URLs start with whichever shard they come from) go to
 * every index.
 */
export async function openShards(api: MergingPagefind, manifest: ShardManifest, bundle: string, preferred: string, options: Record<string, unknown>): Promise<void> {
  const primary = primaryLanguage(manifest, preferred);
  const first = manifest.shards.find((shard) => primary !== undefined && primary in shard.languages);
  if (!primary || !first) throw new Error('search: the index has no shard');
  // The primary index's folder holds its own copy of Pagefind's worker and WebAssembly, loaded from there.
  await api.options({ ...options, basePath: new URL(first.path, bundle).pathname });
  const html = document.documentElement;
  const pageLang = html.getAttribute('lang');
  // Pagefind picks its first index from <html lang> when it initialises, which `init` does synchronously.
  html.setAttribute('lang', primary);
  const ready = api.init();
  if (pageLang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', pageLang);
  await ready;
  // Pagefind skips a merge whose path starts the primary's own path; the absolute URL of a shard is never
  // skipped, so the primary shard's other languages merge like any other shard's.
  const merges = manifest.shards.flatMap((shard) =>
    Object.keys(shard.languages)
      .filter((language) => shard !== first || language !== primary)
      .map((language) => api.mergeIndex(new URL(shard.path, bundle).href, { ...options, language })),
  );
  await Promise.all(merges);
}
