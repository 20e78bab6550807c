import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildIn, copyProject, fixtureStories } from '../helpers/build-fixture-site.ts';

/**
 * A rebuild copies a story's pages from the build before when its comparison is unchanged (the pages'
 * cacheKey) and so is the pages' code (Astro's incremental build): nothing changed renders no story page again,
 * one report edited renders only its story's. That must hold whichever shell starts the build: `npm run build`,
 * `npm start` and `astro build` run with different environment variables (npm's, and the shell's `_`), and
 * none of them may reach the pages' code. The copy has the seed story and one fixture story, and a cache of its
 * own for comparisons and cards.
 */
const editedStory = 'karakoram-highway-landslide';
const addedSentence = 'Engineers said a second survey of the slope would begin on Thursday.';

let root: string;
const logs: string[] = [];

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'crossread-incremental-'));
  copyProject(root);
  cpSync(join(fixtureStories, editedStory), join(root, 'content', 'stories', editedStory), { recursive: true });
  const cache = { CROSSREAD_CACHE_DIR: join(root, '.cache', 'crossread') };
  logs.push(await buildIn(root, { env: { ...cache, _: '/usr/bin/npm', npm_lifecycle_event: 'build', npm_command: 'run-script' } }));
  logs.push(await buildIn(root, { env: { ...cache, _: join(root, 'node_modules', '.bin', 'astro'), npm_lifecycle_event: 'start', EDITOR: 'vi' } }));
  const folder = join(root, 'content', 'stories', editedStory);
  const report = readdirSync(folder).filter((name) => name.endsWith('.md')).sort()[0]!;
  appendFileSync(join(folder, report), `\n${addedSentence}\n`);
  logs.push(await buildIn(root, { env: { ...cache, _: '/bin/sh' } }));
}, { timeout: 600_000 });

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Every story route a build log lists, and whether Astro copied it from the build before ("(restored)"). */
function storyRoutes(log: string): Map<string, boolean> {
  const routes = new Map<string, boolean>();
  for (const [, path, how] of log.matchAll(/[├└]─ (\/stories\/\S+) \((restored|\+[\d.]+m?s)\)/g)) routes.set(path!, how === 'restored');
  return routes;
}

const storiesOf = (routes: Map<string, boolean>) => new Set([...routes.keys()].map((path) => path.split('/')[2]));

describe('a rebuild, started from another shell', () => {
  test('the first build rendered every page of both stories', () => {
    const routes = storyRoutes(logs[0]!);
    assert.deepEqual(storiesOf(routes), new Set(['pakistan-denies-helping-taliban-in-panjshir', editedStory]));
    assert.ok(routes.size >= 6, `expected a page, a comparison.json and a card per story, got ${[...routes.keys()].join(', ')}`);
    assert.deepEqual([...routes].filter(([, restored]) => restored), [], 'a cold build restored pages');
  });

  test('with nothing changed, copies every story page and renders none again', () => {
    const routes = storyRoutes(logs[1]!);
    assert.deepEqual(new Set(routes.keys()), new Set(storyRoutes(logs[0]!).keys()));
    const rendered = [...routes].filter(([, restored]) => !restored).map(([path]) => path);
    assert.deepEqual(rendered, [], `rendered again though nothing changed: ${rendered.join(', ')}`);
  });

  test("after one report is edited, renders that story's pages again, with the edit, and copies the other story's", () => {
    const routes = storyRoutes(logs[2]!);
    for (const [path, restored] of routes) {
      const edited = path.startsWith(`/stories/${editedStory}/`);
      assert.equal(restored, !edited, `${path} was ${restored ? 'copied' : 'rendered again'}`);
    }
    const page = readFileSync(join(root, 'dist', 'stories', editedStory, 'index.html'), 'utf8');
    assert.ok(page.includes(addedSentence), 'the edited story page does not hold the added sentence');
  });
});
