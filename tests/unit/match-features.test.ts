import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_NAMES, matchFeatures, ORDER_WORDS } from '../../src/pipeline/match-features.ts';
import { prepareClaim } from '../../src/pipeline/prepare-claim.ts';

/** A made-up content word for each number: no stopword, no vector, its own stem. */
const word = (n: number): string => (n < 26 ? '' : word(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26)) + 'qx';
const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => word(from + i)).join(' ');
const feature = (values: number[], name: (typeof FEATURE_NAMES)[number]) => values[FEATURE_NAMES.indexOf(name)]!;

test(`word order is read over the first ${ORDER_WORDS} words of claims of 20,000`, () => {
  const opening = words(0, ORDER_WORDS);
  const a = prepareClaim(`${opening} ${words(100_000, 20_000 - ORDER_WORDS)}`);
  const b = prepareClaim(`${opening} ${words(200_000, 20_000 - ORDER_WORDS)}`);
  const values = matchFeatures(a, b);
  assert.equal(feature(values, 'lcsLonger'), 1);
  assert.equal(feature(values, 'lcsShorter'), 1);
  assert.equal(feature(values, 'editSimilarity'), 1);
  assert.ok(feature(values, 'meteor') > 0.99);
  // What is not word order still reads every word: the two share a fortieth of their content.
  assert.equal(feature(values, 'contentDice'), ORDER_WORDS / 20_000);
  assert.equal(feature(values, 'logLength'), Math.log1p(20_000));
});

test('claims shorter than the bound are read whole for word order', () => {
  const a = prepareClaim(words(0, 40));
  const b = prepareClaim(`${words(0, 20)} ${words(1000, 20)}`);
  const values = matchFeatures(a, b);
  assert.equal(feature(values, 'lcsLonger'), 0.5);
  assert.equal(feature(values, 'editSimilarity'), 0.5);
});
