import type { APIRoute, GetStaticPaths } from 'astro';
import { publishedComparison } from '../../../data/comparison-json.ts';
import { loadStories, storyCacheKey } from '../../../build/load-stories.ts';
import type { StoryComparison } from '../../../pipeline/types.ts';

export const getStaticPaths = (async () => {
  const stories = await loadStories();
  return stories.map((story) => ({ params: { story: story.slug }, props: { story }, cacheKey: storyCacheKey(story.slug) }));
}) satisfies GetStaticPaths;

/** The story's comparison as published JSON; its shape is documented in src/data/comparison-json.ts. */
export const GET: APIRoute = ({ props, site }) => {
  const { story } = props as { story: StoryComparison };
  if (!site) throw new Error('astro.config.mjs must set `site`: comparison.json publishes absolute permalinks.');
  return new Response(JSON.stringify(publishedComparison(story, site), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
