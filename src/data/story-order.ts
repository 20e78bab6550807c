import type { StoryComparison } from '../pipeline/types.ts';

/** The orders a reader may list the stories in, the first the default, with the words the control gives them. */
export const storyOrders = {
  date: 'Newest first',
  disagreement: 'Most disagreement first',
} as const;

export type StoryOrder = keyof typeof storyOrders;

/** How much a story's reports disagree (see storyRanks). */
export interface Disagreement {
  /** Points on which matched claims give different numbers, dates, names or sources. */
  disputed: number;
  /** The share (0-1) of the story's claims that one report alone makes, repeats counted once. */
  alone: number;
}

export function disagreementOf(story: Pick<StoryComparison, 'glance' | 'stats'>): Disagreement {
  const alone = story.glance.unique.reduce((sum, line) => sum + line.count, 0);
  return { disputed: story.glance.disputed.length, alone: story.stats.claims > 0 ? alone / story.stats.claims : 0 };
}

/**
 * Each story's place (0 first) in every order, by slug, from `stories` as loadStories lists them (newest first).
 * Most disagreement first: the most disputed points, then the largest share of claims in one report only (a
 * contradiction is a sharper disagreement than a detail one outlet adds), then newest first. The home page
 * writes the places on its cards, and story-sort.ts reorders the cards by them.
 */
export function storyRanks(stories: readonly StoryComparison[]): Map<string, Record<StoryOrder, number>> {
  const measured = stories.map((story, date) => ({ slug: story.slug, date, ...disagreementOf(story) }));
  const byDisagreement = [...measured].sort((x, y) => y.disputed - x.disputed || y.alone - x.alone || x.date - y.date);
  const place = new Map(byDisagreement.map((story, index) => [story.slug, index]));
  return new Map(measured.map((story) => [story.slug, { date: story.date, disagreement: place.get(story.slug)! }]));
}
