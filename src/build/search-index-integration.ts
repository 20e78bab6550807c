import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { publishedComparison } from '../data/comparison-json.ts';
import { searchRecords } from '../data/search-records.ts';
import { receiveCompared } from './compared-handoff.ts';
import { indexShards, writeShards, type IndexedShards, type StoryRecords } from './search-index.ts';

/**
 * The search index step of `astro build` (search-index.ts): Pagefind indexes the stories in its own process
 * from the moment they are compared, while Astro renders the pages on this one, and the index is written into
 * dist/pagefind/ when the pages are done. Logs what it indexed and how long the build waited for it after the pages.
 */
export function searchIndex(): AstroIntegration {
  let site = '';
  let indexing: Promise<IndexedShards & { seconds: number }> | undefined;
  const start = (stories: StoryRecords[]) => {
    const started = performance.now();
    const done = indexShards(stories).then((shards) => ({ ...shards, seconds: (performance.now() - started) / 1000 }));
    // Awaited in astro:build:done; until then a failure must not count as unhandled.
    done.catch(() => {});
    return done;
  };
  return {
    name: 'crossread-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('astro.config.mjs must set `site`: search records link to absolute permalinks.');
        site = config.site;
      },
      'astro:build:start': () => {
        receiveCompared((stories) => {
          // The records of comparison.json as the site publishes it.
          const records = stories.map((story) => ({ story: story.slug, records: searchRecords(publishedComparison(story, site)) }));
          indexing ??= start(records);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        receiveCompared(undefined);
        const pagesDone = performance.now();
        const dist = fileURLToPath(dir);
        if (!indexing) throw new Error('[crossread] no page compared the stories (loadStories), so there is nothing to index for search.');
        const shards = await indexing;
        indexing = undefined;
        const { pages, shards: count, indexed } = writeShards(shards, join(dist, 'pagefind'));
        const after = (performance.now() - pagesDone) / 1000;
        logger.info(
          `search index: ${pages} report ${pages === 1 ? 'page' : 'pages'} in ${count} ${count === 1 ? 'shard' : 'shards'} (${indexed} indexed, ${count - indexed} unchanged) in ` +
            `${shards.seconds.toFixed(1)} s beside the pages; written ${after.toFixed(1)} s after them`,
        );
      },
    },
  };
}
