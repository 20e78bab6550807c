import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textMemo } from '../../src/pipeline/text-memo.ts';

test('a memo reads each text once per language and hands back the same result every time', () => {
  const reads: string[] = [];
  const read = textMemo((text, lang) => {
    reads.push(`${lang}:${text}`);
    return { words: text.split(' ').length, lang };
  });
  const first = read('Two words', 'en');
  assert.equal(read('Two words', 'en'), first);
  assert.deepEqual(first, { words: 2, lang: 'en' });
  assert.deepEqual(read('Two words', 'fr'), { words: 2, lang: 'fr' });
  read('Three words here', 'en');
  assert.deepEqual(reads, ['en:Two words', 'fr:Two words', 'en:Three words here']);
});

test('a memo remembers results that are undefined or empty as well', () => {
  let calls = 0;
  const read = textMemo((text) => {
    calls++;
    return text === '' ? undefined : text;
  });
  assert.equal(read('', 'en'), undefined);
  assert.equal(read('', 'en'), undefined);
  assert.equal(calls, 1);
});

test('two memos share nothing: what one remembers never reaches the other', () => {
  let calls = 0;
  const make = () => textMemo((text) => ({ text, call: ++calls }));
  const [a, b] = [make(), make()];
  assert.equal(a('Same text.', 'en').call, 1);
  assert.equal(b('Same text.', 'en').call, 2);
});
