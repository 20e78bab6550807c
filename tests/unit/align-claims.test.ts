import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { alignClaims, type AlignedPair } from '../../src/pipeline/align-claims.ts';
import { readLabelledPairs } from '../../scripts/read-labelled-pairs.ts';
import { msrpBackground } from '../../scripts/generate-stories.ts';
import { syntheticStory } from '../../scripts/synthetic-stories.ts';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import { prepareClaim } from '../../src/pipeline/prepare-claim.ts';
import { scorePairs } from '../../src/pipeline/score-claims.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';

const vectors = loadWordVectors();
/** Aligns as the site does: with the word vectors. */
const alignAsSite = (a: string[], b: string[]) => alignClaims(a, b, 'en', vectors);

interface AlignmentCase {
  name: string;
  a: string[];
  b: string[];
  match?: [string, string, string?][];
  noMatch?: [string, string][];
  unmatched?: string[];
}

const fixtures = new URL('../fixtures/alignment/', import.meta.url);
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));

function indexesOf(list: string[], text: string): number[] {
  const found = list.flatMap((t, i) => (t === text ? [i] : []));
  assert.ok(found.length > 0, `the fixture sentence is not among the claims: ${text}`);
  return found;
}

function checkCase(c: AlignmentCase, pairs: AlignedPair[]): void {
  const pairOf = (i: number, j: number) => pairs.find((p) => p.a === i && p.b === j);
  for (const [ta, tb] of c.match ?? []) {
    for (const i of indexesOf(c.a, ta)) {
      const found = indexesOf(c.b, tb).map((j) => pairOf(i, j)).filter((p) => p !== undefined);
      assert.ok(found.length > 0, `${c.name}: expected a match between\n  ${ta}\n  ${tb}`);
    }
  }
  for (const [ta, tb] of c.noMatch ?? []) {
    for (const i of indexesOf(c.a, ta)) {
      for (const j of indexesOf(c.b, tb)) {
        assert.equal(pairOf(i, j), undefined, `${c.name}: unexpected match between\n  ${ta}\n  ${tb}`);
      }
    }
  }
  for (const text of c.unmatched ?? []) {
    const inA = c.a.includes(text);
    const hits = pairs.filter((p) => (inA ? c.a[p.a] : c.b[p.b]) === text);
    assert.deepEqual(hits.map((p) => [c.a[p.a], c.b[p.b]]), [], `${c.name}: expected no match for ${text}`);
  }
}

for (const c of readJson('generic.json').cases as AlignmentCase[]) {
  test(`alignment case: ${c.name}`, () => {
    checkCase(c, alignAsSite(c.a, c.b));
  });
}

test('the seed story aligns every required pair and keeps every other labelled pair apart', () => {
  const seed = readLabelledPairs(new URL('seed-story.json', fixtures), new URL('../../content/stories/', import.meta.url));
  const pairs = alignAsSite(seed.a, seed.b);
  const matched = new Set(pairs.map((p) => `${p.a} ${p.b}`));
  const required = seed.pairs.filter((p) => p.required);
  assert.ok(required.some((p) => p.label === 1) && required.some((p) => p.label === 0));
  for (const p of required) {
    const verdict = p.label === 1 ? 'expected a match' : 'unexpected match';
    assert.equal(matched.has(`${p.a} ${p.b}`), p.label === 1, `${verdict} between\n  ${seed.a[p.a]}\n  ${seed.b[p.b]}`);
  }
  for (const i of seed.unmatched) assert.deepEqual(pairs.filter((p) => p.a === i), [], `expected no match for ${seed.a[i]}`);
});

test('a claim matches each of its counterparts once, with a score between the threshold and 1', () => {
  const pairs = alignAsSite(
    ['Floods closed the coastal highway and cut power to the harbour district.'],
    ['The coastal highway was closed by floods.', 'Power to the harbor district was cut.', 'Schools stay open.'],
  );
  assert.deepEqual(pairs.map((p) => [p.a, p.b]), [[0, 0], [0, 1]]);
  for (const p of pairs) assert.ok(p.score > 0 && p.score <= 1);
});

test('a pair gets the same score whatever other claims are aligned with it', () => {
  const a = 'The bank raised interest rates by half a point on Thursday.';
  const b = 'On Thursday the bank raised rates by half a point.';
  const alone = alignAsSite([a], [b]);
  const crowded = alignAsSite(['Markets fell after the decision.', a, 'The bank raised its forecast.'], [b, 'Rates rose.']);
  assert.equal(alone.length, 1);
  assert.equal(crowded.find((p) => p.a === 1 && p.b === 0)?.score, alone[0].score);
});

test('aligning is symmetric: swapping the reports swaps the pairs and keeps the scores', () => {
  const a = ['The bank raised interest rates by half a point on Thursday.', 'Markets fell after the decision.'];
  const b = ['Shares fell sharply once the decision was announced.', 'On Thursday the bank raised rates by half a point.'];
  const forward = alignAsSite(a, b).map((p) => `${p.a}-${p.b}-${p.score.toFixed(6)}`).sort();
  const backward = alignAsSite(b, a).map((p) => `${p.b}-${p.a}-${p.score.toFixed(6)}`).sort();
  assert.ok(forward.length > 0);
  assert.deepEqual(backward, forward);
});

test('no claims on either side gives no pairs', () => {
  assert.deepEqual(alignAsSite([], ['Something happened.']), []);
  assert.deepEqual(alignAsSite(['Something happened.'], []), []);
});

test('skipping pairs that share too few words changes no alignment: the same pairs as scoring every pair', () => {
  const background = msrpBackground();
  for (let index = 0; index < 6; index++) {
    const story = syntheticStory(11, index, background);
    const claims = story.reports.map((report) => parseReport(report.body).flatMap((block) => (block.type === 'paragraph' ? block.claims : [])));
    for (let x = 0; x < claims.length; x++) {
      for (let y = x + 1; y < claims.length; y++) {
        const [a, b] = [claims[x]!, claims[y]!];
        const left = a.map((text) => prepareClaim(text, 'en', undefined, vectors));
        const right = b.map((text) => prepareClaim(text, 'en', undefined, vectors));
        const everyPair = scorePairs(left, right, left.map(() => right.map((_, j) => j)))
          .filter((p) => p.match)
          .map(({ a, b, score }) => ({ a, b, score }));
        assert.deepEqual(alignAsSite(a, b), everyPair, `${story.slug}: reports ${x} and ${y}`);
      }
    }
  }
});

test('a word in hundreds of claims of a report pairs nothing through it, a rarer shared word still does, both ways', () => {
  const rows = (tag: string) => Array.from({ length: 120 }, (_, i) => `The district ${tag}${i} counted its ballots overnight.`);
  const a = [...rows('north'), 'The district auditor resigned over the ballots.'];
  const b = [...rows('south'), 'The auditor of the district resigned, citing missing ballots.'];
  const pairs = alignAsSite(a, b);
  // "district", "counted", "ballots" are in every row: alone they propose no pair, so no row matches another.
  assert.deepEqual(pairs.map((p) => [p.a, p.b]), [[120, 120]]);
  assert.deepEqual(alignAsSite(b, a).map((p) => [p.b, p.a]), [[120, 120]]);
});
