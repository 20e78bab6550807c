import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diffClaims, mergeSegments } from '../../src/pipeline/diff-claims.ts';
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
