import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { lighthouseCategories, startLighthouseBrowser, type LighthouseBrowser } from '../helpers/lighthouse.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { matchedClaim } from '../helpers/pick-claims.ts';
import { readAllComparisons } from '../helpers/read-comparison.ts';
import { startStaticServer, type StaticServer } from '../helpers/start-static-server.ts';

/**
 * Lighthouse's accessibility, best-practices and SEO scores on the pages people land on: the home page, a story,
 * one of its claims, and a story of three reports (its chooser of pairs). Performance is the bench's business.
 * The canonical URLs name CROSSREAD_SITE, not the test server: Lighthouse's canonical audit only fails a
 * canonical that is invalid, relative, conflicting or pointing at the home page, so the port does not matter.
 */

/** Full marks: every page scores 1.0 today, and an audit that starts to fail is a regression to fix, not a margin to spend. */
const minimum = 1;

interface Audited {
  name: string;
  dist: string;
  path: string;
}

const fixture = await buildFixtureSite();
const [story] = readAllComparisons(projectPaths.dist);
assert.ok(story, 'dist/ has no story: was the site built?');
const claim = matchedClaim(story);
assert.ok(claim, `${story.slug} has no claim found in another report`);
const threeReports = readAllComparisons(fixture.dist).find((comparison) => comparison.reports.length >= 3);
assert.ok(threeReports, 'the fixture site has no story of three reports');

const pages: Audited[] = [
  { name: 'home page', dist: projectPaths.dist, path: '/' },
  { name: 'story page', dist: projectPaths.dist, path: `/stories/${story.slug}/` },
  { name: 'story page opened at a claim (its permalink)', dist: projectPaths.dist, path: claim.context },
  { name: 'page of a story of three reports', dist: fixture.dist, path: `/stories/${threeReports.slug}/` },
];

let browser: LighthouseBrowser;
const servers = new Map<string, StaticServer>();
before(async () => {
  browser = await startLighthouseBrowser();
  for (const dist of new Set(pages.map((page) => page.dist))) servers.set(dist, await startStaticServer(dist));
});
after(async () => {
  // The servers close even when the browser fails to, or the run would wait on them forever.
  const closed = await Promise.allSettled([browser?.close(), ...[...servers.values()].map((server) => server.close())]);
  const failed = closed.filter((result) => result.status === 'rejected');
  if (failed.length > 0) throw new AggregateError(failed.map((result) => result.reason), 'Lighthouse could not clean up after itself');
});

describe('Lighthouse', () => {
  for (const page of pages) {
    test(`the ${page.name} scores full marks in accessibility, best practices and SEO`, { timeout: 180_000 }, async () => {
      const url = new URL(page.path, servers.get(page.dist)!.origin).href;
      const { scores, failing } = await browser.audit(url);
      const low = lighthouseCategories.filter((category) => (scores[category] ?? 0) < minimum);
      assert.deepEqual(
        low.map((category) => `${category} ${scores[category]}`),
        [],
        `Lighthouse on ${page.path}: ${JSON.stringify(scores)}; audits not passed:\n${failing.join('\n')}`,
      );
    });
  }
});
