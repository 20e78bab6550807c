import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alikeWords, differentNames, NAME_WORD_LENGTH, sameName } from '../../src/pipeline/find-names.ts';

/** 1 minus the optimal-string-alignment distance over the longer length, from the full table. */
function referenceSimilarity(w: string, v: string): number {
  const d = Array.from({ length: w.length + 1 }, (_, i) => Array.from({ length: v.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= w.length; i++) {
    for (let j = 1; j <= v.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (w[i - 1] === v[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && w[i - 1] === v[j - 2] && w[i - 2] === v[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return 1 - d[w.length][v.length] / Math.max(w.length, v.length, 1);
}

test('name words are alike, or different, exactly as the full table of their spelling says', () => {
  let seed = 5;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const word = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => 'ahmdeiu'[Math.floor(random() * 7)]).join('');
  for (let round = 0; round < 5000; round++) {
    const [w, v] = [word(), word()];
    const alike = w.length === 1 || v.length === 1 ? w[0] === v[0] : referenceSimilarity(w, v) >= 0.75;
    assert.equal(alikeWords(w, v), alike, `${w} / ${v}`);
    assert.equal(differentNames([w], [v]), referenceSimilarity(w, v) < 0.5, `${w} / ${v}`);
  }
});

test(`name words longer than ${NAME_WORD_LENGTH} letters are alike only when written the same`, () => {
  const long = 'b'.repeat(100_000);
  const changed = `${long.slice(0, 50_000)}c${long.slice(50_001)}`;
  assert.equal(alikeWords(long, long), true);
  assert.equal(alikeWords(long, changed), false);
  assert.equal(sameName(['a', long], [long]), true);
  assert.equal(differentNames([long], [changed]), true);
  // Up to the bound, one letter changed is still a spelling variant.
  const word = 'b'.repeat(NAME_WORD_LENGTH);
  assert.equal(alikeWords(word, `c${word.slice(1)}`), true);
});
