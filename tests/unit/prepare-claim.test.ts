import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUOTED, MAX_TERMS, prepareClaim } from '../../src/pipeline/prepare-claim.ts';

/** A made-up content word for each number: no stopword, no vector, its own stem. */
const word = (n: number): string => (n < 26 ? '' : word(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26)) + 'qx';

test(`a claim of 20,000 different content words aligns its first ${MAX_TERMS} and counts all of them as content`, () => {
  const text = Array.from({ length: 20_000 }, (_, i) => word(i)).join(' ');
  const claim = prepareClaim(text);
  assert.equal(claim.content.size, 20_000);
  assert.equal(claim.stems.length, 20_000);
  assert.equal(claim.terms.length, MAX_TERMS);
  assert.deepEqual(claim.terms.map((t) => t.at), Array.from({ length: MAX_TERMS }, (_, i) => i));
});

test('clauses are numbered past the aligned words as if every word were aligned', () => {
  // Two new words a clause: token i stands in clause i / 2, whether or not its word is among the terms.
  const text = Array.from({ length: 2_000 }, (_, c) => `${word(2 * c)} ${word(2 * c + 1)}`).join(', ');
  const claim = prepareClaim(text);
  assert.equal(claim.terms.length, MAX_TERMS);
  assert.deepEqual([...claim.tokenClauses], Array.from({ length: 4_000 }, (_, i) => Math.floor(i / 2)));
});

test(`a claim of 1,000 quotations and attributions compares the first ${MAX_QUOTED} of each`, () => {
  const text = Array.from({ length: 1_000 }, (_, i) => `“${word(i)} said the ${word(i + 1)} report”, Reuters said,`).join(' ');
  const claim = prepareClaim(text);
  assert.equal(claim.quotations.length, MAX_QUOTED);
  assert.equal(claim.speakers.length, MAX_QUOTED);
  assert.deepEqual(claim.speakers[0], [['reuters']]);
});

test('an attribution inside a quotation, nested or not, names no speaker of the claim', () => {
  const claim = prepareClaim('“Officials told us ‘Reuters said so’ on Monday,” AP said, and “we know the BBC said it” too.');
  assert.deepEqual(claim.speakers, [[['ap']]]);
});
