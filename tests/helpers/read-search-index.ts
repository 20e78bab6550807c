import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ShardManifest } from '../../src/scripts/search-shards.ts';

/** A page of the built search index, as Pagefind stores it. */
export interface IndexedFragment {
  /** The key of the language index holding the page (`en`, `ur`…). */
  language: string;
  /** The shard's folder under dist/pagefind/. */
  shard: string;
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { id: string; location: number; text?: string }[];
}

/** dist/pagefind/shards.json of the built site `dist`: the shards the browser merges. */
export function readShardManifest(dist: string): ShardManifest {
  return JSON.parse(readFileSync(join(dist, 'pagefind', 'shards.json'), 'utf8')) as ShardManifest;
}

/** Every page of every shard of the index in `dist` (each fragment gzipped, behind a signature). */
export function indexedFragments(dist: string): IndexedFragment[] {
  const signature = 'pagefind_dcd';
  return readShardManifest(dist).shards.flatMap(({ path }) => {
    const folder = join(dist, 'pagefind', path, 'fragment');
    return readdirSync(folder).map((name) => {
      const raw = readFileSync(join(folder, name));
      const data = raw.subarray(0, signature.length).toString() === signature ? raw : gunzipSync(raw);
      const page = JSON.parse(data.subarray(signature.length).toString('utf8')) as Omit<IndexedFragment, 'language' | 'shard'>;
      return { ...page, language: name.split('_')[0] ?? '', shard: path };
    });
  });
}
