import type { Comparison, ComparisonClaim, ComparisonReport } from './read-comparison.ts';
import { findClaim, readAllComparisons, shownReports } from './read-comparison.ts';

/**
 * Chooses what browser tests exercise from a story's own comparison, so they hold for any story rather
 * than for the seed story's wording.
 */

/** The closest match of the story (between two of the `within` reports, when given), with both of its claims. */
export function bestMatch(
  comparison: Comparison,
  within?: string[],
): { first: ComparisonClaim; second: ComparisonClaim } | undefined {
  const inside = (id: string) => !within || within.includes(findClaim(comparison, id).report.slug);
  const candidates = comparison.matches.filter((match) => match.claims.every(inside));
  const [match] = [...candidates].sort((a, b) => b.score - a.score);
  if (!match) return undefined;
  return { first: findClaim(comparison, match.claims[0]).claim, second: findClaim(comparison, match.claims[1]).claim };
}

/** The report's most searchable claim: its longest claim found in no other report, else its longest claim. */
export function distinctiveClaim(report: ComparisonReport): ComparisonClaim | undefined {
  const byLength = [...report.claims].sort((a, b) => b.text.length - a.text.length);
  const once = byLength.filter((claim) => report.claims.filter((other) => other.text === claim.text).length === 1);
  return once.find((claim) => claim.counterparts.length === 0) ?? once[0] ?? byLength[0];
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A search query made of a claim's first words. */
export function phraseOf(claim: ComparisonClaim, limit = 8): string {
  return words(claim.text).slice(0, limit).join(' ');
}

/** Up to `limit` longer words two claims share, in the order of the first: a query both of them answer. */
export function sharedWords(first: ComparisonClaim, second: ComparisonClaim, limit = 3): string[] {
  const other = new Set(words(second.text));
  return [...new Set(words(first.text))].filter((word) => word.length > 4 && other.has(word)).slice(0, limit);
}

/** A query search answers with results on a built site: three words of its first story's most searchable claim. */
export function searchablePhrase(dist: string): string {
  const report = readAllComparisons(dist)[0]?.reports[0];
  const claim = report && distinctiveClaim(report);
  if (!claim) throw new Error(`${dist} has no claim to search for: was the site built?`);
  return phraseOf(claim, 3);
}

/** The first claim of the story's two shown reports that another report also carries: a claim worth opening at its permalink. */
export function matchedClaim(comparison: Comparison): ComparisonClaim | undefined {
  return shownReports(comparison)
    .flatMap((report) => report.claims)
    .find((claim) => claim.counterparts.length > 0);
}
