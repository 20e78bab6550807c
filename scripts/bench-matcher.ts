/**
 * `npm run bench:matcher [-- --msrp <path>]`: how many sentence pairs a second the matcher decides on one
 * core, through the code path of `npm run match-pairs` and the site (prepareClaim for both sentences, then
 * scoreClaims). Pairs come from the MSRP corpus when it is there (read-msrp.ts), else from the alignment
 * fixtures; each is decided fresh, nothing is cached between pairs. Also times `scripts/match-pairs.ts` end
 * to end, start-up included. A benchmark, not a test: it prints figures and fails only if something breaks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../src/pipeline/score-claims.ts';
import { loadWordVectors } from '../src/build/word-vectors-file.ts';
import { msrpPath, readMsrp } from './read-msrp.ts';

const TARGET = 5000;
const ROUNDS = 5;

function samplePairs(): { source: string; pairs: [string, string][] } {
  const path = msrpPath();
  if (existsSync(path)) return { source: path, pairs: readMsrp(path).map((p) => [p.s1, p.s2]) };
  const fixture = new URL('../tests/fixtures/alignment/generic.json', import.meta.url);
  const cases = JSON.parse(readFileSync(fixture, 'utf8')).cases as { a: string[]; b: string[] }[];
  const pairs = cases.flatMap((c) => c.a.flatMap((a) => c.b.map((b): [string, string] => [a, b])));
  return { source: fileURLToPath(fixture), pairs: Array.from({ length: 20 }, () => pairs).flat() };
}

const { source, pairs } = samplePairs();
const vectors = loadWordVectors();
console.log(`${pairs.length} pairs from ${source}`);

let best = 0;
let matched = 0;
for (let round = 0; round < ROUNDS; round++) {
  matched = 0;
  const started = performance.now();
  for (const [s1, s2] of pairs) if (scoreClaims(prepareClaim(s1, 'en', undefined, vectors), prepareClaim(s2, 'en', undefined, vectors)).match) matched++;
  const rate = pairs.length / ((performance.now() - started) / 1000);
  best = Math.max(best, rate);
  console.log(`  round ${round + 1}: ${Math.round(rate)} pairs/s`);
}
console.log(`in process (best of ${ROUNDS}): ${Math.round(best)} pairs/s, ${matched} pairs matched`);

const input = pairs.map(([s1, s2]) => `${s1}\t${s2}`).join('\n');
const started = performance.now();
const run = spawnSync(process.execPath, [fileURLToPath(new URL('match-pairs.ts', import.meta.url))], {
  input,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const seconds = (performance.now() - started) / 1000;
const lines = run.stdout.split('\n').filter(Boolean).length;
if (run.status !== 0 || lines !== pairs.length) {
  console.error(`match-pairs failed (exit ${run.status}, ${lines} lines for ${pairs.length} pairs): ${run.stderr}`);
  process.exit(1);
}
console.log(`match-pairs end to end (start-up included): ${Math.round(pairs.length / seconds)} pairs/s`);
console.log(best >= TARGET ? `meets the target of ${TARGET} pairs/s` : `BELOW the target of ${TARGET} pairs/s`);
