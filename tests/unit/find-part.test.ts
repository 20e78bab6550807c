import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { findPart } from '../../src/pipeline/find-part.ts';
import { prepareClaim } from '../../src/pipeline/prepare-claim.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';
import type { ReportInput } from '../../src/pipeline/types.ts';

const vectors = loadWordVectors();
const read = (text: string) => prepareClaim(text, 'en', undefined, vectors);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/parts/${name}`, import.meta.url), 'utf8');

function report(slug: string): ReportInput {
  return {
    slug, outlet: slug, title: slug, url: `https://example.org/${slug}`, published: new Date('2026-05-01'), lang: 'en',
    body: fixture(`${slug}.md`), source: `tests/fixtures/parts/${slug}.md`,
  };
}

const story = compareStory({ slug: 'ferry', title: 'Ferry', summary: '', date: new Date('2026-05-01'), reports: [report('long'), report('short')] }, { vectors });
const [long, short] = ['long', 'short'].map((slug) => story.reports.find((r) => r.slug === slug)!);

test('a long sentence matches each of the two short sentences that say what it says', () => {
  assert.equal(long.claims.length, 6);
  assert.equal(short.claims.length, 11);
  for (const [k, claim] of long.claims.entries()) {
    const expected = [short.claims[2 * k]!.id, ...(k < 5 ? [short.claims[2 * k + 1]!.id] : [])];
    for (const id of expected) assert.ok(claim.counterparts.includes(id), `long sentence ${k} should match ${short.claims.find((c) => c.id === id)!.text}`);
  }
});

test('a part match records the span of the longer sentence that the shorter one states', () => {
  const parts = story.matches.filter((m) => m.kind === 'part');
  assert.ok(parts.length >= 5, `${parts.length} part matches`);
  for (const match of parts) {
    const holder = [...long.claims, ...short.claims].find((c) => c.id === match.part!.claim)!;
    const other = [...long.claims, ...short.claims].find((c) => match.claims.includes(c.id) && c.id !== holder.id)!;
    assert.ok(holder.text.length > other.text.length, 'the span is in the longer claim');
    assert.ok(match.part!.start >= 0 && match.part!.end <= holder.text.length && match.part!.start < match.part!.end);
    assert.ok(match.part!.end - match.part!.start < holder.text.length, 'the span leaves something out');
  }
});

test('numbers that differ between a long sentence and its parts are flagged, and only those', () => {
  const numbers = story.matches.flatMap((m) => m.conflicts.filter((c) => c.kind === 'number').map((c) => `${c.a} / ${c.b}`));
  for (const [a, b] of [['42', '46'], ['three', 'Five'], ['150,000', '120,000']]) {
    assert.ok(numbers.some((n) => n.includes(a) && n.includes(b)), `${a} against ${b} in ${JSON.stringify(numbers)}`);
  }
  assert.equal(numbers.length, 3, JSON.stringify(numbers));
});

test('the part of a long sentence is found whichever claim comes first', () => {
  const a = read('The storm cut power to 40,000 homes on Sunday, and closed the main airport for two days.');
  const b = read('The main airport was closed for two days.');
  const ab = findPart(a, b)!;
  const ba = findPart(b, a)!;
  assert.equal(ab.side, 'a');
  assert.equal(ba.side, 'b');
  assert.deepEqual([ab.start, ab.end], [ba.start, ba.end]);
  assert.match('The storm cut power to 40,000 homes on Sunday, and closed the main airport for two days.'.slice(ab.start, ab.end), /closed the main airport for two days/);
});

test('two sentences that say the same as wholes are no part match', () => {
  assert.equal(findPart(read('The bank raised rates on Thursday.'), read('On Thursday the bank raised its rates.')), undefined);
});
