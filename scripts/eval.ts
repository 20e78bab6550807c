/**
 * Measures the claim matcher: `npm run eval [-- --stories <path>] [-- --msrp <path>]`. Runs the site's own
 * comparison (compareStory, with the word vectors) and prints:
 * - real stories (read-real-stories.ts), each scored with a model fitted to the OTHER stories (leave one story
 *   out; matcher-samples.ts), never one fitted on it: recall of `same` and of all labelled pairs, precision,
 *   share of claims matched, stories without a match, conflict precision, false "shares nothing" warnings,
 *   and a reliability table of the held-out probabilities;
 * - the MSRP training split's held-out part (read-msrp.ts), with the committed model, which never saw MSRP:
 *   a pair counts as a paraphrase when the site matches it and not as a part (match-pairs prints the same);
 * - the labelled pairs of the seed story (tests/fixtures/alignment/seed-story.json), decided as its page does.
 * Exits with 1 when a target is missed.
 */
import { compareStory } from '../src/pipeline/compare-story.ts';
import { alignPrepared } from '../src/pipeline/align-claims.ts';
import { prepareClaim } from '../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../src/pipeline/score-claims.ts';
import { findPart } from '../src/pipeline/find-part.ts';
import { loadWordVectors } from '../src/build/word-vectors-file.ts';
import { binaryMetrics, formatMetrics } from './binary-metrics.ts';
import { msrpPath, readMsrp } from './read-msrp.ts';
import { readLabelledPairs } from './read-labelled-pairs.ts';
import { readRealStories, realStoriesPath } from './read-real-stories.ts';
import { fitMatcher, sampleProbabilities, storySamples } from './matcher-samples.ts';
import { addCounts, alignmentFigures, formatCounts, scoreAlignments, type AlignmentCounts } from './real-story-metrics.ts';

const TARGET = { recallSame: 0.7, recallAll: 0.5, precision: 0.9, conflictPrecision: 0.9, msrpAccuracy: 0.78, msrpF1: 0.85 };
const vectors = loadWordVectors();
const misses: string[] = [];

// Real stories, leave one story out.
const storiesPath = realStoriesPath();
const stories = readRealStories(storiesPath);
const samples = storySamples(stories, vectors);
console.log(`Real stories: ${storiesPath} (${stories.length} stories; each scored by a model fitted to the other ${stories.length - 1})`);
const counts: AlignmentCounts[] = [];
const bins = Array.from({ length: 10 }, () => ({ pairs: 0, positives: 0 }));
for (const story of stories) {
  const model = fitMatcher(samples.filter((s) => s.story !== story.slug));
  const own = samples.filter((x) => x.story === story.slug);
  sampleProbabilities(model, own).forEach((p, k) => {
    const bin = bins[Math.min(9, Math.floor(p * 10))]!;
    bin.pairs++;
    bin.positives += own[k]!.y;
  });
  const c = scoreAlignments(story, compareStory(story.input, { vectors, model }));
  counts.push(c);
  console.log(`  ${story.slug.padEnd(31)} ${formatCounts(c)}  (threshold ${model.threshold})`);
}
const total = addCounts(counts);
const figures = alignmentFigures(total);
const storiesWithoutMatch = counts.filter((c) => c.matches === 0).length;
console.log(`  ${'all, held out'.padEnd(31)} ${formatCounts(total)}`);
console.log(`  stories without a match: ${storiesWithoutMatch}`);
console.log('  reliability (held-out probability -> share of pairs a reader aligns):');
bins.forEach((b, i) => {
  if (b.pairs > 0) console.log(`    ${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}: ${(b.positives / b.pairs).toFixed(3)} of ${b.pairs} pairs`);
});
const check = (ok: boolean, what: string) => {
  if (!ok) misses.push(what);
};
check(figures.recallSame >= TARGET.recallSame, `real-story recall of same >= ${TARGET.recallSame}`);
check(figures.recallAll >= TARGET.recallAll, `real-story recall of all >= ${TARGET.recallAll}`);
check(figures.precision >= TARGET.precision, `real-story precision >= ${TARGET.precision}`);
check(figures.conflictPrecision >= TARGET.conflictPrecision, `conflict precision >= ${TARGET.conflictPrecision}`);
check(storiesWithoutMatch === 0, 'no story without a match');

// MSRP, committed model.
const path = msrpPath();
const corpus = readMsrp(path);
const started = performance.now();
const decided = corpus.map((p) => {
  const [a, b] = [prepareClaim(p.s1, 'en', undefined, vectors), prepareClaim(p.s2, 'en', undefined, vectors)];
  return scoreClaims(a, b).match && !findPart(a, b);
});
const seconds = (performance.now() - started) / 1000;
const part = (heldOut: boolean) =>
  binaryMetrics(
    decided.filter((_, i) => corpus[i]!.heldOut === heldOut),
    corpus.filter((p) => p.heldOut === heldOut).map((p) => p.label),
  );
const msrp = part(true);
console.log(`MSRP train split: ${path} (the committed model was fitted on real stories only)`);
console.log(`  held-out part: ${formatMetrics(msrp)}`);
console.log(`  other part:    ${formatMetrics(part(false))}`);
check(msrp.accuracy >= TARGET.msrpAccuracy && msrp.f1 >= TARGET.msrpF1, `MSRP held-out accuracy >= ${TARGET.msrpAccuracy} and F1 >= ${TARGET.msrpF1}`);

// Seed story, committed model.
const seed = readLabelledPairs(
  new URL('../tests/fixtures/alignment/seed-story.json', import.meta.url),
  new URL('../content/stories/', import.meta.url),
);
const left = seed.a.map((t) => prepareClaim(t, 'en', undefined, vectors));
const right = seed.b.map((t) => prepareClaim(t, 'en', undefined, vectors));
// The site's decisions: each pair read among the other pairs of the two reports, as the story page shows them.
const seedMatches = new Set(alignPrepared(left, right).map((p) => `${p.a} ${p.b}`));
const seedDecisions = seed.pairs.map((p) => seedMatches.has(`${p.a} ${p.b}`));
const required = seed.pairs.flatMap((p, k) => (p.required ? [k] : []));
const wrong = required.filter((k) => seedDecisions[k] !== (seed.pairs[k]!.label === 1)).map((k) => seed.pairs[k]!);
const synonyms = seed.pairs.flatMap((p, k) => (p.required ? [] : [k]));
const synonymsFound = synonyms.filter((k) => seedDecisions[k]).length;
console.log(`Seed story (${seed.story}):`);
console.log(`  all labelled pairs: ${formatMetrics(binaryMetrics(seedDecisions, seed.pairs.map((p) => p.label)))}`);
console.log(`  required pairs: ${required.length - wrong.length} of ${required.length} right`);
console.log(`  pairs that need synonyms: ${synonymsFound} of ${synonyms.length} matched`);
for (const p of wrong) {
  console.log(`  WRONG (${p.label === 1 ? 'missed' : 'false match'}):\n    ${seed.a[p.a]}\n    ${seed.b[p.b]}`);
}
check(wrong.length === 0, 'every required seed pair right');
check(synonymsFound === synonyms.length, 'every seed pair that needs synonyms matched');

console.log(`Throughput: ${Math.round(corpus.length / seconds)} MSRP pairs/s (cold, both claims prepared; warm figure: npm run bench:matcher)`);
console.log(misses.length === 0 ? 'Every target met.' : `Targets missed: ${misses.join('; ')}.`);
process.exitCode = misses.length === 0 ? 0 : 1;
