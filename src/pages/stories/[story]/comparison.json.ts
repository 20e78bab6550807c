import type { APIRoute, GetStaticPaths } from 'astro';
import { isoDay } from '../../../data/format.ts';
import { loadStories } from '../../../data/load-stories.ts';
import { claimPermalink } from '../../../data/urls.ts';
import type { StoryComparison } from '../../../pipeline/types.ts';

export const getStaticPaths = (async () => {
  const stories = await loadStories();
  return stories.map((story) => ({ params: { story: story.slug }, props: { story } }));
}) satisfies GetStaticPaths;

/** The public, machine-readable form of one story's comparison; its shape is a published contract. */
function toJson(story: StoryComparison) {
  return {
    story: { slug: story.slug, title: story.title, summary: story.summary, date: isoDay(story.date) },
    articles: story.reports.map((report) => ({
      slug: report.slug,
      outlet: report.outlet,
      title: report.title,
      url: report.url,
      published: isoDay(report.published),
      claims: report.claims.map((claim) => ({
        id: claim.id,
        text: claim.text,
        permalink: claimPermalink(story.slug, claim.id),
      })),
    })),
    matches: story.matches.map((match) => ({
      claims: match.claims,
      score: Math.round(match.score * 1000) / 1000,
      kind: match.kind,
    })),
  };
}

export const GET: APIRoute = ({ props }) => {
  const { story } = props as { story: StoryComparison };
  return new Response(JSON.stringify(toJson(story), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
