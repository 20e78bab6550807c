import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brokenReferences } from '../helpers/broken-references.ts';
import { buildIn, copyProject, fixtureStories } from '../helpers/build-fixture-site.ts';
import { readComparison } from '../helpers/read-comparison.ts';

/**
 * A site served from a sub-path of its host (a project page of GitHub Pages, a folder of a newsroom's site):
 * the copy sets Astro's `base`, and every address the pages, the styles and comparison.json give must lie
 * under it and reach a file of the build.
 */
const sitePath = '/crossread/';
const story = 'karakoram-highway-landslide';
let root: string;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'crossread-base-path-'));
  copyProject(root);
  cpSync(join(fixtureStories, story), join(root, 'content', 'stories', story), { recursive: true });
  const config = join(root, 'astro.config.mjs');
  const source = readFileSync(config, 'utf8');
  const withBase = source.replace("output: 'static',", `output: 'static',\n  base: '${sitePath.slice(0, -1)}',`);
  assert.notEqual(withBase, source, 'astro.config.mjs no longer sets `output` as this test expects: set `base` another way');
  writeFileSync(config, withBase);
  await buildIn(root, { env: { CROSSREAD_CACHE_DIR: join(root, '.cache', 'crossread') } });
}, { timeout: 300_000 });

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe(`the site built to be served from ${sitePath}`, () => {
  test('every link, image, stylesheet and script of every page, and every url() of its styles, lies under that path and reaches a file', () => {
    const { checked, broken } = brokenReferences(join(root, 'dist'), { sitePath });
    assert.ok(checked > 0, 'no reference was checked');
    assert.deepEqual(broken, []);
  });

  test("comparison.json gives each claim's permalink and place under that path", () => {
    const comparison = readComparison(story, join(root, 'dist'));
    const claims = comparison.reports.flatMap((report) => report.claims);
    assert.ok(claims.length > 0);
    for (const claim of claims) {
      assert.ok(new URL(claim.permalink).pathname.startsWith(`${sitePath}stories/${story}/`), `${claim.id}: permalink ${claim.permalink}`);
      assert.ok(claim.context.startsWith(`${sitePath}stories/${story}/#`), `${claim.id}: place ${claim.context}`);
    }
  });
});
