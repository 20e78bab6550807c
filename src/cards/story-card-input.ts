import { interfaceLang, siteName } from '../data/site.ts';
import { reportsLang } from '../data/story-view.ts';
import type { StoryComparison } from '../pipeline/types.ts';
import type { StoryCardInput } from './story-card.ts';

/**
 * What the share card of `story` says: its title, its outlets in the story's report order, and its claim
 * counts. Every page of the story shares this one card (one PNG per story, not per claim: see README).
 */
export function storyCardInput(story: StoryComparison): StoryCardInput {
  return {
    siteName,
    title: story.title,
    lang: reportsLang(story.reports, interfaceLang),
    outlets: story.reports.map((report) => ({ name: report.outlet, lang: report.lang })),
    claims: story.stats.claims,
    sharedClaims: story.stats.sharedClaims,
    uniqueClaims: story.stats.uniqueClaims,
  };
}
