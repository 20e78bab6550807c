import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordTable } from '../../src/pipeline/word-table.ts';
import { wordTokens } from '../../src/pipeline/normalize-text.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { ReportInput } from '../../src/pipeline/types.ts';

const words = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

test('a word table answers only for the words it lists, whatever the word', () => {
  const table = wordTable({ grey: 'gray' });
  assert.equal(table.grey, 'gray');
  for (const word of words) {
    assert.equal(table[word], undefined, word);
    assert.equal(word in table, false, word);
  }
});

test('words that name parts of a JavaScript object read as plain words', () => {
  for (const word of [...words, 'Constructor', 'CONSTRUCTOR']) {
    const [token] = wordTokens(`${word} twenty`);
    assert.equal(typeof token!.norm, 'string', word);
    assert.equal(typeof token!.stem, 'string', word);
  }
});

test('a report that speaks of a constructor, a prototype or __proto__ compares like any other', () => {
  const report = (slug: string, body: string): ReportInput => ({
    slug, outlet: slug, title: slug, url: `https://example.org/${slug}`, published: new Date('2026-01-01'), lang: 'en', body,
    source: `${slug}.md`,
  });
  const body = 'The constructor showed a prototype valued at ten thousand euros. Gen. constructor toString said __proto__ hasOwnProperty.';
  const story = compareStory({
    slug: 's', title: 't', summary: 's', date: new Date(0),
    reports: [report('a', body), report('b', 'The constructor showed a prototype valued at 10,000 euros.')],
  });
  assert.ok(story.matches.length > 0);
});
