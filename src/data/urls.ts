/**
 * Every site path the pages link to, built from Astro's base so the site can live under a sub-path.
 * Paths end in `/` (directory style), matching Astro's static output.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

export function homeUrl(): string {
  return base;
}

export function searchUrl(): string {
  return `${base}search/`;
}

export function storyUrl(story: string): string {
  return `${base}stories/${story}/`;
}

/** Where a claim lives in its story: the story page scrolled to the claim. */
export function claimPermalink(story: string, claimId: string): string {
  return `${storyUrl(story)}#${claimId}`;
}

/** The claim's own page, which is also its Pagefind record. */
export function claimPageUrl(story: string, claimId: string): string {
  return `${storyUrl(story)}claims/${claimId}/`;
}

export function comparisonJsonUrl(story: string): string {
  return `${storyUrl(story)}comparison.json`;
}
