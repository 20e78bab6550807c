import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queryWords, wordMatches } from '../../src/scripts/highlight-query.ts';

/** The marked stretches of `text` for `query`. */
function marked(text: string, query: string): string[] {
  return wordMatches(text, queryWords(query)).map(([start, end]) => text.slice(start, end));
}

describe('queryWords', () => {
  test('splits on whitespace, drops punctuation around words and words of fewer than two letters or digits', () => {
    assert.deepEqual(queryWords('  “Taliban,” a helicopters!  7 (x) 27 Gilgit-Baltistan '), ['Taliban', 'helicopters', '27', 'Gilgit-Baltistan']);
  });

  test('keeps a word once whatever its case', () => {
    assert.deepEqual(queryWords('Panjshir panjshir PANJSHIR valley'), ['Panjshir', 'valley']);
  });

  test('a query of punctuation or single letters has no words', () => {
    assert.deepEqual(queryWords('.* ( ) a b'), []);
  });
});

describe('wordMatches', () => {
  test('marks whole words that start with a query word, in any case', () => {
    assert.deepEqual(marked('Taliban helicopters; a HELICOPTER-borne raid.', 'taliban helicopter'), ['Taliban', 'helicopters', 'HELICOPTER']);
  });

  test('does not mark a query word found inside another word', () => {
    assert.deepEqual(marked('The anti-Taliban front, not the antitaliban one.', 'taliban'), ['Taliban']);
  });

  test('a curly apostrophe in the text matches a straight one in the query', () => {
    assert.deepEqual(marked('Afghanistan’s assets', "afghanistan's"), ['Afghanistan’s']);
  });

  test('marks Urdu words, and finds them when typed with the Arabic yeh and kaf', () => {
    const text = 'اتوار کے روز 300 سے زائد مسافر پھنس گئے۔ مسافروں کو سکولوں میں ٹھہرایا گیا۔';
    assert.deepEqual(marked(text, 'مسافر 300'), ['300', 'مسافر', 'مسافروں']);
    assert.deepEqual(marked(text, 'سكولوں'), ['سکولوں']);
    assert.deepEqual(marked(text, 'کي'), []);
  });

  test('characters with a meaning in patterns are matched as written', () => {
    assert.deepEqual(marked('A rise of 2.5 per cent (or 205) in 2025', '2.5 (20*)'), ['2.5', '205', '2025']);
    assert.deepEqual(marked('A rise of 245 per cent', '2.5'), []);
  });
});
