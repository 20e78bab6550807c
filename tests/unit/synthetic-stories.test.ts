import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { msrpBackground, writeSyntheticStories } from '../../scripts/generate-stories.ts';
import { syntheticStory } from '../../scripts/synthetic-stories.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { ReportInput } from '../../src/pipeline/types.ts';

const background = msrpBackground();
const stories = Array.from({ length: 40 }, (_, index) => syntheticStory(7, index, background));

test('the same seed and index give the same story, and other indexes other stories', () => {
  assert.deepEqual(syntheticStory(7, 3, background), stories[3]);
  assert.equal(new Set(stories.map((story) => story.slug)).size, stories.length);
  assert.notDeepEqual(syntheticStory(8, 3, background).reports, stories[3]!.reports);
});

test('every story has 2 to 5 reports of 300 to 1,500 words, with distinct file names', () => {
  for (const story of stories) {
    assert.ok(story.reports.length >= 2 && story.reports.length <= 5, story.slug);
    assert.equal(new Set(story.reports.map((report) => report.slug)).size, story.reports.length);
    for (const report of story.reports) assert.ok(report.words >= 300 && report.words <= 1500, `${story.slug}/${report.slug}: ${report.words}`);
  }
});

test('the reports of a story overlap as coverage does: matches, unique claims and some conflicts', () => {
  let matches = 0;
  let unique = 0;
  let conflicts = 0;
  for (const story of stories.slice(0, 10)) {
    const reports = story.reports.map((report): ReportInput => {
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(report.markdown) ?? [];
      const field = (name: string) => new RegExp(`^${name}: "?(.*?)"?$`, 'm').exec(front)?.[1] ?? '';
      return { slug: report.slug, outlet: field('outlet'), title: field('title'), url: field('url'), published: new Date(field('published')), lang: 'en', body, source: report.slug };
    });
    const compared = compareStory({ slug: story.slug, title: story.slug, summary: '', date: new Date(), reports });
    matches += compared.stats.matches;
    unique += compared.stats.uniqueClaims;
    conflicts += compared.matches.filter((match) => match.conflicts.length > 0).length;
  }
  assert.ok(matches > 50, `${matches} matches`);
  assert.ok(unique > 100, `${unique} unique claims`);
  assert.ok(conflicts > 0, 'no conflicts');
});

test('a story asked for ten reports has ten outlets, each report 300 to 1,500 words, and the rest drawn as without', () => {
  const wide = syntheticStory(7, 3, background, { reports: 10 });
  assert.equal(wide.reports.length, 10);
  assert.equal(new Set(wide.reports.map((report) => report.outlet)).size, 10);
  for (const report of wide.reports) assert.ok(report.words >= 300 && report.words <= 1500, `${report.slug}: ${report.words}`);
  assert.equal(wide.title, stories[3]!.title);
  assert.throws(() => syntheticStory(7, 3, background, { reports: 11 }), /2 to 10 reports/);
});

test('the bench corpus written to disk has a story of ten reports, so its largest page is measured', () => {
  const folder = mkdtempSync(join(tmpdir(), 'crossread-synthetic-'));
  try {
    writeSyntheticStories(folder, 3, 7);
    const reportFiles = readdirSync(folder).sort().map((story) => readdirSync(join(folder, story)).filter((name) => name.endsWith('.md')).length);
    assert.deepEqual(reportFiles.map((count) => count === 10), [true, false, false]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
