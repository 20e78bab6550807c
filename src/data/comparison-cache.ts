import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { StoryInput } from '../pipeline/types.ts';

/**
 * Where comparisons are kept between builds; node_modules/.cache is what build tools use, and CI starts without it.
 * CROSSREAD_CACHE_DIR moves it to `<that folder>/comparisons`: copies of the project link one node_modules, so a
 * build that must compare every story afresh (the reproducible-build test) needs a cache of its own.
 */
export const comparisonCacheDir = process.env.CROSSREAD_CACHE_DIR
  ? join(resolve(process.env.CROSSREAD_CACHE_DIR), 'comparisons')
  : join(process.cwd(), 'node_modules', '.cache', 'crossread', 'comparisons');

const require = createRequire(import.meta.url);

let pipelineDigest: string | undefined;

/**
 * Everything besides a story's own input that decides its comparison: the pipeline's source (every file of
 * src/pipeline/, the matcher model included), the libraries it calls, and the Node and ICU versions, whose
 * segmenter and normalisation tables can split or fold text differently. A change to any of them compares
 * every story again.
 */
function comparisonEnvironment(): string {
  if (pipelineDigest) return pipelineDigest;
  const hash = createHash('sha256');
  const folder = join(process.cwd(), 'src', 'pipeline');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(join(folder, name)));
  for (const name of ['stemmer', 'diff-match-patch']) {
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  }
  hash.update(`node ${process.versions.node} icu ${process.versions.icu} unicode ${process.versions.unicode}`);
  pipelineDigest = hash.digest('hex');
  return pipelineDigest;
}

/** The digest naming a story's comparison: its whole input (reports, metadata, ledger) and the environment. */
export function comparisonDigest(input: StoryInput): string {
  return createHash('sha256').update(comparisonEnvironment()).update(JSON.stringify(input)).digest('hex');
}

function cacheFile(folder: string, digest: string): string {
  return join(folder, digest.slice(0, 2), `${digest}.bin`);
}

/** The serialised comparison (node:v8) an earlier build stored under `digest`, or undefined. */
export function readCachedBytes(digest: string, folder = comparisonCacheDir): Uint8Array | undefined {
  try {
    return readFileSync(cacheFile(folder, digest));
  } catch {
    return undefined;
  }
}

/** Stores a serialised comparison under `digest`; written aside then renamed, so a build that stops half-way leaves no torn entry. */
export function writeCachedComparison(digest: string, bytes: Uint8Array, folder = comparisonCacheDir): void {
  const file = cacheFile(folder, digest);
  mkdirSync(join(folder, digest.slice(0, 2)), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}
