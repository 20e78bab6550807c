import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignedSequence, type AlignedClaim, type AlignedReport } from '../../src/data/aligned-reading.ts';

/**
 * Two reports `a` and `b` with `lengths` claims `a0…`, `b0…`; `matches` pairs claim ids, recorded on both claims
 * as the pipeline does (or on one side only when `oneSided`).
 */
function pair(
  lengths: [number, number],
  matches: [string, string][] = [],
  { oneSided = false, elsewhere = {} }: { oneSided?: boolean; elsewhere?: Record<string, string[]> } = {},
): [AlignedReport<AlignedClaim>, AlignedReport<AlignedClaim>] {
  const report = (slug: string, length: number): AlignedReport<AlignedClaim> => ({
    slug,
    claims: Array.from({ length }, (_, k) => {
      const id = `${slug}${k}`;
      const counterparts = matches.flatMap(([x, y]) => (x === id ? [y] : y === id && !oneSided ? [x] : []));
      return { id, counterparts: [...counterparts, ...(elsewhere[id] ?? [])] };
    }),
  });
  return [report('a', lengths[0]), report('b', lengths[1])];
}

const order = (input: ReturnType<typeof pair>) => alignedSequence(input).map((entry) => entry.claim.id).join(' ');

test('each matched claim of the second report follows the claim of the first it matches', () => {
  assert.equal(order(pair([3, 3], [['a0', 'b0'], ['a1', 'b1'], ['a2', 'b2']])), 'a0 b0 a1 b1 a2 b2');
});

test('unmatched claims of the second report stay right after the claim before them in their report', () => {
  assert.equal(order(pair([3, 4], [['a0', 'b0'], ['a2', 'b2']])), 'a0 b0 b1 a1 a2 b2 b3');
});

test("the second report's opening, before any of its matches, comes right before the claim its first match follows", () => {
  assert.equal(order(pair([3, 3], [['a1', 'b2']])), 'a0 b0 b1 a1 b2 a2');
});

test('with no match between them, the second report follows the whole of the first', () => {
  assert.equal(order(pair([2, 2])), 'a0 a1 b0 b1');
});

test('when the second report tells things in another order, its claims follow their matches and take their runs along', () => {
  assert.equal(order(pair([2, 3], [['a0', 'b2'], ['a1', 'b0']])), 'a0 b2 a1 b0 b1');
});

test('a claim matching two claims of the other report is placed once, after the earliest of them', () => {
  assert.equal(order(pair([3, 1], [['a0', 'b0'], ['a2', 'b0']])), 'a0 b0 a1 a2');
  assert.equal(order(pair([1, 3], [['a0', 'b2'], ['a0', 'b0']])), 'a0 b0 b1 b2');
});

test('a match recorded on one claim only still places the other', () => {
  assert.equal(order(pair([2, 2], [['b1', 'a0']], { oneSided: true })), 'b0 a0 b1 a1');
});

test('counterparts in reports outside the pair do not count as matches', () => {
  assert.equal(order(pair([2, 2], [], { elsewhere: { a0: ['c0'], b0: ['c0'] } })), 'a0 a1 b0 b1');
});

test('every entry says which report its claim is from and why it stands there', () => {
  const entries = alignedSequence(pair([2, 4], [['a1', 'b1']]));
  assert.deepEqual(
    entries.map(({ claim, side, placement, matchOf }) => [claim.id, side, placement, matchOf]),
    [
      ['a0', 0, 'first', undefined],
      ['b0', 1, 'opening', undefined],
      ['a1', 0, 'first', undefined],
      ['b1', 1, 'match', 'a1'],
      ['b2', 1, 'follow', undefined],
      ['b3', 1, 'follow', undefined],
    ],
  );
});

test('every claim of both reports appears exactly once, whatever the matches', () => {
  // Every set of matches between a report of three claims and one of three: 2^9 cases.
  const cells = Array.from({ length: 9 }, (_, k): [string, string] => [`a${Math.floor(k / 3)}`, `b${k % 3}`]);
  for (let mask = 0; mask < 1 << cells.length; mask++) {
    const matches = cells.filter((_, k) => mask & (1 << k));
    const ids = alignedSequence(pair([3, 3], matches)).map((entry) => entry.claim.id);
    assert.deepEqual([...ids].sort(), ['a0', 'a1', 'a2', 'b0', 'b1', 'b2'], `matches ${JSON.stringify(matches)}`);
    assert.deepEqual(ids.filter((id) => id.startsWith('a')), ['a0', 'a1', 'a2'], 'the first report keeps its order');
  }
});
