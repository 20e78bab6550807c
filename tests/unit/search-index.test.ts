import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { shardOf, writeSearchIndex, type StoryRecords } from '../../src/build/search-index.ts';
import { indexedFragments, readShardManifest } from '../helpers/read-search-index.ts';

const work = mkdtempSync(join(tmpdir(), 'crossread-search-shards-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A story of two reports, one claim each, as search-records.ts writes them (without the meta fields). */
function story(slug: string, text = `The ${slug} bridge reopened on Tuesday.`): StoryRecords {
  const page = (report: string, claim: string) => ({
    url: `/stories/${slug}/#${report}-1`,
    content: `<html lang="en"><head></head><body><main data-pagefind-body><p id="${report}-1">${claim}</p></main></body></html>`,
  });
  return { story: slug, records: [page('courier', text), page('herald', `Officials said the ${slug} works were done.`)] };
}

/** Every file under `folder` with its bytes, by path relative to it. */
function filesOf(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    if (statSync(join(folder, name)).isFile()) files.set(name.split(sep).join('/'), readFileSync(join(folder, name)).toString('base64'));
  }
  return files;
}

const slugs = ['alder', 'birch', 'cedar', 'damson', 'elm', 'fir', 'hazel', 'larch'];
const slots = 4;
const cacheDir = join(work, 'cache');
const build = (name: string, stories: StoryRecords[]) => writeSearchIndex(stories, join(work, name, 'pagefind'), { cacheDir, slots });

describe('the search index, sharded by story', () => {
  test('a first build indexes every shard, and a second with nothing changed indexes none and writes the same bytes', async () => {
    const first = await build('first', slugs.map((slug) => story(slug)));
    assert.equal(first.pages, slugs.length * 2);
    assert.equal(first.shards, new Set(slugs.map((slug) => shardOf(slug, slots))).size);
    assert.equal(first.indexed, first.shards);
    const second = await build('second', slugs.map((slug) => story(slug)));
    assert.equal(second.indexed, 0, 'an unchanged build should reuse every shard');
    assert.deepEqual(filesOf(join(work, 'second')), filesOf(join(work, 'first')));
  });

  test("an edited report re-indexes its story's shard alone: the others are the same folders, and the edit is found", async () => {
    const edited = slugs.map((slug) => story(slug, slug === 'cedar' ? 'The cedar bridge reopened on Wednesday after repairs.' : undefined));
    const summary = await build('edited', edited);
    assert.equal(summary.indexed, 1);
    const before = readShardManifest(join(work, 'first')).shards.map((shard) => shard.path);
    const after = readShardManifest(join(work, 'edited')).shards.map((shard) => shard.path);
    const renewed = after.filter((path) => !before.includes(path));
    assert.equal(renewed.length, 1, 'one shard folder is new, the others kept');
    const pages = indexedFragments(join(work, 'edited'));
    assert.equal(pages.length, slugs.length * 2, 'every report is still indexed once');
    const cedar = pages.find((page) => page.url === '/stories/cedar/#courier-1');
    assert.match(cedar?.content ?? '', /Wednesday after repairs/);
    // The new shard is cedar's, holding exactly the stories of its slot.
    const storiesIn = (shard: string) => [...new Set(pages.filter((page) => page.shard === shard).map((page) => page.url.split('/')[2]))].sort();
    assert.deepEqual(storiesIn(renewed[0]!), slugs.filter((slug) => shardOf(slug, slots) === shardOf('cedar', slots)));
  });

  test('a new story re-indexes only the shard it joins, and shards.json lists each shard with its pages per language', async () => {
    const summary = await build('added', [...slugs, 'maple'].map((slug) => story(slug)));
    assert.equal(summary.indexed, 1);
    const manifest = readShardManifest(join(work, 'added'));
    assert.equal(manifest.shards.reduce((sum, shard) => sum + (shard.languages.en ?? 0), 0), (slugs.length + 1) * 2);
    for (const shard of manifest.shards) {
      assert.deepEqual(readdirSync(join(work, 'added', 'pagefind', shard.path)).filter((name) => name.startsWith('pagefind-ui')), [], 'no interface files in a shard');
    }
    assert.ok(statSync(join(work, 'added', 'pagefind', 'pagefind.js')).isFile(), "Pagefind's script sits beside shards.json");
  });
});
