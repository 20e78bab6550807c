import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countedOutcome, findQuantities, QUALIFIER_REACH } from '../../src/pipeline/find-quantities.ts';
import { findDates } from '../../src/pipeline/find-dates.ts';
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

test('each number of a claim of 5,000 dates is looked up among the dates in log time', () => {
  const text = 'On 5 September 2021 12 people died, '.repeat(5_000);
  let reads = 0;
  const dates = findDates(text).map((d) => ({
    get start() {
      reads++;
      return d.start;
    },
    get end() {
      reads++;
      return d.end;
    },
  }));
  const found = findQuantities(text, wordTokens(text), dates);
  assert.equal(dates.length, 5_000);
  assert.deepEqual(new Set(found.map((q) => text.slice(q.start, q.end))), new Set(['12']));
  assert.equal(found.length, 5_000);
  // Sorting the dates, then a binary search per word: far from a look at every date for every number.
  assert.ok(reads < 40 * 30_000, `${reads} reads`);
});

test(`a qualifier is read within ${QUALIFIER_REACH} characters before its number's spaces, however long those are`, () => {
  const bounds = (text: string) => findQuantities(text, wordTokens(text), []).map((q) => [q.low, q.high]);
  assert.deepEqual(bounds(`at least${' '.repeat(500)}5 people`), [[5, Infinity]]);
  assert.deepEqual(bounds(`${'x'.repeat(20_000)} about 5 people`), [[4.5, 5.5]]);
  assert.deepEqual(bounds(`at${' '.repeat(QUALIFIER_REACH)}least 5 people`), [[5, 5]]);
  assert.deepEqual(bounds(`a${' '.repeat(500)}million people`), [[1e6, 1e6]]);
  assert.deepEqual(bounds(`the${' '.repeat(500)}one came`), []);
});
