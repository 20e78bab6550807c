import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimGridRows } from '../../src/data/claim-grid.ts';
import { indexClaims } from '../../src/data/story-view.ts';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';
import { handMadeStory } from '../helpers/hand-made-story.ts';

const story = handMadeStory(
  [
    { slug: 'alpha', outlet: 'Alpha Times', claims: ['The council approved the budget on Monday, and the mayor resigned.', 'Roadworks start in June.'] },
    { slug: 'beta', outlet: 'The Beta Post', claims: ['The council approved the budget on Monday.', 'Work on the roads begins in June.'] },
    { slug: 'gamma', outlet: 'Gamma Daily', claims: ['Roadworks will begin in June.', 'The weather was fine.'] },
  ],
  [
    { claims: ['alpha-0', 'beta-0'], kind: 'part', part: { claim: 'alpha-0', words: 'The council approved the budget on Monday' } },
    { claims: ['alpha-1', 'beta-1'], kind: 'paraphrase', score: CONFIDENT_MATCH - 0.15 },
    { claims: ['alpha-1', 'gamma-0'], kind: 'edited', score: 0.97 },
  ],
);
const rows = claimGridRows(story, indexClaims(story));
const row = (claimId: string) => rows.find((candidate) => candidate.group.claimIds.includes(claimId))!;

test('a claim said within a longer sentence of another outlet reads "part" in both outlets\' cells', () => {
  assert.deepEqual(row('alpha-0').cells.map((cell) => cell.state), ['part', 'part', 'absent']);
});

test('an outlet tied to a claim by a possible match only is marked as a possible match in its cell', () => {
  const cells = row('alpha-1').cells;
  assert.deepEqual(cells.map((cell) => [cell.state, cell.possible]), [['edited', false], ['paraphrase', true], ['edited', false]]);
});

test('cells of a confident match, of a claim one outlet alone makes and of an outlet that lacks it are no possible match', () => {
  assert.ok(row('alpha-0').cells.every((cell) => !cell.possible));
  assert.deepEqual(row('gamma-1').cells.map((cell) => [cell.state, cell.possible]), [['absent', false], ['absent', false], ['only', false]]);
});

test('each row is headed by its first claim and each carrying cell links to its outlet\'s claim', () => {
  const first = row('alpha-0');
  assert.equal(first.text, 'The council approved the budget on Monday, and the mayor resigned.');
  assert.deepEqual(first.cells.map((cell) => cell.href), ['#alpha-0', '#beta-0', undefined]);
});
