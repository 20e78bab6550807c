import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimInView, indexClaims, slugsOf, type ReportPair } from '../../src/data/story-view.ts';
import { handMadeStory } from '../helpers/hand-made-story.ts';

const longer = 'The council approved the budget on Monday, and the mayor, who had opposed it, resigned the same evening.';
const story = handMadeStory(
  [
    { slug: 'alpha', outlet: 'Alpha Times', claims: [longer, 'Roadworks will start in June.'] },
    { slug: 'beta', outlet: 'The Beta Post', claims: ['The council approved the budget on Monday.', 'The mayor resigned the same evening.'] },
    { slug: 'gamma', outlet: 'Gamma Daily', claims: ['On Monday the budget passed the council.'] },
  ],
  [
    { claims: ['alpha-0', 'beta-0'], kind: 'part', part: { claim: 'alpha-0', words: 'The council approved the budget on Monday' } },
    { claims: ['alpha-0', 'beta-1'], kind: 'part', part: { claim: 'alpha-0', words: 'the mayor, who had opposed it, resigned the same evening' } },
    { claims: ['alpha-0', 'gamma-0'], kind: 'part', part: { claim: 'alpha-0', words: 'The council approved the budget on Monday' } },
  ],
);
const claims = indexClaims(story);
const [alpha, beta, gamma] = story.reports as [ReportPair[0], ReportPair[0], ReportPair[0]];

function view(claimId: string, pair: ReportPair) {
  const ref = claims.get(claimId)!;
  return claimInView({ claim: ref.claim, report: ref.report, story, claims, shown: slugsOf(pair) });
}

describe('claimInView', () => {
  test('a claim that several reports contradict alike keeps one note, naming each of them', () => {
    const made = handMadeStory(
      [
        { slug: 'a', outlet: 'Ash News', claims: ['Ten people were hurt in the fire.'] },
        { slug: 'b', outlet: 'Birch Post', claims: ['Twelve people were hurt in the fire.'] },
        { slug: 'c', outlet: 'Cedar Times', claims: ['The fire hurt twelve people.'] },
      ],
      [
        { claims: ['a-0', 'b-0'], kind: 'edited' },
        { claims: ['a-0', 'c-0'], kind: 'paraphrase' },
      ],
    );
    const index = indexClaims(made);
    const ref = index.get('a-0')!;
    ref.claim.links[0]!.conflicts.push({ kind: 'number', a: 'Ten', b: 'Twelve' });
    ref.claim.links[1]!.conflicts.push({ kind: 'number', a: 'Ten', b: 'Twelve' });
    const { notes } = claimInView({ claim: ref.claim, report: ref.report, story: made, claims: index, shown: slugsOf(made.reports) });
    assert.deepEqual(notes.map((note) => [note.conflict.a, note.conflict.b, note.other]), [['Ten', 'Twelve', 'Birch Post, Cedar Times']]);
  });

  test('a long sentence marks each stretch that a shorter claim of the other report says on its own', () => {
    const { parts } = view('alpha-0', [alpha, beta]);
    assert.deepEqual(
      parts.map((span) => [longer.slice(span.start, span.end), span.claim, span.outlet]),
      [
        ['The council approved the budget on Monday', 'beta-0', 'The Beta Post'],
        ['the mayor, who had opposed it, resigned the same evening', 'beta-1', 'The Beta Post'],
      ],
    );
  });

  test('a stretch is marked only beside the report that says it: a report not on the page marks nothing', () => {
    assert.deepEqual(view('alpha-0', [alpha, gamma]).parts.map((span) => span.claim), ['gamma-0']);
  });

  test('the shorter claim of a part match marks nothing in its own text', () => {
    assert.deepEqual(view('beta-0', [alpha, beta]).parts, []);
  });

  test('the segments stay as the pipeline made them, whatever the part spans', () => {
    assert.deepEqual(view('alpha-0', [alpha, beta]).segments, [{ text: longer, shared: false }]);
  });
});
