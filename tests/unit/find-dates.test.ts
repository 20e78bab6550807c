import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datesEqual, findDates } from '../../src/pipeline/find-dates.ts';

const years = (text: string) => findDates(text).map((d) => d.year);

test('a year followed by a comma is still a year', () => {
  assert.deepEqual(years('She won in 1998, and again in 2004.'), [1998, 2004]);
  assert.deepEqual(years('The results for 2019, 2020 and 2021 were restated.'), [2019, 2020, 2021]);
});

test('a four-digit figure written with a thousands separator is not a year', () => {
  assert.deepEqual(years('The fund paid out 2019,500 dollars.'), []);
});

test('two dates are equal exactly when they state the same weekday, year, and readings of month and day', () => {
  const dates = findDates(
    'Friday, September 10, 2021; Friday 10 September; Sept. 10, 2021; 9/10/2021; 10/9/2021; on 9/10; in September; ' +
      'September 2021; 2021; Friday; Saturday; 2021-09-10; 10th of September 2021; since 5/5; in May 2021.',
  );
  assert.ok(dates.length >= 14);
  const fields = (d: (typeof dates)[number]) => JSON.stringify([d.weekday, d.year, d.days]);
  for (const x of dates) for (const y of dates) assert.equal(datesEqual(x, y), fields(x) === fields(y), `${fields(x)} / ${fields(y)}`);
});
