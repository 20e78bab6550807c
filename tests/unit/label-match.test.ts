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
