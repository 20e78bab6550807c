/**
 * Every site path the pages link to, built from Astro's base so the site can live under a sub-path.
 * Paths end in `/` (directory style), matching Astro's static output.
 */
// Outside Astro (benchmarks and scripts run by Node) there is no import.meta.env: the site is at the root.
const baseUrl: string = import.meta.env?.BASE_URL ?? '/';
const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;

export function homeUrl(): string {
  return base;
}

export function searchUrl(): string {
  return `${base}search/`;
}

export function methodologyUrl(): string {
  return `${base}methodology/`;
}

export function storyUrl(story: string): string {
  return `${base}stories/${story}/`;
}

/** The page setting two reports of a story side by side; `first` is the earlier of the two in the story's order. */
export function comparePairUrl(story: string, first: string, second: string): string {
  return `${storyUrl(story)}compare/${first}/${second}/`;
}

/**
 * Where a claim lives: the page showing its report, scrolled to the claim. That is the story page, unless
 * `pair` names the other page the claim's report is shown on (see claimHome in story-view.ts).
 */
export function claimPermalink(story: string, claimId: string, pair?: readonly [string, string]): string {
  return `${pair ? comparePairUrl(story, pair[0], pair[1]) : storyUrl(story)}#${claimId}`;
}

/**
 * The story's share card: a 1200x630 PNG generated at build time (see src/cards/), the Open Graph image of the
 * story page and its pair pages alike.
 */
export function storyCardUrl(story: string): string {
  return `${storyUrl(story)}card.png`;
}

export function comparisonJsonUrl(story: string): string {
  return `${storyUrl(story)}comparison.json`;
}
