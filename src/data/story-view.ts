import type { Claim, ReportComparison, StoryComparison } from '../pipeline/types.ts';

/** How many reports the story page sets side by side: the first ones by publication time. */
export const shownReportCount = 2;

export interface ClaimRef {
  claim: Claim;
  report: ReportComparison;
}

/** Finds any claim of a story by id, with the report it belongs to. */
export function indexClaims(story: StoryComparison): Map<string, ClaimRef> {
  const index = new Map<string, ClaimRef>();
  for (const report of story.reports) {
    for (const claim of report.claims) index.set(claim.id, { claim, report });
  }
  return index;
}

export function shownReports(story: StoryComparison): ReportComparison[] {
  return story.reports.slice(0, shownReportCount);
}

/**
 * Language of a page built from these reports: theirs when they all agree, otherwise `fallback`
 * (each report then carries its own `lang` on its element).
 */
export function reportsLang(reports: readonly ReportComparison[], fallback: string): string {
  const langs = new Set(reports.map((report) => report.lang));
  const [only] = langs;
  return langs.size === 1 && only ? only : fallback;
}
