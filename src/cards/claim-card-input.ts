import { siteName } from '../data/site.ts';
import type { Claim, ReportComparison, StoryComparison } from '../pipeline/types.ts';
import type { ClaimCardInput } from './claim-card.ts';

/**
 * What the share card of `claim` (a claim of `report`) says: the other reports that carry it are the distinct
 * reports its links point to, named by outlet in the story's report order.
 */
export function claimCardInput(story: StoryComparison, report: ReportComparison, claim: Claim): ClaimCardInput {
  const carriers = new Set(claim.links.map((link) => link.reportSlug));
  return {
    siteName,
    claim: claim.text,
    lang: report.lang,
    outlet: report.outlet,
    storyTitle: story.title,
    otherOutlets: story.reports.filter((other) => carriers.has(other.slug) && other.slug !== report.slug).map((other) => other.outlet),
  };
}
