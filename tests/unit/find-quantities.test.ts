import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countedOutcome, findQuantities } from '../../src/pipeline/find-quantities.ts';
import { wordTokens } from '../../src/pipeline/normalize-text.ts';

const quantities = (text: string) => findQuantities(text, wordTokens(text), []).map((q) => ({ text: text.slice(q.start, q.end), unit: q.unit }));

test('a number right after a capitalised word inside a sentence names a thing and counts nothing', () => {
  assert.deepEqual(quantities('The airline said Flight 2100 left on time.'), []);
  assert.deepEqual(quantities('Witnesses saw the Fokker 100 lose height.'), []);
});

test('a number after a weekday, a month or a currency code is still a count', () => {
  assert.deepEqual(quantities('On Friday 12 people were rescued.'), [{ text: '12', unit: '' }]);
  assert.deepEqual(quantities('The state will spend Rs 500 crore on roads.'), [{ text: 'Rs 500 crore', unit: 'rupee' }]);
});

test('a rank is a quantity of its own unit, marked with its sign', () => {
  assert.deepEqual(quantities('She is ranked No. 3 in the world.'), [{ text: 'No. 3', unit: 'rank' }]);
  assert.deepEqual(quantities('The world number one withdrew.'), [{ text: 'number one', unit: 'rank' }]);
});

test('one standing for a noun after a determiner and an adjective is not a number', () => {
  assert.deepEqual(quantities('She had a junior title and now has a senior one.'), []);
  assert.deepEqual(quantities('She beat the new one, in two sets.').map((q) => q.text), ['two']);
});

test('what happened to the people counted comes from the nearest word that says it', () => {
  const outcome = (words: string) => countedOutcome(wordTokens(words).map((t) => t.stem));
  assert.equal(outcome('killed'), 'dead');
  assert.equal(outcome('people were injured'), 'injured');
  assert.equal(outcome('people reported hospitalised'), 'hospitalised');
  assert.equal(outcome('people on board'), 'aboard');
  assert.equal(outcome('people gathered outside'), '');
});
