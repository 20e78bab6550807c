import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimIds } from '../../src/pipeline/claim-ids.ts';

const texts = ['Floods closed the highway.', 'Power was cut to 40,000 homes.', 'Schools will reopen on Monday.'];

test('an id is the report slug followed by eight hex digits of the text', () => {
  for (const id of claimIds('daily-news', texts)) assert.match(id, /^daily-news-[0-9a-f]{8}$/);
});

test('inserting or removing a sentence does not change the ids of the others', () => {
  const before = claimIds('daily-news', texts);
  const inserted = claimIds('daily-news', ['A new first sentence.', ...texts]);
  assert.deepEqual(inserted.slice(1), before);
  assert.deepEqual(claimIds('daily-news', texts.slice(1)), before.slice(1));
});

test('the same text in two reports gets two different ids', () => {
  const [a] = claimIds('daily-news', texts);
  const [b] = claimIds('evening-post', texts);
  assert.notEqual(a, b);
  assert.equal(a.slice(-8), b.slice(-8));
});

test('a text repeated in one report keeps one id per copy, numbered from the second', () => {
  const ids = claimIds('daily-news', [texts[0], texts[1], texts[0], texts[0]]);
  assert.equal(ids[2], `${ids[0]}-2`);
  assert.equal(ids[3], `${ids[0]}-3`);
  assert.equal(new Set(ids).size, 4);
});

test('differences in whitespace or Unicode composition do not change the id, other edits do', () => {
  const [id] = claimIds('r', ['Café  reopened\ntoday.']);
  assert.equal(claimIds('r', [' Cafe\u0301 reopened today. '])[0], id);
  assert.notEqual(claimIds('r', ['Café reopened today!'])[0], id);
});

test('ids are valid HTML ids and URL-safe whatever the slug', () => {
  assert.match(claimIds('Été Post', texts)[0], /^ete-post-[0-9a-f]{8}$/);
  for (const slug of ['Le Monde', '20minutes', 'ABC News/Online', '***', 'été']) {
    for (const id of claimIds(slug, texts)) {
      assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
      assert.equal(encodeURIComponent(id), id);
    }
  }
});

test('the thousandth copy of a sentence gets its number as the second did', () => {
  const ids = claimIds('the-post', Array(5000).fill('Markets closed higher.'));
  assert.equal(new Set(ids).size, 5000);
  assert.equal(ids[1], `${ids[0]}-2`);
  assert.equal(ids[4999], `${ids[0]}-5000`);
});
