import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/pipeline/find-dates.ts';

const years = (text: string) => findDates(text).map((d) => d.year);

test('a year followed by a comma is still a year', () => {
  assert.deepEqual(years('She won in 1998, and again in 2004.'), [1998, 2004]);
  assert.deepEqual(years('The results for 2019, 2020 and 2021 were restated.'), [2019, 2020, 2021]);
});

test('a four-digit figure written with a thousands separator is not a year', () => {
  assert.deepEqual(years('The fund paid out 2019,500 dollars.'), []);
});
