import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { carriersText, firstCarrier, fold, glanceShown, glanceView, whoPrints } from '../../src/data/glance-view.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { StoryComparison } from '../../src/pipeline/types.ts';
import { readStory } from '../helpers/read-fixture-story.ts';

const vectors = loadWordVectors();
const fixtures = new URL('../fixtures/glance/', import.meta.url);
const compareFixture = (name: string) =>
  compareStory(readStory(new URL(`${name}/`, fixtures), { slug: name, title: name, summary: name, date: '2025-03-04' }), { vectors });
const claimText = (story: StoryComparison, href: string) =>
  story.reports.flatMap((report) => report.claims).find((claim) => href.endsWith(`#${claim.id}`))?.text;

const agencyCopy = compareFixture('agency-copy');
const tenReports = compareFixture('ten-reports');
const timed = compareFixture('published-times');

describe('the story at a glance, in words', () => {
  test('who carries an agreed claim is said as all of them, or so many of so many, and a shared copy is counted once', () => {
    assert.equal(carriersText(2, 2, 2), 'both reports');
    assert.equal(carriersText(3, 3, 3), 'all 3 reports');
    assert.equal(carriersText(5, 6, 5), '5 of 6 reports');
    assert.equal(carriersText(2, 3, 1), '2 of 3 reports, one shared copy');
    assert.equal(carriersText(3, 3, 2), 'all 3 reports, 2 independently');
  });

  test('an agreed line gives the wording of the claim the data names and links to that claim', () => {
    const view = glanceView(agencyCopy);
    const lines = [...view.agreed.shown, ...view.agreed.rest];
    assert.equal(lines.length, agencyCopy.glance.agreed.length);
    lines.forEach((line, index) => {
      const claim = agencyCopy.glance.agreed[index]!.claim;
      assert.ok(line.href.endsWith(`#${claim}`), line.href);
      assert.equal(claimText(agencyCopy, line.href), line.text);
    });
    const strike = lines.find((line) => /crossings/.test(line.text));
    assert.equal(strike?.carriers, 'all 3 reports, 2 independently');
  });

  test('a disputed point gives every version with its outlets, labelled by what differs', () => {
    const [point] = glanceView(agencyCopy).disputed.shown;
    assert.equal(point!.label, 'Numbers differ');
    assert.deepEqual(
      point!.versions.map(({ text, outlets }) => [text, outlets]),
      [['twelve', ['Coastal Courier', 'Valley Herald']], ['ten', ['Northern Standard']]],
    );
    assert.match(point!.about, /crossings/);
    assert.ok(point!.versions.every((version) => claimText(agencyCopy, version.href)?.includes(version.text)));
  });

  test('each outlet saying something alone is counted, linking to the first such claim', () => {
    const view = glanceView(agencyCopy);
    const courier = [...view.unique.shown, ...view.unique.rest].find((line) => line.outlet === 'Coastal Courier')!;
    assert.match(courier.count, /^\d+ claims?$/);
    assert.match(claimText(agencyCopy, courier.href)!, /bread/);
  });

  test('a shared copy names its outlets, how many sentences they print alike, and who credits the agency', () => {
    assert.deepEqual(glanceView(agencyCopy).sharedCopy.shown, [
      'Coastal Courier and Valley Herald print the same 4 sentences word for word; Coastal Courier credits PTI',
    ]);
    assert.deepEqual(glanceView(tenReports).sharedCopy, { shown: [], rest: [] });
  });

  test('every line links to its claim on the story page, whichever report it is in', () => {
    const view = glanceView(tenReports);
    const ids = new Set(tenReports.reports.flatMap((report) => report.claims.map((claim) => claim.id)));
    const lines = [...view.unique.shown, ...view.unique.rest];
    assert.ok(lines.length > 2, 'the ten-report fixture should have claims in one report only beyond the first pair');
    for (const line of lines) {
      assert.match(line.href, /^#/);
      assert.ok(ids.has(line.href.slice(1)), `${line.href} names no claim`);
    }
  });

  test('long lists show their first lines and fold the rest, never folding a single line', () => {
    assert.deepEqual(fold([1, 2, 3, 4], 3), { shown: [1, 2, 3, 4], rest: [] });
    assert.deepEqual(fold([1, 2, 3, 4, 5], 3), { shown: [1, 2, 3], rest: [4, 5] });
    const view = glanceView(tenReports);
    assert.equal(view.unique.shown.length, glanceShown.unique);
    assert.equal(view.unique.shown.length + view.unique.rest.length, 10);
  });
});

describe('publication times at a glance', () => {
  test('reports are ordered by the moment they came out, though the first is dated a day later as written', () => {
    assert.deepEqual(timed.reports.map((report) => [report.slug, report.published.toISOString().slice(0, 10)]), [
      ['lakeside-daily', '2024-06-14'],
      ['hill-tribune', '2024-06-13'],
      ['metro-wire', '2024-06-14'],
    ]);
    assert.deepEqual(timed.groups.find((group) => group.reports.length === 3)?.reports, ['lakeside-daily', 'hill-tribune', 'metro-wire']);
  });

  test('an agreed line says which report carried it first, by its own clock, with the zone when the carriers’ zones differ', () => {
    const [line] = glanceView(timed).agreed.shown;
    assert.deepEqual(line!.first, { outlet: 'Lakeside Daily', when: '14 June 2024, 01:10 UTC+05:30', datetime: '2024-06-14T01:10:00+05:30' });
  });

  test('who came first is said only when every carrier gives its moment', () => {
    const [a, b] = timed.reports;
    assert.equal(firstCarrier([a!, { ...b!, publishedTime: undefined }]), undefined);
    assert.equal(firstCarrier([a!]), undefined);
    const sameZone = (report: typeof a, text: string) => ({ ...report!, publishedTime: { moment: Date.parse(text), text } });
    assert.deepEqual(firstCarrier([sameZone(b, '2024-06-14T09:30:00+02:00'), sameZone(a, '2024-06-14T08:45:00+02:00')]), {
      outlet: a!.outlet,
      when: '08:45',
      datetime: '2024-06-14T08:45:00+02:00',
    });
    assert.equal(glanceView(agencyCopy).agreed.shown[0]!.first, undefined);
  });
});

test('a shared copy most of a story’s outlets run is said by the reports that do not run it', () => {
  const outlets = (...names: string[]) => names.map((outlet) => ({ outlet }));
  const all = outlets('A', 'B', 'C', 'D', 'E', 'F');
  assert.equal(whoPrints(all.slice(0, 2), all), 'A and B');
  assert.equal(whoPrints(all.slice(0, 3), all), 'A, B and C');
  assert.equal(whoPrints(all.slice(0, 5), all), '5 of the 6 reports (all but F)');
  assert.equal(whoPrints(all, all), 'All 6 reports');
  const eight = outlets('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H');
  assert.equal(whoPrints(eight.slice(0, 4), eight), 'A, B, C and D');
});
