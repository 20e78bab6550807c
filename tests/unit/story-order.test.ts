import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disagreementOf, storyOrders, storyRanks } from '../../src/data/story-order.ts';
import type { DisputedPoint, StoryComparison, UniqueCount } from '../../src/pipeline/types.ts';

/** A compared story reduced to what the orders read: its disputed points, its claims in one report only, its claims. */
function story(slug: string, disputed: number, alone: number, claims: number): StoryComparison {
  const point: DisputedPoint = { group: 'g', kind: 'number', versions: [] };
  const unique: UniqueCount[] = [{ report: 'a', count: alone, first: null }];
  return { slug, glance: { agreed: [], disputed: Array(disputed).fill(point), unique }, stats: { claims } } as unknown as StoryComparison;
}

test('newest first is the default order, and the first the control offers', () => {
  assert.deepEqual(Object.keys(storyOrders), ['date', 'disagreement']);
  const ranks = storyRanks([story('new', 0, 0, 10), story('old', 3, 5, 10)]);
  assert.deepEqual([...ranks].map(([slug, rank]) => [slug, rank.date]), [['new', 0], ['old', 1]]);
});

test('a story with more disputed points disagrees more, whatever share of its claims one report alone makes', () => {
  const ranks = storyRanks([story('calm', 0, 9, 10), story('split', 2, 0, 10), story('contested', 3, 1, 40)]);
  assert.deepEqual(['calm', 'split', 'contested'].map((slug) => ranks.get(slug)!.disagreement), [2, 1, 0]);
});

test('with as many disputed points, the larger share of claims in one report only comes first, then the newer story', () => {
  assert.deepEqual(disagreementOf(story('x', 1, 3, 12)), { disputed: 1, alone: 0.25 });
  const ranks = storyRanks([story('newer', 1, 2, 10), story('wider', 1, 6, 20), story('older', 1, 2, 10)]);
  assert.deepEqual(['wider', 'newer', 'older'].map((slug) => ranks.get(slug)!.disagreement), [0, 1, 2]);
});

test('a story with no claims counts no share alone rather than dividing by zero', () => {
  assert.deepEqual(disagreementOf(story('empty', 0, 0, 0)), { disputed: 0, alone: 0 });
});
