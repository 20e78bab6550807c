import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildIn, copyProject, fixtureStories } from '../helpers/build-fixture-site.ts';

/**
 * Two builds of the same sources must publish the same bytes, so a deployment can be checked against a build
 * anyone makes, and a rebuild with nothing changed changes nothing on the host. Each build is the whole of
 * `npm run build` in a copy of its own (in different folders, at the same time) with the fixture stories
 * added, and starts cold: no Astro cache (the copy's .cache/astro is new), and comparisons and cards in a
 * cache of its own (CROSSREAD_CACHE_DIR), since the copies share the project's node_modules and its cache.
 */
interface CleanBuild {
  root: string;
  dist: string;
  cache: string;
}

const builds: CleanBuild[] = [];

before(async () => {
  for (let n = 0; n < 2; n++) {
    const root = mkdtempSync(join(tmpdir(), 'crossread-reproducible-'));
    copyProject(root);
    for (const story of readdirSync(fixtureStories)) {
      cpSync(join(fixtureStories, story), join(root, 'content', 'stories', story), { recursive: true });
    }
    builds.push({ root, dist: join(root, 'dist'), cache: join(root, '.cache', 'crossread') });
  }
  await Promise.all(builds.map(({ root, cache }) => buildIn(root, { env: { CROSSREAD_CACHE_DIR: cache } })));
}, { timeout: 600_000 });

after(() => {
  for (const { root } of builds) rmSync(root, { recursive: true, force: true });
});

/** Every file under `folder`, as sorted paths relative to it with forward slashes. */
function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(folder, name)).isFile())
    .map((name) => name.split(sep).join('/'))
    .sort();
}

/** Where two copies of a file first differ, with a little of each around it. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 40).toString('latin1'));
  return `sizes ${a.length} and ${b.length}, first differing at byte ${at}:\n      ${around(a)}\n      ${around(b)}`;
}

describe('two clean builds of the same sources', () => {
  test('each compared every story and drew every card itself, not from a cache another build filled', () => {
    for (const { cache, dist } of builds) {
      const stories = readdirSync(join(dist, 'stories')).length;
      assert.ok(stories > 0, `${dist} has no stories`);
      for (const kind of ['comparisons', 'cards']) {
        assert.ok(existsSync(join(cache, kind)), `the build wrote no ${kind} to its own cache ${cache}`);
        assert.ok(filesOf(join(cache, kind)).length >= stories, `the build's own cache holds fewer ${kind} than stories`);
      }
    }
  });

  test('publish the same files, byte for byte', () => {
    const [first, second] = builds.map(({ dist }) => dist) as [string, string];
    const files = filesOf(first);
    assert.ok(files.length > 0, `${first} is empty`);
    assert.deepEqual(filesOf(second), files, 'the builds published different files');
    const differing = files.flatMap((file) => {
      const [a, b] = [readFileSync(join(first, file)), readFileSync(join(second, file))];
      return a.equals(b) ? [] : [`${file}: ${firstDifference(a, b)}`];
    });
    assert.deepEqual(differing, [], `${differing.length} of ${files.length} files differ`);
  });
});
