import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRealStories } from '../../scripts/read-real-stories.ts';
import { alignmentFigures, scoreAlignments } from '../../scripts/real-story-metrics.ts';
import type { Match, StoryComparison } from '../../src/pipeline/types.ts';

const folder = fileURLToPath(new URL('../fixtures/labelled-story/', import.meta.url));
const [story] = readRealStories(folder);

/** A comparison of the fixture story as the site would give it, with the matches chosen by the test. */
function comparison(
  matches: [string, number, string, number][],
  conflicts: Match['conflicts'] = [],
  kind: Match['kind'] = 'paraphrase',
  of = story!,
): StoryComparison {
  const reports = [...of.claims].map(([slug, texts]) => ({
    slug,
    claims: texts.map((text, index) => ({ id: `${slug}-${index}`, index, text })),
    stats: { claims: texts.length, sharedClaims: texts.filter((_, i) => matches.some((m) => (m[0] === slug && m[1] === i) || (m[2] === slug && m[3] === i))).length },
  }));
  const ids = (m: [string, number, string, number]): [string, string] => [`${m[0]}-${m[1]}`, `${m[2]}-${m[3]}`];
  return {
    reports,
    matches: matches.map((m) => ({ claims: ids(m), score: 0.9, kind, conflicts })),
    groups: [],
    stats: { claims: reports.reduce((n, r) => n + r.claims.length, 0), sharedClaims: reports.reduce((n, r) => n + r.stats.sharedClaims, 0) },
  } as unknown as StoryComparison;
}

test('labelled sentences are found among the claims the site splits the reports into', () => {
  assert.equal(story!.slug, 'harbour-crane');
  assert.deepEqual([...story!.claims.keys()], ['north', 'south']);
  assert.deepEqual(story!.pairs.map((p) => [p.claimsA, p.claimsB, p.relation]), [[[0], [0], 'same'], [[1], [1], 'same']]);
  assert.equal(story!.input.reports.length, 2);
});

test('recall counts labelled pairs the site aligned, precision the alignments a label supports', () => {
  const figures = alignmentFigures(scoreAlignments(story!, comparison([['north', 0, 'south', 0], ['north', 2, 'south', 3]])));
  assert.equal(figures.recallSame, 0.5);
  assert.equal(figures.precision, 0.5);
});

test('a report the site matched with nothing is a false "shares nothing" warning when it holds a labelled pair', () => {
  const counts = scoreAlignments(story!, comparison([]));
  assert.equal(counts.sharesNothingWarnings, 2);
  assert.equal(counts.falseWarnings, 2);
});

test('a conflict counts as true only on a labelled pair whose note names that kind of disagreement', () => {
  const counts = scoreAlignments(story!, comparison([['north', 0, 'south', 0]], [{ kind: 'number', a: 'four', b: 'Four' }]));
  assert.deepEqual([counts.conflicts, counts.trueConflicts], [1, 0]);
});

test('a part match counts as a true part only on a pair the labeller also calls a part', () => {
  const copy = mkdtempSync(join(tmpdir(), 'labelled-'));
  cpSync(folder, copy, { recursive: true });
  appendFileSync(join(copy, 'harbour-crane', 'gold.tsv'), 'north\tWork on the quay stopped\tsouth\tThe port expects ships\tpart\t-\n');
  const [withPart] = readRealStories(copy);
  const counts = scoreAlignments(withPart!, comparison([['north', 0, 'south', 0], ['north', 2, 'south', 2]], [], 'part', withPart));
  assert.deepEqual([counts.parts, counts.trueParts], [2, 1]);
});

test('a labelled sentence that is in no report is an error naming the label file and line', () => {
  const copy = mkdtempSync(join(tmpdir(), 'labelled-'));
  cpSync(folder, copy, { recursive: true });
  appendFileSync(join(copy, 'harbour-crane', 'gold.tsv'), 'north\tNo such sentence\tsouth\tStrong winds\tsame\t-\n');
  assert.throws(() => readRealStories(copy), /gold\.tsv:4: "No such sentence" is in no claim of report north/);
});
