import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAttributions, PHRASE_WORDS, SUBJECT_REACH } from '../../src/pipeline/find-attributions.ts';

/** Each attribution as its text and the names of its sources. */
const attributions = (text: string) =>
  findAttributions(text).map((at) => ({ text: text.slice(at.start, at.end), sources: at.sources.map((s) => s.map((r) => r.join(' '))) }));

test('the subject of a verb at the end of 20,000 words is read from the clause the verb ends', () => {
  assert.deepEqual(attributions(`${'word '.repeat(20_000)}, Reuters said`), [{ text: 'Reuters said', sources: [['reuters']] }]);
});

test(`a subject is looked for within ${SUBJECT_REACH} characters before its verb`, () => {
  assert.deepEqual(attributions(`Reuters${' '.repeat(10)} said`), [{ text: `Reuters${' '.repeat(10)} said`, sources: [['reuters']] }]);
  assert.deepEqual(attributions(`Reuters${' '.repeat(SUBJECT_REACH)} said`), []);
});

test(`a source is named in at most ${PHRASE_WORDS} words`, () => {
  const named = (words: number) => `according to ${'Big '.repeat(words - 1)}Agency, it said`;
  assert.deepEqual(attributions(named(PHRASE_WORDS)).map((at) => at.sources[0][0].split(' ').length), [PHRASE_WORDS]);
  assert.deepEqual(attributions(named(PHRASE_WORDS + 1)), []);
});

test('a verb inside any of 5,000 quotations names no source, and one outside them does', () => {
  assert.deepEqual(attributions(`${'“we know the BBC said it”, '.repeat(5_000)}and AP said`), [{ text: 'AP said', sources: [['ap']] }]);
});

test('a claim of 10,000 attributions has each of them, in reading order', () => {
  const found = attributions('according to Reuters, said AP, '.repeat(5_000));
  assert.equal(found.length, 10_000);
  assert.deepEqual(found.slice(0, 2), [{ text: 'according to Reuters', sources: [['reuters']] }, { text: 'said AP', sources: [['ap']] }]);
});
