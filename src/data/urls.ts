/**
 * Every site path the pages link to, built from Astro's base so the site can live under a sub-path.
 * Paths end in `/` (directory style), matching Astro's static output.
 */
const baseUrl = siteBase();
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

/** A report's place on the story page: its title (ReportColumn.astro gives it this id). */
export function reportUrl(story: string, report: string): string {
  return `${storyUrl(story)}#${reportTitleId(report)}`;
}

export function reportTitleId(report: string): string {
  return `cr-report-${report}-title`;
}

/** Where a claim lives: its anchor on the story page, which shows every report of the story. */
export function claimUrl(story: string, claimId: string): string {
  return `${storyUrl(story)}#${claimId}`;
}

/**
 * The story's share card: a 1200x630 PNG generated at build time (see src/cards/), the Open Graph image of the
 * story page.
 */
export function storyCardUrl(story: string): string {
  return `${storyUrl(story)}card.png`;
}

export function comparisonJsonUrl(story: string): string {
  return `${storyUrl(story)}comparison.json`;
}

/**
 * Astro's base. Read only as `import.meta.env.BASE_URL`, which Vite replaces with the configured string: a bare
 * reference to the env object is filled with the environment variables of the shell that started the build,
 * which would make this module, and with it the incremental-build hash of every page importing it, differ
 * between `npm run build` and `astro build` and re-render every page. Outside Vite (benchmarks and scripts run
 * by Node) there is no env object: the read throws, and the site is at the root.
 */
function siteBase(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}
