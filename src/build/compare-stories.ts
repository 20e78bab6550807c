import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { compareStory } from '../pipeline/compare-story.ts';
import type { StoryComparison, StoryInput } from '../pipeline/types.ts';
import { comparisonCacheDir, comparisonDigest, readCachedBytes, writeCachedComparison } from './comparison-cache.ts';
import { loadWordVectors } from './word-vectors-file.ts';
import type { CompareReply } from './compare-worker.ts';

export interface ComparedStory {
  story: StoryComparison;
  /** Digest of the comparison itself: two builds that compare a story the same way give it the same one. */
  resultDigest: string;
  /** The comparison serialised (node:v8) as cached, when it was made in this build; undefined when reused. */
  fresh?: Uint8Array;
}

/** Fewer stories than this to compare are compared in this thread: starting workers would cost more. */
const workerThreshold = 8;

/**
 * Compares every story of `inputs` (in their order), reusing the comparison an earlier build stored for the
 * same input, and comparing the others in worker threads, one per core (at most 4), when there are enough of
 * them. Rejects with the first error in input order, which names the story or file at fault. `cacheDir` is
 * where comparisons are kept (comparison-cache.ts).
 */
export async function compareStories(inputs: StoryInput[], { cacheDir = comparisonCacheDir } = {}): Promise<ComparedStory[]> {
  const digests = inputs.map(comparisonDigest);
  const bytes: (Uint8Array | undefined)[] = digests.map((digest) => readCachedBytes(digest, cacheDir));
  const missing = inputs.flatMap((_, index) => (bytes[index] ? [] : [index]));
  const errors = new Map<number, string>();
  const workers = Math.min(availableParallelism(), 4, Math.ceil(missing.length / workerThreshold));
  // Loaded here first even when workers compare: a first build converts the vectors once, not once per worker.
  const vectors = missing.length > 0 ? loadWordVectors() : undefined;
  if (workers <= 1) {
    for (const index of missing) {
      try {
        bytes[index] = serialize(compareStory(inputs[index]!, { vectors }));
      } catch (error) {
        errors.set(index, error instanceof Error ? error.message : String(error));
      }
    }
  } else {
    await compareInWorkers(inputs, missing, workers, (reply) => {
      if ('error' in reply) errors.set(reply.index, reply.error);
      else bytes[reply.index] = reply.bytes;
    });
  }
  const firstError = [...errors].sort(([a], [b]) => a - b)[0];
  if (firstError) throw new Error(firstError[1]);
  const fresh = new Set(missing);
  return inputs.map((input, index) => {
    let serialized = bytes[index]!;
    let story: StoryComparison;
    try {
      story = deserialize(serialized) as StoryComparison;
    } catch {
      // A cache entry no longer readable (a torn disk, a changed V8 format) is compared again.
      serialized = serialize((story = compareStory(input, { vectors: loadWordVectors() })));
      fresh.add(index);
    }
    if (fresh.has(index)) writeCachedComparison(digests[index]!, serialized, cacheDir);
    return {
      story,
      resultDigest: createHash('sha256').update(serialized).digest('hex'),
      fresh: fresh.has(index) ? serialized : undefined,
    };
  });
}

/** Hands the stories at `indexes` to `count` workers, a story at a time, and resolves when every one answered. */
function compareInWorkers(
  inputs: StoryInput[],
  indexes: number[],
  count: number,
  onReply: (reply: CompareReply) => void,
): Promise<void> {
  // The worker runs from source (Node strips its types), since the build bundles this module elsewhere.
  const script = join(process.cwd(), 'src', 'build', 'compare-worker.ts');
  const queue = [...indexes];
  return new Promise((resolve, reject) => {
    let running = count;
    for (let n = 0; n < count; n++) {
      const worker = new Worker(script);
      const next = () => {
        const index = queue.shift();
        if (index === undefined) {
          void worker.terminate();
          if (--running === 0) resolve();
          return;
        }
        worker.postMessage({ index, input: inputs[index] });
      };
      worker.on('message', (reply: CompareReply) => {
        onReply(reply);
        next();
      });
      worker.on('error', reject);
      next();
    }
  });
}
