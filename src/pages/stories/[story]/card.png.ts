import type { APIRoute, GetStaticPaths } from 'astro';
import { cachedCard } from '../../../cards/card-cache.ts';
import { renderCard } from '../../../cards/render-card.ts';
import { storyCard, type StoryCardInput } from '../../../cards/story-card.ts';
import { storyCardInput } from '../../../cards/story-card-input.ts';
import { loadStories, storyCacheKey } from '../../../build/load-stories.ts';

export const getStaticPaths = (async () => {
  const stories = await loadStories();
  return stories.map((story) => ({
    params: { story: story.slug },
    props: { card: storyCardInput(story) },
    cacheKey: storyCacheKey(story.slug),
  }));
}) satisfies GetStaticPaths;

/**
 * The story's share card, 1200x630 PNG (see src/cards/), shared by every page of the story; drawn again only
 * when it changed (see card-cache.ts).
 */
export const GET: APIRoute = async ({ props }) => {
  const { card } = props as { card: StoryCardInput };
  const png = await cachedCard(storyCard(card), renderCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
