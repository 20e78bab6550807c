import { join, resolve } from 'node:path';

/**
 * The folder a build keeps one kind of cached work in (`name`: comparisons, cards, word vectors, search shards):
 * `<modules>/.cache/crossread/<name>`, node_modules/.cache being what build tools use and what CI starts
 * without; or `$CROSSREAD_CACHE_DIR/<name>` when that is set, since copies of the project link one node_modules
 * and a build that must do everything afresh (the reproducible-build test) needs a cache of its own.
 */
export function cacheFolder(name: string, modules: string = join(process.cwd(), 'node_modules')): string {
  const moved = process.env.CROSSREAD_CACHE_DIR;
  return moved ? join(resolve(moved), name) : join(modules, '.cache', 'crossread', name);
}
