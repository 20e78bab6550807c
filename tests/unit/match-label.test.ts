import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { confidentPercent, matchLabel, partSpanNotes, partSpanTitle } from '../../src/data/match-label.ts';
import type { PartSpan } from '../../src/data/part-runs.ts';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';

describe('matchLabel', () => {
  test('a part match is labelled "part", not "paraphrase", which keeps meaning other words', () => {
    const label = matchLabel({ claim: 'b-0', kind: 'part', score: 0.95, part: { claim: 'b-0', start: 0, end: 10 } });
    assert.equal(label.text, 'part');
    assert.equal(label.badge, 'part');
    assert.equal(matchLabel({ claim: 'b-0', kind: 'paraphrase', score: 0.95 }).text, 'paraphrase');
  });

  test('the shorter claim reads that the other report says it within a longer sentence', () => {
    assert.equal(matchLabel({ claim: 'b-0', kind: 'part', score: 0.95, part: { claim: 'b-0', start: 0, end: 10 } }).detail, 'said within a longer sentence');
  });

  test('the longer claim reads that the other report says part of it', () => {
    assert.equal(matchLabel({ claim: 'b-0', kind: 'part', score: 0.95, part: { claim: 'a-0', start: 0, end: 10 } }).detail, 'says part of this sentence');
  });

  test('only a part match carries a detail', () => {
    for (const kind of ['verbatim', 'edited', 'paraphrase'] as const) assert.equal(matchLabel({ claim: 'b-0', kind, score: 0.95 }).detail, undefined);
  });

  test('a match scored under the confident level is labelled a possible match, with its wording', () => {
    const label = matchLabel({ claim: 'b-0', kind: 'paraphrase', score: CONFIDENT_MATCH - 0.01 });
    assert.equal(label.possible, true);
    assert.equal(label.badge, 'paraphrase, possible match');
  });

  test('a match scored at the confident level or above is labelled as before', () => {
    for (const score of [CONFIDENT_MATCH, 0.99]) {
      const label = matchLabel({ claim: 'b-0', kind: 'edited', score });
      assert.equal(label.possible, false);
      assert.equal(label.badge, 'edited');
    }
  });

  test('the legend and the methodology page give the confident level in percent', () => {
    assert.equal(confidentPercent, Math.round(CONFIDENT_MATCH * 100));
  });
});

describe('part span words', () => {
  const text = '“We will rebuild,” the mayor said, and the council approved the budget.';
  const span = (words: string, outlet: string): PartSpan => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, claim: `${outlet}-0`, outlet });

  test('a screen reader hears which stretch the other report says on its own, and where', () => {
    assert.deepEqual(partSpanNotes(text, [span('the council approved the budget', 'The Beta Post')]), [
      'The Beta Post says this part on its own, in a shorter sentence: “the council approved the budget”.',
    ]);
  });

  test('a stretch that opens a quotation is not given a second opening quotation mark', () => {
    assert.deepEqual(partSpanNotes(text, [span('“We will rebuild,” the mayor said', 'Gamma')]), [
      'Gamma says this part on its own, in a shorter sentence: “We will rebuild,” the mayor said.',
    ]);
  });

  test('a stretch that one outlet states twice is said once', () => {
    const twice = [span('the council approved the budget', 'Beta'), { ...span('the council approved the budget', 'Beta'), claim: 'Beta-1' }];
    assert.equal(partSpanNotes(text, twice).length, 1);
  });

  test('the tooltip of a stretch names each outlet that says it once', () => {
    const shared = [span('the council', 'Beta'), span('the council', 'Gamma'), span('the council', 'Beta')];
    assert.equal(partSpanTitle(shared), 'Beta and Gamma say this part on its own, in a shorter sentence');
    assert.equal(partSpanTitle(shared.slice(0, 1)), 'Beta says this part on its own, in a shorter sentence');
  });
});
