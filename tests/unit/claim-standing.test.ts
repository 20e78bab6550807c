import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carryingReports, claimStanding, closestKind, type StandingLink } from '../../src/pipeline/claim-standing.ts';
import { compareStory, MAX_ALIGNED_COPIES } from '../../src/pipeline/compare-story.ts';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';
import type { ReportInput } from '../../src/pipeline/types.ts';
import { overviewSegments } from '../../src/data/overview.ts';
import { reportBreakdown } from '../../src/data/report-breakdown.ts';
import { claimInView, firstPair, indexClaims, slugsOf } from '../../src/data/story-view.ts';
import { publishedComparison } from '../../src/data/comparison-json.ts';
import { searchRecords } from '../../src/data/search-records.ts';
import { readClaimNotes } from '../../src/scripts/search-claim-notes.ts';

const link = (claim: string, reportSlug: string, kind: StandingLink['kind'], score = 0.95, conflicts: StandingLink['conflicts'] = []): StandingLink => ({
  claim, reportSlug, kind, score, conflicts,
});

test('a claim stands shared by its closest wording, in conflict when a match disagrees, possible when every match is weak', () => {
  const none = () => undefined;
  const claim = { id: 'a-1', links: [link('b-1', 'b', 'paraphrase', 0.7), link('c-2', 'c', 'edited', 0.75, [{ kind: 'number' }])] };
  const all = claimStanding(claim, none);
  assert.deepEqual([all.sharing, all.kind, all.conflict, all.possible], ['shared', 'edited', true, true]);
  const againstB = claimStanding(claim, none, (l) => l.reportSlug === 'b');
  assert.deepEqual([againstB.sharing, againstB.kind, againstB.conflict], ['shared', 'paraphrase', false]);
  assert.equal(claimStanding({ ...claim, links: [...claim.links, link('d-1', 'd', 'part', CONFIDENT_MATCH)] }, none).possible, false);
  assert.equal(claimStanding(claim, none, (l) => l.reportSlug === 'd').sharing, 'absent', 'carried, but not by the reports measured');
  assert.equal(claimStanding({ id: 'a-2', links: [] }, none).sharing, 'only');
  assert.deepEqual(carryingReports(all, ['d', 'c', 'b']), ['c', 'b']);
  assert.equal(closestKind(['part', 'paraphrase']), 'paraphrase');
});

test('every copy of a sentence a report prints again stands as its first copy, in every view', () => {
  const repeated = 'The harbour bridge will stay shut until the inspectors sign it off.';
  const copies = MAX_ALIGNED_COPIES + 2;
  const body = Array.from({ length: copies }, (_, i) => `Update ${i + 1} followed the storm at dawn today. ${repeated}`).join('\n\n');
  const report = (slug: string, text: string): ReportInput => ({
    slug, outlet: `${slug} News`, title: slug, url: `https://example.org/${slug}`, published: new Date('2024-03-01'),
    lang: 'en', body: text, source: `content/stories/s/${slug}.md`,
  });
  const story = compareStory(
    { slug: 's', title: 'S', summary: 'S.', date: new Date('2024-03-01'), reports: [report('alpha', body), report('beta', `Officials said the harbour bridge will stay shut until inspectors sign it off. Ferries run instead.`)] },
    { vectors: loadWordVectors() },
  );
  const alpha = story.reports.find((r) => r.slug === 'alpha')!;
  const copiesOf = alpha.claims.filter((claim) => claim.text === repeated);
  assert.equal(copiesOf.length, copies);
  const last = copiesOf.at(-1)!;
  assert.ok(last.repeatOf && last.links.length === 0, 'the last copy is a repeat the pipeline did not align again');
  assert.ok(copiesOf[0]!.links.length > 0, 'the sentence is matched in the other report');

  const claims = indexClaims(story);
  const inView = claimInView({ claim: last, report: alpha, story, claims, shown: slugsOf(story.reports) });
  assert.equal(inView.status, 'shared', 'the page does not call it "only in" its report');
  assert.equal(inView.standing.sharing, 'shared');
  const breakdown = reportBreakdown(alpha);
  const only = breakdown.slices.find((slice) => slice.part === 'only')!.claims;
  assert.equal(only, alpha.stats.uniqueClaims, 'the figure and the written figures count alike');
  assert.equal(alpha.stats.sharedClaims, copies, 'every copy counts as shared');
  const [track] = overviewSegments(firstPair(story));
  assert.equal(track.segments.find((segment) => segment.claimId === last.id)?.status, 'repeat');
  const record = searchRecords(publishedComparison(story, 'https://crossread.example/')).find((r) => r.content.includes(`id="${last.id}"`))!;
  const meta = Object.fromEntries([...record.content.matchAll(/<meta data-pagefind-meta="(\w+)\[content\]" content="([^"]*)">/g)].map(([, k, v]) => [k!, v!.replaceAll('&quot;', '"')]));
  const note = readClaimNotes(meta)[alpha.claims.indexOf(last)];
  assert.deepEqual(note?.others, ['beta News'], 'search names the report that carries the sentence');
});
