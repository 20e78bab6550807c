import { after } from 'node:test';
import { buildFixtureSite } from './build-fixture-site.ts';
import { startSite, type Site } from './launch-browser.ts';

/**
 * The fixture site, built (or reused from an earlier build of the same inputs), served and opened in Chromium
 * for the calling test file, and closed when that file's tests are over. Await it at the top of the file.
 */
export async function serveFixtureSite(): Promise<{ site: Site; dist: string }> {
  const { dist } = await buildFixtureSite();
  const site = await startSite(dist);
  after(() => site.close());
  return { site, dist };
}
