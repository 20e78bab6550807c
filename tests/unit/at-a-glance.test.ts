import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';
import type { StoryComparison } from '../../src/pipeline/types.ts';
import { readStory } from '../helpers/read-fixture-story.ts';

const vectors = loadWordVectors();
const fixtures = new URL('../fixtures/glance/', import.meta.url);
const compareFixture = (name: string) =>
  compareStory(readStory(new URL(`${name}/`, fixtures), { slug: name, title: name, summary: name, date: '2025-03-04' }), { vectors });
const textOf = (comparison: StoryComparison, id: string) =>
  comparison.reports.flatMap((report) => report.claims).find((claim) => claim.id === id)!.text;

const agencyCopy = compareFixture('agency-copy');
const tenReports = compareFixture('ten-reports');

test('two outlets running one agency text are one shared copy, credited with the agency one of them names', () => {
  assert.equal(agencyCopy.sharedCopy.length, 1);
  const [copy] = agencyCopy.sharedCopy;
  assert.deepEqual(copy!.reports, ['coastal-courier', 'valley-herald']);
  assert.equal(copy!.credit, 'PTI');
  // The four sentences of the agency text, in both reports; not the sentences each outlet added.
  assert.equal(copy!.claims.length, 8);
  assert.ok(copy!.claims.every((id) => !/bread|school trip|without ferries/.test(textOf(agencyCopy, id))));
});

test('a claim carried by an agency copy and by one independent report counts two independent carriers', () => {
  const strike = agencyCopy.glance.agreed.find((line) => /twelve|ten/.test(textOf(agencyCopy, line.claim)));
  assert.ok(strike, 'the crossings claim is agreed');
  assert.deepEqual(strike.reports, ['coastal-courier', 'valley-herald', 'northern-standard']);
  assert.equal(strike.independent, 2);
});

test('a number the reports give differently is disputed, each version with the reports that give it', () => {
  assert.deepEqual(
    agencyCopy.glance.disputed.map((point) => ({ kind: point.kind, versions: point.versions.map((v) => [v.text, v.reports]) })),
    [{ kind: 'number', versions: [['twelve', ['coastal-courier', 'valley-herald']], ['ten', ['northern-standard']]] }],
  );
});

test('reports that disagree on two numbers of one fact give two disputed points, never one count set against another', () => {
  const story = compareFixture('two-disagreements');
  assert.equal(story.groups.filter((group) => group.reports.length === 3).length, 1, 'the three reports carry the sinking in one group');
  assert.deepEqual(
    story.glance.disputed.map((point) => point.versions.map((v) => [v.text, v.reports])),
    [
      [['120', ['harbour-times']], ['135', ['island-post']]],
      [['at least 9', ['harbour-times']], ['At least 11', ['western-wire']]],
    ],
  );
});

test('what only one report says is counted per report, pointing at its first such claim', () => {
  const courier = agencyCopy.glance.unique.find((line) => line.report === 'coastal-courier')!;
  assert.match(textOf(agencyCopy, courier.first!), /bread/);
  assert.deepEqual(agencyCopy.glance.unique.map((line) => line.report), agencyCopy.reports.map((report) => report.slug));
});

test('of ten reports, the claim all ten carry comes first, then one seven carry, each in its shortest wording', () => {
  const [all, most, ...rest] = tenReports.glance.agreed;
  assert.equal(all!.reports.length, 10);
  assert.equal(all!.independent, 10);
  const wordings = tenReports.groups.find((group) => group.id === all!.group)!.claimIds.map((id) => textOf(tenReports, id));
  const words = (text: string) => text.split(' ').length;
  assert.equal(words(textOf(tenReports, all!.claim)), Math.min(...wordings.map(words)));
  assert.equal(most!.reports.length, 7);
  assert.deepEqual(rest, []);
  // Every report adds one sentence of its own.
  assert.ok(tenReports.glance.unique.every((line) => line.count === 1));
  const [point] = tenReports.glance.disputed;
  assert.deepEqual(point!.versions.map((v) => [v.text, v.reports.length]), [['75,000', 1], ['80,000', 6]]);
});

test('ten reports in their own words share no copy, so every carrier counts', () => {
  assert.deepEqual(tenReports.sharedCopy, []);
  assert.ok(tenReports.glance.agreed.every((line) => line.independent === line.reports.length));
});
