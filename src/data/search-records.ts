import type { PublishedComparison } from './comparison-json.ts';

/** A Pagefind custom record (see `addCustomRecord` in the pagefind package). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** What the reader sees a claim's status filter called, by value (the search panel labels them). */
export const claimStatuses = ['shared', 'unique', 'conflict'] as const;

/**
 * The search records of one story: one per claim, its text the only indexed content, so interface text can
 * never be found. `url` opens the claim in context (story or pair page at its anchor). Filters: `outlet`,
 * `story` and `status` (`shared` or `unique`, plus `conflict` when a match of the claim has one). Meta: `title`
 * (the story's), `outlet`, `target` (same as `url`), `others` (outlets of the other reports that carry the
 * claim, joined by ", ") and `others_count`. `language` is the report's primary language subtag: Pagefind
 * keeps one index per language, stemmed for it.
 */
export function searchRecords(published: PublishedComparison): SearchRecord[] {
  const outletOf = new Map(published.articles.flatMap((article) => article.claims.map((claim) => [claim.id, article] as const)));
  const carriers = new Map<string, Set<string>>();
  const conflicted = new Set<string>();
  for (const match of published.matches) {
    const [a, b] = match.claims;
    carriers.set(a, (carriers.get(a) ?? new Set()).add(outletOf.get(b)?.slug ?? b));
    carriers.set(b, (carriers.get(b) ?? new Set()).add(outletOf.get(a)?.slug ?? a));
    if (match.conflicts.length > 0) {
      conflicted.add(a);
      conflicted.add(b);
    }
  }
  return published.articles.flatMap((article) =>
    article.claims.map((claim): SearchRecord => {
      const others = published.articles
        .filter((other) => other.slug !== article.slug && carriers.get(claim.id)?.has(other.slug))
        .map((other) => other.outlet);
      const status = [others.length > 0 ? 'shared' : 'unique', ...(conflicted.has(claim.id) ? ['conflict'] : [])];
      return {
        url: claim.context,
        content: claim.text,
        language: new Intl.Locale(article.lang).language,
        meta: {
          title: published.story.title,
          outlet: article.outlet,
          target: claim.context,
          others_count: String(others.length),
          ...(others.length > 0 && { others: others.join(', ') }),
        },
        filters: { outlet: [article.outlet], story: [published.story.title], status },
      };
    }),
  );
}
