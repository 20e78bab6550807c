/**
 * The last build step (`npm run build` runs it after `astro build`): builds the Pagefind index of every claim
 * from the comparison.json files in dist/stories/ into dist/pagefind/, one generated page per report (see
 * src/data/search-records.ts). Records come from the comparison, not from the site's pages, so those need no
 * indexing markup and only claim text is ever indexed. `node scripts/build-search-index.ts [dist folder]`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { PublishedComparison } from '../src/data/comparison-json.ts';
import { searchRecords, type SearchRecord } from '../src/data/search-records.ts';

/** Writes the Pagefind bundle for `records` to `outputPath` (replacing what was there); returns the page count. */
export async function writeSearchIndex(records: Iterable<SearchRecord>, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pagefind's service parses pages as they come: sending them all at once keeps it busy.
  const adding = [...records].map(async (record) => {
    const added = await index.addHTMLFile(record);
    if (added.errors.length > 0) throw new Error(`Pagefind refused the record of ${record.url}: ${added.errors.join('; ')}`);
  });
  await Promise.all(adding);
  const count = adding.length;
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`);
  await pagefind.close();
  return count;
}

/** The search records of every story built into `dist`. */
export function* distRecords(dist: string): Generator<SearchRecord> {
  const stories = join(dist, 'stories');
  for (const slug of existsSync(stories) ? readdirSync(stories).sort() : []) {
    const file = join(stories, slug, 'comparison.json');
    if (existsSync(file)) yield* searchRecords(JSON.parse(readFileSync(file, 'utf8')) as PublishedComparison);
  }
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const count = await writeSearchIndex(distRecords(dist), join(dist, 'pagefind'));
  console.log(`search index: ${count} report pages indexed into ${join(dist, 'pagefind')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
