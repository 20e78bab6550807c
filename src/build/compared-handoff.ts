import type { StoryComparison } from '../pipeline/types.ts';

/**
 * Where loadStories hands the build's compared stories to the search index step (search-index-integration.ts)
 * as soon as they are ready. The pages run from Astro's bundle and the integration from the config: two copies
 * of the modules in one process, so the handoff goes through a global. This module imports nothing, so the
 * pages' bundle carries none of the index step.
 */
const key = Symbol.for('crossread.compared-stories');
export type ComparedReceiver = (stories: readonly StoryComparison[]) => void;
const slot = globalThis as { [key]?: ComparedReceiver };

/** Gives the compared stories to the receiver of the running build, if there is one; else does nothing. */
export function handOverCompared(stories: readonly StoryComparison[]): void {
  slot[key]?.(stories);
}

/** Makes `receiver` the one that gets the compared stories (undefined: none). */
export function receiveCompared(receiver: ComparedReceiver | undefined): void {
  if (receiver) slot[key] = receiver;
  else delete slot[key];
}
