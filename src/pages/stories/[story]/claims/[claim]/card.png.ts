import type { APIRoute, GetStaticPaths } from 'astro';
import { claimCard, type ClaimCardInput } from '../../../../../cards/claim-card.ts';
import { claimCardInput } from '../../../../../cards/claim-card-input.ts';
import { cachedCard } from '../../../../../cards/card-cache.ts';
import { renderCard } from '../../../../../cards/render-card.ts';
import { loadStories } from '../../../../../data/load-stories.ts';
import { indexClaims } from '../../../../../data/story-view.ts';

// Only live claims get a card: the page of a removed id shares no image (see [claim].astro).
export const getStaticPaths = (async () => {
  const stories = await loadStories();
  return stories.flatMap((story) =>
    [...indexClaims(story).values()].map(({ claim, report }) => ({
      params: { story: story.slug, claim: claim.id },
      props: { card: claimCardInput(story, report, claim) },
    })),
  );
}) satisfies GetStaticPaths;

/** The claim's share card, 1200x630 PNG (see src/cards/), drawn again only when it changed (see card-cache.ts). */
export const GET: APIRoute = async ({ props }) => {
  const { card } = props as { card: ClaimCardInput };
  const png = await cachedCard(claimCard(card), renderCard);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
