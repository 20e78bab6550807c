import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimRuns, type ClaimRun, type PartSpan } from '../../src/data/part-runs.ts';
import type { Segment } from '../../src/pipeline/types.ts';

const text = 'Rain closed the bridge on Monday and the ferry stopped at noon.';
const span = (words: string, claim = 'b-0', outlet = 'Beta'): PartSpan => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, claim, outlet });

/** The runs as strings: marks as [shared], conflicts as {kind:text}, part spans as <claims|…>. */
function drawn(runs: ClaimRun[]): string {
  return runs
    .map((run) => {
      const inner = run.segments.map((s) => (s.conflict ? `{${s.conflict}:${s.text}}` : s.shared ? `[${s.text}]` : s.text)).join('');
      return run.parts.length > 0 ? `<${run.parts.map((p) => p.claim).join(' ')}|${inner}>` : inner;
    })
    .join('');
}

const segments: Segment[] = [
  { text: 'Rain closed ', shared: false },
  { text: 'the bridge on Monday', shared: true },
  { text: ' and the ferry stopped at ', shared: false },
  { text: 'noon', shared: true, conflict: 'date' },
  { text: '.', shared: false },
];

test('the part span is marked around the shared-wording and conflict marks, which keep their edges', () => {
  const runs = claimRuns(segments, [span('the ferry stopped at noon')]);
  assert.equal(drawn(runs), 'Rain closed [the bridge on Monday] and <b-0|the ferry stopped at {date:noon}>.');
});

test('a mark that crosses the edge of a part span is split there and keeps its kind on both sides', () => {
  const runs = claimRuns(segments, [span('bridge on Monday and the ferry')]);
  assert.equal(drawn(runs), 'Rain closed [the ]<b-0|[bridge on Monday] and the ferry> stopped at {date:noon}.');
});

test("the runs give back the claim's text exactly", () => {
  const runs = claimRuns(segments, [span('closed the bridge'), span('Monday and the ferry', 'c-0', 'Gamma')]);
  assert.equal(runs.flatMap((run) => run.segments.map((s) => s.text)).join(''), text);
});

test('two shorter claims stating overlapping stretches each light their own, and the overlap names both', () => {
  const runs = claimRuns(segments, [span('closed the bridge on Monday'), span('Monday and the ferry', 'c-0', 'Gamma')]);
  assert.equal(drawn(runs), 'Rain <b-0|closed [the bridge on ]><b-0 c-0|[Monday]><c-0| and the ferry> stopped at {date:noon}.');
});

test('a span outside the text, empty or upside down is not drawn', () => {
  const bad: PartSpan[] = [
    { start: 5, end: 5, claim: 'x', outlet: 'X' },
    { start: 9, end: 3, claim: 'y', outlet: 'Y' },
    { start: 40, end: 400, claim: 'z', outlet: 'Z' },
    { start: -1, end: 4, claim: 'w', outlet: 'W' },
  ];
  assert.deepEqual(claimRuns(segments, bad), [{ segments, parts: [] }]);
});

test('an edge that falls inside a character made of two code units moves to its start, so no character is cut', () => {
  const emoji = [{ text: 'Fans 🎉 cheered.', shared: false }];
  const inside = 'Fans 🎉'.length - 1;
  const runs = claimRuns(emoji, [{ start: inside, end: emoji[0]!.text.length, claim: 'b-1', outlet: 'Beta' }]);
  assert.equal(drawn(runs), 'Fans <b-1|🎉 cheered.>');
});
