import type { Claim, ReportComparison, StoryComparison } from '../pipeline/types.ts';

/**
 * The outlets of the other reports that carry `claim` (a claim of `report`): the distinct reports its links
 * point to, one outlet per report, in the story's report order.
 */
export function carryingOutlets(story: StoryComparison, report: ReportComparison, claim: Claim): string[] {
  const carriers = new Set(claim.links.map((link) => link.reportSlug));
  return story.reports.filter((other) => carriers.has(other.slug) && other.slug !== report.slug).map((other) => other.outlet);
}

/** How many other reports carry a claim, and which: "Also in 2 other reports: A, B" or "Only in this report". */
export function carrySentence(otherOutlets: readonly string[]): string {
  const count = otherOutlets.length;
  if (count === 0) return 'Only in this report';
  return `Also in ${count} other ${count === 1 ? 'report' : 'reports'}: ${otherOutlets.join(', ')}`;
}
