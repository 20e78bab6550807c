/**
 * Measures the claim matcher: `npm run eval [-- --msrp <path>]`. Runs the decision the site uses
 * (prepareClaim + scoreClaims, as in align-claims.ts) over
 * - the MSRP training split (read-msrp.ts): the held-out part, which no weight or threshold was chosen on, and
 *   the fit part the model was trained on (marked as seen);
 * - the labelled claim pairs of the seed story (tests/fixtures/alignment/seed-story.json);
 * and prints accuracy, precision, recall and F1 for each, the cross-validated figures stored at training time,
 * and the throughput. Exits with 1 when the held-out figures miss the target or a required seed pair is wrong.
 */
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../src/pipeline/score-claims.ts';
import model from '../src/pipeline/matcher-model.json' with { type: 'json' };
import { binaryMetrics, formatMetrics } from './binary-metrics.ts';
import { msrpPath, readMsrp } from './read-msrp.ts';
import { readLabelledPairs } from './read-labelled-pairs.ts';

const TARGET = { accuracy: 0.76, f1: 0.83 };

const path = msrpPath();
const corpus = readMsrp(path);
const started = performance.now();
const decided = corpus.map((p) => scoreClaims(prepareClaim(p.s1), prepareClaim(p.s2)).match);
const seconds = (performance.now() - started) / 1000;
const part = (heldOut: boolean) =>
  binaryMetrics(
    decided.filter((_, i) => corpus[i].heldOut === heldOut),
    corpus.filter((p) => p.heldOut === heldOut).map((p) => p.label),
  );
const heldOut = part(true);

console.log(`MSRP train split: ${path}`);
console.log(`  held out (never used for weights or thresholds): ${formatMetrics(heldOut)}`);
const cv = (model as { training?: { crossValidated?: Record<string, number> } }).training?.crossValidated;
if (cv) {
  const f = (x: number) => x.toFixed(3);
  console.log(
    `  fit part, 5-fold cross-validated at training:     accuracy ${f(cv.accuracy)}  precision ${f(cv.precision)}  ` +
      `recall ${f(cv.recall)}  F1 ${f(cv.f1)}  (${cv.pairs} pairs)`,
  );
}
console.log(`  fit part (SEEN by the model, optimistic):         ${formatMetrics(part(false))}`);

const seed = readLabelledPairs(
  new URL('../tests/fixtures/alignment/seed-story.json', import.meta.url),
  new URL('../content/stories/', import.meta.url),
);
const left = seed.a.map((t) => prepareClaim(t));
const right = seed.b.map((t) => prepareClaim(t));
const seedDecisions = seed.pairs.map((p) => scoreClaims(left[p.a], right[p.b]).match);
const seedMetrics = binaryMetrics(seedDecisions, seed.pairs.map((p) => p.label));
const required = seed.pairs.flatMap((p, k) => (p.required ? [k] : []));
const wrong = required.filter((k) => seedDecisions[k] !== (seed.pairs[k].label === 1)).map((k) => seed.pairs[k]);
const paraphrases = seed.pairs.flatMap((p, k) => (p.required ? [] : [k]));
console.log(`Seed story (${seed.story}):`);
console.log(`  all labelled pairs:   ${formatMetrics(seedMetrics)}`);
console.log(`  required pairs:       ${required.length - wrong.length} of ${required.length} right`);
console.log(
  `  paraphrases (not required, need synonyms): ${paraphrases.filter((k) => seedDecisions[k]).length} of ` +
    `${paraphrases.length} found`,
);
for (const p of wrong) {
  console.log(`  WRONG (${p.label === 1 ? 'missed' : 'false match'}):\n    ${seed.a[p.a]}\n    ${seed.b[p.b]}`);
}

console.log(
  `Throughput: ${Math.round(corpus.length / seconds)} pairs/s (one cold pass, both claims prepared; warm figure: npm run bench:matcher)`,
);

const ok = heldOut.accuracy >= TARGET.accuracy && heldOut.f1 >= TARGET.f1 && wrong.length === 0;
console.log(
  ok
    ? `Target met: held-out accuracy >= ${TARGET.accuracy} and F1 >= ${TARGET.f1}, every required seed pair right.`
    : `Target missed: held-out accuracy >= ${TARGET.accuracy} and F1 >= ${TARGET.f1}, every required seed pair right.`,
);
process.exitCode = ok ? 0 : 1;
