import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT_FEATURE_NAMES, contextFeatures, type StagedPair } from '../../src/pipeline/match-context.ts';

const feature = (row: number[], name: (typeof CONTEXT_FEATURE_NAMES)[number]) => row[CONTEXT_FEATURE_NAMES.indexOf(name)]!;
const logOdds = (p: number) => Math.log(p / (1 - p));

test("a pair that is both its claims' best stands above their other pairs; a pair with a closer rival stands below it", () => {
  const pairs: StagedPair[] = [
    { a: 0, b: 0, probability: 0.9 },
    { a: 0, b: 1, probability: 0.6 },
    { a: 1, b: 1, probability: 0.5 },
  ];
  const [best, rivalled, other] = contextFeatures(pairs, { a: 2, b: 2 });
  assert.equal(feature(best!, 'bestOnSides'), 2);
  assert.ok(Math.abs(feature(best!, 'marginLow') - (logOdds(0.9) - logOdds(0.6))) < 1e-9);
  assert.equal(feature(rivalled!, 'bestOnSides'), 1, 'best of claim b1, not of claim a0');
  assert.ok(feature(rivalled!, 'marginLow') < 0 && feature(rivalled!, 'marginHigh') > 0);
  assert.equal(feature(other!, 'bestOnSides'), 1);
  assert.ok(Math.abs(feature(best!, 'pairLogOdds') - logOdds(0.9)) < 1e-9);
});

test('two equal best pairs of one claim have no margin over each other', () => {
  const [x, y] = contextFeatures([{ a: 0, b: 0, probability: 0.7 }, { a: 0, b: 1, probability: 0.7 }], { a: 1, b: 2 });
  assert.equal(feature(x!, 'marginLow'), 0);
  assert.equal(feature(y!, 'marginLow'), 0);
});

test('claims at the same place of their reports are 0 apart, the first and the last of two long reports nearly 1', () => {
  const [same, far] = contextFeatures([{ a: 2, b: 7, probability: 0.5 }, { a: 0, b: 14, probability: 0.5 }], { a: 5, b: 15 });
  assert.equal(feature(same!, 'placeApart'), 0);
  assert.ok(Math.abs(feature(far!, 'placeApart') - (14.5 / 15 - 0.1)) < 1e-9);
});

test('swapping the two reports changes no pair’s context', () => {
  const pairs: StagedPair[] = [
    { a: 0, b: 0, probability: 0.8 },
    { a: 0, b: 2, probability: 0.3 },
    { a: 1, b: 2, probability: 0.95 },
    { a: 2, b: 1, probability: 0.4 },
  ];
  const forward = contextFeatures(pairs, { a: 3, b: 4 });
  const backward = contextFeatures(pairs.map((p) => ({ a: p.b, b: p.a, probability: p.probability })), { a: 4, b: 3 });
  assert.deepEqual(backward, forward);
});
