import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSharedCopy, MAX_COPY_GAP, MIN_COPY_RUN } from '../../src/pipeline/find-shared-copy.ts';
import type { Match, MatchKind } from '../../src/pipeline/types.ts';

const report = (slug: string, n: number, credits: string[] = []) => ({
  slug,
  claims: Array.from({ length: n }, (_, i) => ({ id: `${slug}-${i}` })),
  credits,
});
const match = (a: string, b: string, kind: MatchKind = 'verbatim'): Match => ({ claims: [a, b], score: 1, kind, conflicts: [] });

test(`sentences shared word for word in the same order, ${MAX_COPY_GAP} added between, are one run`, () => {
  const copies = findSharedCopy(
    [report('a', 6), report('b', 6, ['AFP'])],
    [match('a-0', 'b-1'), match('a-1', 'b-2', 'edited'), match('a-3', 'b-3'), match('a-5', 'b-0')],
  );
  assert.deepEqual(copies, [{ reports: ['a', 'b'], claims: ['a-0', 'a-1', 'a-3', 'b-1', 'b-2', 'b-3'], credit: 'AFP' }]);
});

test(`fewer than ${MIN_COPY_RUN} sentences in a row, or sentences shared in other words, are no copy`, () => {
  assert.deepEqual(findSharedCopy([report('a', 5), report('b', 5)], [match('a-0', 'b-0'), match('a-3', 'b-4')]), []);
  assert.deepEqual(
    findSharedCopy([report('a', 5), report('b', 5)], [match('a-0', 'b-0', 'paraphrase'), match('a-1', 'b-1', 'paraphrase')]),
    [],
  );
});

test('three reports running one text are one copy of three reports', () => {
  const copies = findSharedCopy(
    [report('a', 3), report('b', 3), report('c', 3, ['PTI'])],
    [match('a-0', 'b-0'), match('a-1', 'b-1'), match('b-0', 'c-1'), match('b-1', 'c-2')],
  );
  assert.deepEqual(copies, [{ reports: ['a', 'b', 'c'], claims: ['a-0', 'a-1', 'b-0', 'b-1', 'c-1', 'c-2'], credit: 'PTI' }]);
});
