import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { labelMatch } from '../../src/pipeline/label-match.ts';
import type { MatchKind } from '../../src/pipeline/types.ts';

interface LabelCase {
  name: string;
  a: string;
  b: string;
  kind: MatchKind;
}

const cases: LabelCase[] = JSON.parse(
  readFileSync(new URL('../fixtures/labels/cases.json', import.meta.url), 'utf8'),
).cases;

for (const c of cases) {
  test(`wording label: ${c.name} is ${c.kind}`, () => {
    assert.equal(labelMatch(c.a, c.b), c.kind);
  });
}

test('the label does not depend on which claim comes first', () => {
  for (const c of cases) assert.equal(labelMatch(c.b, c.a), c.kind, c.name);
});

test('every label is used by some fixture case, so each boundary is tested from both sides', () => {
  assert.deepEqual(new Set(cases.map((c) => c.kind)), new Set(['verbatim', 'edited', 'paraphrase']));
});

test('a language without English rules still tells equal wording from changed wording', () => {
  assert.equal(labelMatch('Le conseil a voté le budget mardi.', 'Le Conseil a voté le budget mardi !', 'fr'), 'verbatim');
  assert.equal(labelMatch('Le conseil a voté le budget mardi.', 'Le conseil a rejeté le budget mardi.', 'fr'), 'edited');
});

/** The label from the full table of word edit distances, as labelMatch states the rule. */
function referenceLabel(a: string, b: string): MatchKind {
  const [x, y] = [a.split(' ').filter(Boolean), b.split(' ').filter(Boolean)];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  const distance = prev[y.length];
  const allowed = Math.min(4, Math.max(1, Math.floor(Math.max(x.length, y.length) / 4)));
  return distance === 0 ? 'verbatim' : distance <= allowed ? 'edited' : 'paraphrase';
}

test('the label is the one the full table of word edit distances gives', () => {
  let seed = 11;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const vocabulary = ['army', 'said', 'troops', 'left', 'valley', 'friday', 'killed', 'people'];
  const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  for (let round = 0; round < 2000; round++) {
    const a = sentence(Math.floor(random() * 24));
    const words = a.split(' ');
    // Near copies as well as unrelated sentences: edits are what the label tells apart.
    const b = random() < 0.5 ? sentence(Math.floor(random() * 24)) : words.map((w) => (random() < 0.1 ? sentence(1) : w)).join(' ');
    assert.equal(labelMatch(a, b), referenceLabel(a, b), `${a} / ${b}`);
  }
});

test('two claims of 20,000 words are edited when a few words apart, and a paraphrase when more', () => {
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const changed = (every: number) => words.map((w, i) => (i % every === 7 ? 'other' : w)).join(' ');
  assert.equal(labelMatch(words.join(' '), words.join(' ')), 'verbatim');
  assert.equal(labelMatch(words.join(' '), changed(5_000)), 'edited');
  assert.equal(labelMatch(words.join(' '), changed(1_000)), 'paraphrase');
});
