/**
 * The Pagefind index of every claim, one generated page per report (see src/data/search-records.ts), written to
 * dist/pagefind/ by the build (search-index-integration.ts). Records come from the comparison, not from the
 * site's pages, so those need no indexing markup and only claim text is ever indexed.
 *
 * The index is sharded so that an edit re-indexes only what changed: each story belongs to one of
 * `shardSlots` shards (by a hash of its slug, so adding or removing a story moves no other), and each shard is a
 * Pagefind bundle of its own, kept in a cache under the digest of everything that decides it (its records,
 * Pagefind's version, this file). A build indexes only the shards whose digest no earlier build wrote, and copies
 * the others from the cache. dist/pagefind/ then holds Pagefind's script, one folder per shard (named by its
 * digest) and `shards.json`, which lists them; the browser merges them into one search (search-shards.ts).
 * A shard is a group of stories rather than one story because every merged index costs the first search a
 * few requests in turn: see `shardSlots`.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolder } from './cache-folder.ts';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../data/search-records.ts';
import type { ShardManifest } from '../scripts/search-shards.ts';

/** The records of one story. */
export interface StoryRecords {
  story: string;
  records: SearchRecord[];
}

export interface SearchIndexOptions {
  /** Where shards are kept between builds. */
  cacheDir?: string;
  /** How many shards the stories are spread over. */
  slots?: number;
}

export interface SearchIndexSummary {
  /** Report pages indexed, reused ones included. */
  pages: number;
  shards: number;
  /** Shards Pagefind indexed in this run (the others came from the cache). */
  indexed: number;
}

/**
 * Shards of the site's index. More shards make an edit cheaper to re-index and the first search dearer: every
 * merged index adds requests in turn before the first result. Measured with `npm run bench:search` (README,
 * "Search at scale"), 2 keeps the first result within 1.25x a single index's latency, cold and warm, at 200 and
 * 1,000 stories; 4 did not at 1,000 (warm 1.29x), nor 16 (cold 1.8x).
 */
export const shardSlots = 2;

/** Where shards are kept; CROSSREAD_CACHE_DIR moves it, as it does the comparisons and cards. */
export const searchCacheDir = cacheFolder('search-shards');

/** Everything besides its records that decides a shard's bundle (Pagefind's package.json is not exported: read beside its entry). */
const environment = [
  `pagefind@${(JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version}`,
  readFileSync(new URL(import.meta.url), 'utf8'),
].join('\n');

/** Files of a Pagefind bundle that a shard needs in dist/: its index, and the worker and WebAssembly it may run. */
const shardFile = (name: string) =>
  ['index', 'fragment', 'filter', 'pagefind-entry.json', 'pagefind-worker.js'].includes(name) || /^(pagefind\..+\.pf_meta|wasm\..+\.pagefind)$/.test(name);

/** The slot of `story` among `slots`: the first four bytes of its slug's SHA-256, so it never depends on other stories. */
export function shardOf(story: string, slots: number = shardSlots): number {
  return createHash('sha256').update(story).digest().readUInt32BE(0) % slots;
}

/** Indexes `records` into a Pagefind bundle at `folder` (which must not exist). */
async function indexRecords(records: SearchRecord[], folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Pagefind's service parses pages as they come: sending them all at once keeps it busy.
  await Promise.all(
    records.map(async (record) => {
      const added = await index.addHTMLFile(record);
      if (added.errors.length > 0) throw new Error(`Pagefind refused the record of ${record.url}: ${added.errors.join('; ')}`);
    }),
  );
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write ${folder}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/** One shard of the index: its records, and where its bundle is kept once indexed. */
export interface Shard {
  records: SearchRecord[];
  digest: string;
  cached: string;
}

/** The shards of an index whose bundles are all in the cache (see indexShards), and how many were indexed now. */
export interface IndexedShards {
  shards: Shard[];
  indexed: number;
}

/**
 * Indexes the shards of `stories` that no earlier build indexed with the same records, the same Pagefind and
 * this same code, storing each in the cache (written aside then renamed, so a build stopped half-way leaves no
 * torn shard); the others are already there. Pagefind indexes in a process of its own, so the build can go on
 * rendering pages meanwhile. Write the result into dist/ with writeShards.
 */
export async function indexShards(stories: Iterable<StoryRecords>, options: SearchIndexOptions = {}): Promise<IndexedShards> {
  const { cacheDir = searchCacheDir, slots = shardSlots } = options;
  const bySlot = new Map<number, StoryRecords[]>();
  for (const story of stories) {
    if (story.records.length === 0) continue;
    const slot = shardOf(story.story, slots);
    const group = bySlot.get(slot);
    if (group) group.push(story);
    else bySlot.set(slot, [story]);
  }
  const shards = [...bySlot.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]): Shard => {
      const records = group.sort((a, b) => (a.story < b.story ? -1 : a.story > b.story ? 1 : 0)).flatMap((story) => story.records);
      const digest = createHash('sha256').update(environment).update(JSON.stringify(records)).digest('hex');
      return { records, digest, cached: join(cacheDir, digest) };
    });
  const missing = shards.filter((shard) => !existsSync(shard.cached));
  mkdirSync(cacheDir, { recursive: true });
  try {
    await Promise.all(
      missing.map(async (shard) => {
        const partial = `${shard.cached}.${process.pid}.partial`;
        rmSync(partial, { recursive: true, force: true });
        await indexRecords(shard.records, partial);
        // Another build may have stored the same shard meanwhile: its bundle is the same.
        if (existsSync(shard.cached)) rmSync(partial, { recursive: true, force: true });
        else renameSync(partial, shard.cached);
      }),
    );
  } finally {
    if (missing.length > 0) await pagefind.close();
  }
  return { shards, indexed: missing.length };
}

/**
 * Writes indexed shards to `outputPath` (replacing what was there): one folder per shard, named by its digest,
 * `shards.json` listing them, and Pagefind's script.
 */
export function writeShards({ shards, indexed }: IndexedShards, outputPath: string): SearchIndexSummary {
  rmSync(outputPath, { recursive: true, force: true });
  mkdirSync(outputPath, { recursive: true });
  const manifest: ShardManifest = { shards: [] };
  for (const shard of shards) {
    const path = `${shard.digest.slice(0, 16)}/`;
    for (const name of readdirSync(shard.cached).filter(shardFile)) {
      cpSync(join(shard.cached, name), join(outputPath, path, name), { recursive: true });
    }
    const entry = JSON.parse(readFileSync(join(shard.cached, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const languages = Object.fromEntries(Object.entries(entry.languages).map(([language, { page_count }]) => [language, page_count]));
    manifest.shards.push({ path, languages });
  }
  writeFileSync(join(outputPath, 'shards.json'), `${JSON.stringify(manifest)}\n`);
  // Pagefind's script is the same in every bundle; written last, it marks the index as complete.
  const [first] = shards;
  if (first) cpSync(join(first.cached, 'pagefind.js'), join(outputPath, 'pagefind.js'));
  return { pages: shards.reduce((sum, shard) => sum + shard.records.length, 0), shards: shards.length, indexed };
}

/** Indexes `stories` (indexShards) and writes the index to `outputPath` (writeShards). */
export async function writeSearchIndex(stories: Iterable<StoryRecords>, outputPath: string, options: SearchIndexOptions = {}): Promise<SearchIndexSummary> {
  return writeShards(await indexShards(stories, options), outputPath);
}
