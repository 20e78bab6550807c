import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { overviewLinks, overviewSegments } from '../../src/data/overview.ts';
import { breakdownParts, reportBreakdown } from '../../src/data/report-breakdown.ts';
import type { ReportPair } from '../../src/data/story-view.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';
import { handMadeStory } from '../helpers/hand-made-story.ts';
import type { Claim, ClaimLink, Conflict, MatchKind, ReportComparison } from '../../src/pipeline/types.ts';

/** A claim of report `slug`, its links given as [counterpart id, counterpart report, kind, conflicts]. */
function claim(slug: string, index: number, text: string, links: [string, string, MatchKind, Conflict[]?][] = [], repeatOf?: string): Claim {
  const full: ClaimLink[] = links.map(([id, reportSlug, kind, conflicts = []]) => ({
    claim: id,
    reportSlug,
    score: 0.9,
    kind,
    conflicts,
    segments: [{ text, shared: true }],
  }));
  return {
    id: `${slug}-${index}`,
    reportSlug: slug,
    index,
    text,
    segments: [{ text, shared: full.length > 0 }],
    counterparts: full.map((link) => link.claim),
    links: full,
    ...(repeatOf && { repeatOf }),
  };
}

function report(slug: string, outlet: string, claims: Claim[]): ReportComparison {
  const shared = claims.filter((c) => c.counterparts.length > 0).length;
  return {
    slug,
    outlet,
    title: `${outlet} report`,
    url: `https://example.org/${slug}`,
    published: new Date('2024-01-01'),
    lang: 'en',
    blocks: [{ type: 'paragraph', claimIds: claims.map((c) => c.id) }],
    claims,
    stats: { words: 0, sharedWords: 0, claims: claims.length, sharedClaims: shared, uniqueClaims: claims.length - shared },
  };
}

const numberConflict: Conflict = { kind: 'number', a: '12', b: '15' };

// Report a: five claims covering every status against b; c is a third report of the story.
const a = report('a', 'Alpha Times', [
  claim('a', 0, 'One two three four five six.', [['b-0', 'b', 'verbatim']]),
  claim('a', 1, 'Twelve people were hurt.', [['b-1', 'b', 'edited', [numberConflict]]]),
  claim('a', 2, 'Only alpha says this.'),
  claim('a', 3, 'Said elsewhere but not by beta.', [['c-0', 'c', 'paraphrase']]),
  claim('a', 4, 'One two three four five six.', [['b-0', 'b', 'verbatim']], 'a-0'),
]);
const b = report('b', 'Beta News', [
  claim('b', 0, 'One two three four five six.', [['a-0', 'a', 'verbatim'], ['a-4', 'a', 'verbatim']]),
  claim('b', 1, 'Fifteen people were hurt, police said.', [['a-1', 'a', 'edited', [{ kind: 'number', a: '15', b: '12' }]]]),
  claim('b', 2, 'Words in paraphrase.', [['c-1', 'c', 'paraphrase']]),
]);
const pair: ReportPair = [a, b];

