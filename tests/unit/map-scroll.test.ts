import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mapScroll, monotoneAnchors } from '../../src/scripts/map-scroll.ts';

describe('monotoneAnchors', () => {
  test('keeps matched pairs that come in the same order in both columns', () => {
    const anchors = [
      { from: 100, to: 150 },
      { from: 300, to: 400 },
      { from: 500, to: 620 },
    ];
    assert.deepEqual(monotoneAnchors(anchors, 1000, 1000), anchors);
  });

  test('drops the fewest pairs needed so that none cross when one report tells things in another order', () => {
    const anchors = [
      { from: 100, to: 100 },
      { from: 200, to: 700 },
      { from: 300, to: 200 },
      { from: 400, to: 300 },
    ];
    assert.deepEqual(monotoneAnchors(anchors, 1000, 1000), [
      { from: 100, to: 100 },
      { from: 300, to: 200 },
      { from: 400, to: 300 },
    ]);
  });

  test('keeps one of several pairs at the same place, so the mapping stays a function', () => {
    const kept = monotoneAnchors([{ from: 200, to: 300 }, { from: 200, to: 500 }], 1000, 1000);
    assert.equal(kept.length, 1);
  });

  test('drops pairs that either column cannot scroll to', () => {
    assert.deepEqual(monotoneAnchors([{ from: 0, to: 50 }, { from: 400, to: 900 }, { from: 1200, to: 300 }], 1000, 800), []);
  });
});

describe('mapScroll', () => {
  const anchors = [
    { from: 200, to: 500 },
    { from: 600, to: 700 },
  ];

  test('brings the counterpart to the reading line when a matched claim reaches it', () => {
    assert.equal(mapScroll(anchors, 1000, 1200, 200), 500);
    assert.equal(mapScroll(anchors, 1000, 1200, 600), 700);
  });

  test('moves the other column in proportion between two matched claims', () => {
    assert.equal(mapScroll(anchors, 1000, 1200, 400), 600);
    assert.equal(mapScroll(anchors, 1000, 1200, 100), 250);
  });

  test('both columns start together and end together', () => {
    assert.equal(mapScroll(anchors, 1000, 1200, 0), 0);
    assert.equal(mapScroll(anchors, 1000, 1200, 1000), 1200);
    assert.equal(mapScroll(anchors, 1000, 1200, 800), 950);
  });

  test('never leaves the other column\'s scroll range', () => {
    assert.equal(mapScroll(anchors, 1000, 1200, -30), 0);
    assert.equal(mapScroll(anchors, 1000, 1200, 1100), 1200);
  });

  test('without matches the columns scroll in proportion to their lengths', () => {
    assert.equal(mapScroll([], 1000, 500, 400), 200);
  });

  test('a column that cannot scroll keeps the other at its top', () => {
    assert.equal(mapScroll([], 1000, 0, 400), 0);
  });
});
