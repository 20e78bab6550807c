import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupClaims, type GroupInput } from '../../src/pipeline/group-claims.ts';
import type { Conflict, Match, MatchKind } from '../../src/pipeline/types.ts';

/** Reports named by letter, each with `n` claims `<letter><k>`; `repeats` maps a claim to the first copy it repeats. */
function reports(spec: Record<string, number>, repeats: Record<string, string> = {}): GroupInput[] {
  return Object.entries(spec).map(([slug, n]) => ({
    slug,
    claims: Array.from({ length: n }, (_, k) => {
      const id = `${slug}${k}`;
      return repeats[id] ? { id, repeatOf: repeats[id] } : { id };
    }),
  }));
}

const match = (a: string, b: string, score = 0.8, kind: MatchKind = 'paraphrase', conflicts: Conflict[] = []): Match => ({
  claims: [a, b],
  score,
  kind,
  conflicts,
});

const members = (groups: ReturnType<typeof groupClaims>) => groups.map((group) => group.claimIds.join(' '));

test('matched claims form one group and every unmatched claim is a group of its own, in report then reading order', () => {
  const groups = groupClaims(reports({ a: 3, b: 2 }), [match('a2', 'b0')]);
  assert.deepEqual(members(groups), ['a0', 'a1', 'a2 b0', 'b1']);
  assert.deepEqual(groups.map((group) => group.id), ['group-a0', 'group-a1', 'group-a2', 'group-b1']);
  assert.deepEqual(groups[2].reports, ['a', 'b']);
  assert.deepEqual(groups[3].reports, ['b']);
});

test('a claim matched in three reports is one group carried by all three', () => {
  const groups = groupClaims(reports({ a: 1, b: 1, c: 1 }), [match('a0', 'b0'), match('a0', 'c0'), match('b0', 'c0')]);
  assert.deepEqual(members(groups), ['a0 b0 c0']);
  assert.deepEqual(groups[0].reports, ['a', 'b', 'c']);
});

test('one long sentence matching two short ones of another report joins all three', () => {
  const groups = groupClaims(reports({ a: 1, b: 3 }), [match('a0', 'b0'), match('a0', 'b2')]);
  assert.deepEqual(members(groups), ['a0 b0 b2', 'b1']);
  assert.deepEqual(groups[0].cells[1].claimIds, ['b0', 'b2']);
});

test('a drifting chain of matches is cut at its weakest link instead of joining claims four matches apart', () => {
  const chain = [match('a0', 'b0', 0.9), match('b0', 'c0', 0.4), match('c0', 'd0', 0.7), match('d0', 'e0', 0.8)];
  assert.deepEqual(members(groupClaims(reports({ a: 1, b: 1, c: 1, d: 1, e: 1 }), chain)), ['a0 b0', 'c0 d0 e0']);
});

test('claims three matches apart stay together when the chain is no longer than that', () => {
  const groups = groupClaims(reports({ a: 1, b: 1, c: 1, d: 1 }), [match('a0', 'b0', 0.9), match('b0', 'c0', 0.3), match('c0', 'd0', 0.5)]);
  assert.deepEqual(members(groups), ['a0 b0 c0 d0']);
});

test('a fact said in two sentences by one report and in one by two others is one group', () => {
  const groups = groupClaims(reports({ a: 2, b: 1, c: 1 }), [match('a0', 'b0'), match('a1', 'b0'), match('a1', 'c0')]);
  assert.deepEqual(members(groups), ['a0 a1 b0 c0']);
});

test('a repeated sentence sits in the group of its first copy, even when only one copy was matched', () => {
  const input = reports({ a: 3, b: 1 }, { a2: 'a0' });
  assert.deepEqual(members(groupClaims(input, [match('a0', 'b0')])), ['a0 a2 b0', 'a1']);
  assert.deepEqual(members(groupClaims(input, [])), ['a0 a2', 'a1', 'b0']);
});

test("each report's cell gives its claims, the closest wording linking them and its conflicts turned its way", () => {
  const conflict: Conflict = { kind: 'number', a: '27', b: '30' };
  const groups = groupClaims(reports({ a: 1, b: 1, c: 1, d: 1 }), [
    match('a0', 'b0', 0.9, 'verbatim'),
    match('a0', 'c0', 0.6, 'paraphrase', [conflict]),
    match('b0', 'c0', 0.7, 'edited'),
  ]);
  const [group] = groups.filter((g) => g.claimIds.length > 1);
  assert.deepEqual(
    group.cells.map((cell) => [cell.reportSlug, cell.claimIds.join(' '), cell.kind]),
    [['a', 'a0', 'verbatim'], ['b', 'b0', 'verbatim'], ['c', 'c0', 'edited'], ['d', '', null]],
  );
  assert.deepEqual(group.cells[0].conflicts, [{ kind: 'number', a: '27', b: '30', claims: ['a0', 'c0'] }]);
  assert.deepEqual(group.cells[2].conflicts, [{ kind: 'number', a: '30', b: '27', claims: ['c0', 'a0'] }]);
  assert.deepEqual(group.cells[1].conflicts, []);
  assert.deepEqual(group.cells[3].conflicts, []);
});

test('a claim found in one report only has a cell without a wording label', () => {
  const [only] = groupClaims(reports({ a: 1, b: 1 }), []);
  assert.deepEqual(only.cells.map((cell) => [cell.claimIds.join(' '), cell.kind]), [['a0', null], ['', null]]);
});

test('every claim lands in exactly one group, whatever the matches', () => {
  const input = reports({ a: 4, b: 4, c: 4 }, { a3: 'a1' });
  const all = input.flatMap((report) => report.claims.map((claim) => claim.id));
  const matches = [
    match('a0', 'b1', 0.5), match('a1', 'b1', 0.6), match('b1', 'c2', 0.7), match('a3', 'c0', 0.8),
    match('c0', 'b3', 0.9), match('a2', 'c3', 0.3), match('b2', 'c3', 0.35),
  ];
  const grouped = groupClaims(input, matches).flatMap((group) => group.claimIds);
  assert.deepEqual([...grouped].sort(), [...all].sort());
});