describe('overviewSegments', () => {
  const [first, second] = overviewSegments(pair);

  test('gives one track per report of the pair, in the pair order, with one segment per claim in reading order', () => {
    assert.equal(first.reportSlug, 'a');
    assert.equal(second.reportSlug, 'b');
    assert.deepEqual(first.segments.map((s) => s.claimId), ['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    assert.deepEqual(second.segments.map((s) => s.claimId), ['b-0', 'b-1', 'b-2']);
  });

  test('reads claims in reading order even when the report lists them otherwise', () => {
    const shuffled = report('a', 'Alpha Times', [...a.claims].reverse());
    const [track] = overviewSegments([shuffled, b]);
    assert.deepEqual(track.segments.map((s) => s.claimId), ['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
  });

  test('sizes each segment by its words, so a track fills 100% without gaps or overlaps', () => {
    for (const track of [first, second]) {
      let end = 0;
      for (const segment of track.segments) {
        assert.ok(Math.abs(segment.offset - end) < 1e-9, `${segment.claimId} does not start where the last one ended`);
        end = segment.offset + segment.size;
      }
      assert.ok(Math.abs(end - 100) < 1e-9);
    }
    // Six words against four: the longer claim gets the taller segment, in proportion.
    const [six, four] = first.segments;
    assert.deepEqual([six!.words, four!.words], [6, 4]);
    assert.ok(Math.abs(six!.size / four!.size - 6 / 4) < 1e-9);
  });

  test('colours each claim by how it stands against the other report of the pair only', () => {
    assert.deepEqual(
      first.segments.map((s) => s.status),
      ['verbatim', 'conflict', 'only', 'only', 'repeat'],
    );
    // b-2 is shared with c, which is not on the page: against a it is only in b.
    assert.deepEqual(second.segments.map((s) => s.status), ['verbatim', 'conflict', 'only']);
  });

  test('labels a segment with its outlet, its place and its status in words', () => {
    assert.deepEqual(
      first.segments.map((s) => s.label),
      [
        'Alpha Times, claim 1 of 5: shared with Beta News, verbatim',
        'Alpha Times, claim 2 of 5: in conflict with Beta News: numbers differ',
        'Alpha Times, claim 3 of 5: only in Alpha Times',
        'Alpha Times, claim 4 of 5: not in Beta News',
        'Alpha Times, claim 5 of 5: repeats claim 1',
      ],
    );
  });

  test('links every segment to its claim on the page', () => {
    assert.deepEqual(second.segments.map((s) => s.href), ['#b-0', '#b-1', '#b-2']);
  });

  test('keeps a claim of no words visible on its track', () => {
    const figures = report('a', 'Alpha Times', [claim('a', 0, '—'), claim('a', 1, 'Some words here.')]);
    const [track] = overviewSegments([figures, b]);
    assert.ok(track.segments[0]!.size > 0);
  });
});

describe('overviewLinks', () => {
  test('draws one line per match between the pair, from the first track to the second, leaving repeats out', () => {
    const links = overviewLinks(pair, overviewSegments(pair));
    assert.deepEqual(
      links.map((l) => [l.from, l.to, l.conflict]),
      [
        ['a-0', 'b-0', false],
        ['a-1', 'b-1', true],
      ],
    );
    const [track] = overviewSegments(pair);
    const middle = track.segments[0]!.offset + track.segments[0]!.size / 2;
    assert.equal(links[0]!.fromY, middle);
  });
});

describe('reportBreakdown', () => {
  test('splits a report by how all the other reports carry its claims, agreeing with its written figures', () => {
    const breakdown = reportBreakdown(a);
    const counts = Object.fromEntries(breakdown.slices.map((s) => [s.part, s.claims]));
    assert.deepEqual(counts, { verbatim: 2, edited: 0, paraphrase: 1, part: 0, conflict: 1, only: 1 });
    const shared = breakdown.slices.filter((s) => s.part !== 'only').reduce((n, s) => n + s.claims, 0);
    assert.equal(shared, a.stats.sharedClaims);
    assert.equal(counts.only, a.stats.uniqueClaims);
  });

  test('stacks the parts in a fixed order, widths in percent of the claims', () => {
    const breakdown = reportBreakdown(a);
    assert.deepEqual(breakdown.slices.map((s) => s.part), breakdownParts);
    assert.deepEqual(breakdown.slices.map((s) => [s.offset, s.size]), [[0, 40], [40, 0], [40, 20], [60, 0], [60, 20], [80, 20]]);
  });

  test('says the figure in words, leaving out empty parts', () => {
    assert.equal(reportBreakdown(a).label, 'Alpha Times: 5 claims, 2 shared verbatim, 1 shared in paraphrase, 1 in conflict, 1 only here');
  });

  test('draws nothing for a report without claims rather than dividing by zero', () => {
    const empty = reportBreakdown(report('e', 'Empty', []));
    assert.ok(empty.slices.every((s) => s.size === 0 && s.offset === 0));
    assert.equal(empty.label, 'Empty: 0 claims');
  });
});

describe('part and possible matches on the overview and the figure', () => {
  const story = handMadeStory(
    [
      { slug: 'a', outlet: 'Alpha Times', claims: ['The dam burst at dawn and flooded two villages.', 'Rescuers arrived by noon.'] },
      { slug: 'b', outlet: 'Beta News', claims: ['The dam burst at dawn.', 'Help came around midday.'] },
    ],
    [
      { claims: ['a-0', 'b-0'], kind: 'part', part: { claim: 'a-0', words: 'The dam burst at dawn' } },
      { claims: ['a-1', 'b-1'], kind: 'paraphrase', score: CONFIDENT_MATCH - 0.2 },
    ],
  );
  const [alpha, beta] = story.reports as [ReportComparison, ReportComparison];
  const [first, second] = overviewSegments([alpha, beta]);

  test('a claim said within a longer sentence of the other report is coloured and labelled as a part, on both tracks', () => {
    assert.equal(first.segments[0]!.status, 'part');
    assert.equal(second.segments[0]!.status, 'part');
    assert.equal(first.segments[0]!.label, 'Alpha Times, claim 1 of 2: shared with Beta News, part');
  });

  test('a claim tied to the other report by a possible match only says so in its label', () => {
    assert.equal(second.segments[1]!.label, 'Beta News, claim 2 of 2: shared with Alpha Times, paraphrase (possible match)');
  });

  test('the drawn figure counts part matches apart from paraphrases', () => {
    const breakdown = reportBreakdown(alpha);
    assert.equal(breakdown.slices.find((s) => s.part === 'part')?.claims, 1);
    assert.equal(breakdown.label, 'Alpha Times: 2 claims, 1 shared in paraphrase, 1 shared as part of a sentence');
  });

  test('a claim with a paraphrase and a part match counts by the closer wording, the paraphrase', () => {
    const both = handMadeStory(
      [
        { slug: 'a', outlet: 'A', claims: ['The dam burst at dawn.'] },
        { slug: 'b', outlet: 'B', claims: ['The dam burst at dawn, flooding two villages.'] },
        { slug: 'c', outlet: 'C', claims: ['At first light the dam gave way.'] },
      ],
      [
        { claims: ['a-0', 'b-0'], kind: 'part', part: { claim: 'b-0', words: 'The dam burst at dawn' } },
        { claims: ['a-0', 'c-0'], kind: 'paraphrase' },
      ],
    );
    assert.equal(reportBreakdown(both.reports[0]!).slices.find((s) => s.claims > 0)?.part, 'paraphrase');
  });
});

test('the overview of a compared story covers every claim of both reports and agrees with the columns', () => {
  const story = compareStory({
    slug: 'test',
    title: 'Test',
    summary: 'Test.',
    date: new Date('2024-01-01'),
    reports: [
      {
        slug: 'first', outlet: 'First', title: 'First', url: 'https://example.org/1', published: new Date('2024-01-01'), lang: 'en', source: 'first.md',
        body: 'The bridge over the river closed on Monday after engineers found cracks.\n\nThe mayor has promised a review.\n',
      },
      {
        slug: 'second', outlet: 'Second', title: 'Second', url: 'https://example.org/2', published: new Date('2024-01-02'), lang: 'en', source: 'second.md',
        body: 'Local cafés reported fewer customers.\n\nThe bridge over the river closed on Monday after engineers found cracks.\n',
      },
    ],
  });
  const [first, second] = story.reports as [ReportComparison, ReportComparison];
  const tracks = overviewSegments([first, second]);
  assert.deepEqual(tracks[0].segments.map((s) => s.claimId), first.claims.map((c) => c.id));
  assert.deepEqual(tracks[1].segments.map((s) => s.claimId), second.claims.map((c) => c.id));
  for (const [track, rep] of [[tracks[0], first], [tracks[1], second]] as const) {
    for (const segment of track.segments) {
      const shown = rep.claims.find((c) => c.id === segment.claimId)!;
      assert.equal(segment.status === 'only', shown.counterparts.length === 0, `${segment.claimId}: ${segment.status}`);
    }
  }
  assert.equal(overviewLinks([first, second], tracks).length, 1);
});
