import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIFF_WORDS, diffClaims, markConflicts, mergeSegments } from '../../src/pipeline/diff-claims.ts';
import type { Segment } from '../../src/pipeline/types.ts';

interface DiffCase {
  name: string;
  a: string;
  b: string;
  expectA: string;
  expectB: string;
}

const cases: DiffCase[] = JSON.parse(
  readFileSync(new URL('../fixtures/diff/cases.json', import.meta.url), 'utf8'),
).cases;

/** Writes segments in the fixtures' notation: shared text between ⟦ and ⟧. */
const marked = (segments: Segment[]) => segments.map((s) => (s.shared ? `⟦${s.text}⟧` : s.text)).join('');
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

for (const c of cases) {
  test(`word diff: ${c.name}`, () => {
    const diff = diffClaims(c.a, c.b);
    assert.equal(joined(diff.a), c.a);
    assert.equal(joined(diff.b), c.b);
    assert.equal(marked(diff.a), c.expectA);
    assert.equal(marked(diff.b), c.expectB);
  });
}

test('segments alternate between shared and unshared and are never empty', () => {
  for (const c of cases) {
    const { a, b } = diffClaims(c.a, c.b);
    for (const side of [a, b]) {
      side.forEach((s, i) => {
        assert.ok(s.text.length > 0);
        if (i > 0) assert.notEqual(s.shared, side[i - 1].shared);
      });
    }
  }
});

test('an empty claim has no segments and leaves the other side unshared', () => {
  assert.deepEqual(diffClaims('', 'Nothing here matches.'), {
    a: [],
    b: [{ text: 'Nothing here matches.', shared: false }],
  });
});

test('a claim with many distinct words diffs without mixing them up', () => {
  const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
  const a = words.join(' ');
  const b = words.slice(0, 1500).join(' ') + ' extra ' + words.slice(1500).join(' ');
  const diff = diffClaims(a, b);
  assert.deepEqual(diff.a, [{ text: a, shared: true }]);
  assert.equal(diff.b.filter((s) => !s.shared).map((s) => s.text).join('|'), ' extra ');
});

test(`two claims of 20,000 words that differ throughout are diffed over the first ${DIFF_WORDS} words of what differs`, () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const a = words.join(' ');
  // Every third word differs, the first and the last included, so what differs is the whole of both.
  const b = words.map((w, i) => (i % 3 === 0 || i === 19_999 ? `other${i.toString(36)}` : w)).join(' ');
  const diff = diffClaims(a, b);
  assert.equal(joined(diff.a), a);
  assert.equal(joined(diff.b), b);
  const bound = a.indexOf(` ${words[DIFF_WORDS]} `);
  let offset = 0;
  const shared: [number, number][] = [];
  for (const s of diff.a) {
    if (s.shared) shared.push([offset, offset + s.text.length]);
    offset += s.text.length;
  }
  // Within the bound, each pair of words between two changed ones is shared: words 1-2, 4-5, …, 997-998.
  assert.equal(shared.length, Math.floor(DIFF_WORDS / 3));
  assert.ok(shared.every(([, end]) => end <= bound), 'nothing past the bound is marked shared');
});

test('two claims of 20,000 words alike but for one word share every other word', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const a = words.join(' ');
  const b = [...words.slice(0, 9_000), 'changed', ...words.slice(9_001)].join(' ');
  const diff = diffClaims(a, b);
  assert.deepEqual(diff.a.filter((s) => !s.shared).map((s) => s.text), [` ${words[9_000]} `]);
  assert.deepEqual(diff.b.filter((s) => !s.shared).map((s) => s.text), [' changed ']);
});

test('two claims of 70,000 different words, more than there are code units for, share none of them', () => {
  const a = Array.from({ length: 70_000 }, (_, i) => `a${i.toString(36)}x`).join(' ');
  const b = Array.from({ length: 70_000 }, (_, i) => `b${i.toString(36)}x`).join(' ');
  const diff = diffClaims(a, b);
  assert.deepEqual(diff.a, [{ text: a, shared: false }]);
  assert.deepEqual(diff.b, [{ text: b, shared: false }]);
});

test('merging marks a character shared when any counterpart shares it', () => {
  const text = 'Storms closed the airport and cut power to homes.';
  const first = diffClaims(text, 'The airport was closed by storms.').a;
  const second = diffClaims(text, 'Power to homes was cut.').a;
  assert.equal(marked(mergeSegments(text, [first, second])), 'Storms closed ⟦the airport⟧ and cut ⟦power to homes⟧.');
});

test('merging no runs leaves the claim unshared, and a run that does not fit the claim is refused', () => {
  assert.deepEqual(mergeSegments('A claim.', []), [{ text: 'A claim.', shared: false }]);
  assert.throws(() => mergeSegments('A claim.', [[{ text: 'Another claim.', shared: true }]]), /does not cover/);
});

test('a conflict is marked where its wording stands, as one segment apart from shared wording', () => {
  const a = 'Police said 27 people were hurt on Monday.';
  const b = 'Police said 30 people were hurt on Monday.';
  const { a: segments } = diffClaims(a, b);
  const marked = markConflicts(a, segments, [{ kind: 'number', text: '27' }]);
  assert.equal(joined(marked), a);
  assert.deepEqual(marked.filter((s) => s.conflict), [{ text: '27', shared: false, conflict: 'number' }]);
  assert.ok(marked.some((s) => s.shared && s.text.includes('Police said')));
});

test('a conflict inside shared words takes them out of the shared wording', () => {
  const a = 'The foreign office spokesperson Asim Iftikhar spoke.';
  const shared: Segment[] = [{ text: a, shared: true }];
  const marked = markConflicts(a, shared, [{ kind: 'name', text: 'foreign office spokesperson' }]);
  assert.deepEqual(marked, [
    { text: 'The ', shared: true },
    { text: 'foreign office spokesperson', shared: false, conflict: 'name' },
    { text: ' Asim Iftikhar spoke.', shared: true },
  ]);
});

test('a conflict whose wording is not in the claim is skipped, and a repeated wording is marked once per conflict', () => {
  const a = 'Between 27 and 27 more.';
  const plain: Segment[] = [{ text: a, shared: false }];
  assert.deepEqual(markConflicts(a, plain, [{ kind: 'number', text: '31' }]), plain);
  const twice = markConflicts(a, plain, [{ kind: 'number', text: '27' }, { kind: 'number', text: '27' }]);
  assert.deepEqual(twice.filter((s) => s.conflict).map((s) => s.text), ['27', '27']);
});

test('merging keeps the conflicts of every counterpart', () => {
  const a = 'On Monday 27 helicopters flew.';
  const one = markConflicts(a, [{ text: a, shared: false }], [{ kind: 'date', text: 'Monday' }]);
  const two = markConflicts(a, [{ text: a, shared: true }], [{ kind: 'number', text: '27' }]);
  const merged = mergeSegments(a, [one, two]);
  assert.equal(joined(merged), a);
  assert.deepEqual(merged.filter((s) => s.conflict).map((s) => [s.text, s.conflict]), [['Monday', 'date'], ['27', 'number']]);
});
