import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { counterpartTarget, ordinalOf, stepClaim } from '../../src/scripts/step-claim.ts';

// A column of six claims; the matched ones are 1, 2 and 4.
const matched = [false, true, true, false, true, false];

describe('stepClaim', () => {
  test('the next match skips claims without a counterpart', () => {
    assert.equal(stepClaim(matched, { at: 2 }, 1), 4);
  });

  test('the previous match skips claims without a counterpart', () => {
    assert.equal(stepClaim(matched, { at: 4 }, -1), 2);
  });

  test('from an unmatched claim the next and previous matches are its nearest matched neighbours', () => {
    assert.equal(stepClaim(matched, { at: 3 }, 1), 4);
    assert.equal(stepClaim(matched, { at: 3 }, -1), 2);
  });

  test('there is no next match after the last one, nor a previous one before the first: the keys do not wrap', () => {
    assert.equal(stepClaim(matched, { at: 4 }, 1), undefined);
    assert.equal(stepClaim(matched, { at: 1 }, -1), undefined);
  });

  test('with nothing focused, the next match is the first one still in view, and the previous the last one above it', () => {
    assert.equal(stepClaim(matched, { before: 1 }, 1), 1);
    assert.equal(stepClaim(matched, { before: 3 }, 1), 4);
    assert.equal(stepClaim(matched, { before: 3 }, -1), 2);
    assert.equal(stepClaim(matched, { before: 0 }, -1), undefined);
  });

  test('scrolled past the end of a column, the previous match is its last one', () => {
    assert.equal(stepClaim(matched, { before: matched.length }, -1), 4);
    assert.equal(stepClaim(matched, { before: matched.length }, 1), undefined);
  });

  test('a column without matches has nowhere to go', () => {
    assert.equal(stepClaim([false, false], { before: 0 }, 1), undefined);
    assert.equal(stepClaim([], { before: 0 }, 1), undefined);
  });

  test('when every claim counts, the keys step through the claims one by one', () => {
    const all = matched.map(() => true);
    assert.equal(stepClaim(all, { at: 2 }, 1), 3);
    assert.equal(stepClaim(all, { at: 2 }, -1), 1);
  });
});

describe('ordinalOf', () => {
  test('counts a claim among the eligible claims of its column', () => {
    assert.deepEqual(ordinalOf(matched, 1), { position: 1, total: 3 });
    assert.deepEqual(ordinalOf(matched, 4), { position: 3, total: 3 });
  });
});

describe('counterpartTarget', () => {
  test('goes to the first counterpart in reading order', () => {
    assert.equal(counterpartTarget(['b-1', 'b-2']), 'b-1');
  });

  test('goes back to the claim the reader came from when it is one of the counterparts', () => {
    assert.equal(counterpartTarget(['b-1', 'b-2'], 'b-2'), 'b-2');
  });

  test('ignores where the reader came from when that claim is not a counterpart', () => {
    assert.equal(counterpartTarget(['b-1', 'b-2'], 'c-9'), 'b-1');
  });

  test('has nowhere to go for a claim without a counterpart on the page', () => {
    assert.equal(counterpartTarget([], 'b-1'), undefined);
  });
});
