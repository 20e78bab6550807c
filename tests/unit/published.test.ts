import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStories } from '../../src/build/check-stories.ts';
import { byPublication, firstPublished, type Publication } from '../../src/pipeline/publication-order.ts';
import type { ReportInput } from '../../src/pipeline/types.ts';
import { readPublished } from '../../src/schemas/published.ts';
import { reportSchema } from '../../src/schemas/report.ts';

const frontmatter = { title: 'Tram line opens', outlet: 'Riverside Post', url: 'https://post.example/tram' };
const parse = (published: unknown) => reportSchema.safeParse({ ...frontmatter, published });

describe('a report’s published value', () => {
  test('a day is read as that day, with no moment', () => {
    const result = parse('2021-09-10');
    assert.ok(result.success);
    assert.deepEqual(result.data.published, { day: new Date('2021-09-10T00:00:00Z') });
  });

  test('a date-time with a zone keeps the day as written and the moment it names', () => {
    const result = parse('2021-09-10T14:05:00+05:30');
    assert.ok(result.success);
    assert.deepEqual(result.data.published, {
      day: new Date('2021-09-10T00:00:00Z'),
      time: { moment: Date.parse('2021-09-10T08:35:00Z'), text: '2021-09-10T14:05:00+05:30' },
    });
  });

  test('a moment early in the outlet’s day keeps that day, though it is the day before in UTC', () => {
    const read = readPublished('2021-09-10T01:00+05:30');
    assert.ok('day' in read);
    assert.equal(read.day.toISOString().slice(0, 10), '2021-09-10');
    assert.equal(new Date(read.time!.moment).toISOString(), '2021-09-09T19:30:00.000Z');
    assert.equal(read.time!.text, '2021-09-10T01:00:00+05:30');
  });

  test('UTC written as Z, and offsets written without a colon, are read and spelt in full', () => {
    assert.deepEqual(readPublished('2021-09-10T08:35Z'), {
      day: new Date('2021-09-10T00:00:00Z'),
      time: { moment: Date.parse('2021-09-10T08:35:00Z'), text: '2021-09-10T08:35:00Z' },
    });
    const read = readPublished('2021-09-09T22:00:00-0400');
    assert.ok('time' in read);
    assert.equal(read.time!.text, '2021-09-09T22:00:00-04:00');
    assert.equal(new Date(read.time!.moment).toISOString(), '2021-09-10T02:00:00.000Z');
  });

  test('a date-time without a time zone is refused, saying the zone is missing and how to write one', () => {
    const result = parse('2021-09-10T14:05:00');
    assert.equal(result.success, false);
    const [issue] = result.error!.issues;
    assert.deepEqual(issue!.path, ['published']);
    assert.match(issue!.message, /^published 2021-09-10T14:05:00 has no time zone/);
    assert.match(issue!.message, /2021-09-10T14:05:00\+05:30, or Z for UTC\), or write the day alone \(2021-09-10\)/);
  });

  test('nonsense, an impossible day or an impossible clock is refused with the rule and the value', () => {
    for (const [value, problem] of [
      ['next tuesday', /published must say when the report came out: write the day .* not "next tuesday"/],
      ['2021-02-30T10:00Z', /published 2021-02-30 is not a real day/],
      ['2021-09-10T25:10Z', /published 2021-09-10T25:10Z is not a real time of day/],
      ['2021-09-10T10:10+31:00', /no real time zone/],
    ] as const) {
      const result = parse(value);
      assert.equal(result.success, false, `${value} was accepted`);
      assert.match(result.error!.issues[0]!.message, problem);
    }
  });

  test('an unquoted date-time without a zone, which YAML reads as UTC, is named with its file', () => {
    const report = (slug: string): ReportInput => ({
      slug,
      outlet: slug,
      title: 'Tram line opens',
      url: `https://${slug}.example/tram`,
      published: new Date('2021-09-10'),
      lang: 'en',
      body: 'The tram line opened on Friday.',
      source: `content/stories/tram/${slug}.md`,
    });
    const reports = [report('post'), report('gazette')];
    const written = new Map([['post', '2021-09-10T14:05:00'], ['gazette', '2021-09-10T09:00:00Z']]);
    const files = new Map(reports.map((r) => [r.source, `---\ntitle: x\npublished: ${written.get(r.slug)}\n---\n\n${r.body}\n`]));
    const problems = checkStories([{ slug: 'tram', title: 'Tram', summary: 'Tram.', date: new Date('2021-09-10'), reports }], {
      readText: (file) => files.get(file),
      readBodies: false,
    });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, 'content/stories/tram/post.md');
    assert.match(problems[0]!.message, /published 2021-09-10T14:05:00 has no time zone/);
  });
});

describe('the order of publication', () => {
  const at = (text: string): Publication => {
    const read = readPublished(text);
    assert.ok('day' in read);
    return { published: read.day, ...(read.time && { publishedTime: read.time }) };
  };

  test('two reports with moments are ordered by moment, though the later one is written a day earlier', () => {
    // 01:00 in India is 19:30 UTC the day before; 22:00 in New York is 02:00 UTC the day after.
    const india = at('2021-09-10T01:00:00+05:30');
    const newYork = at('2021-09-09T22:00:00-04:00');
    assert.ok(byPublication(india, newYork) < 0);
    assert.ok(byPublication(newYork, india) > 0);
  });

  test('a report with a day alone is ordered by day against any other, and ties with one of its own day', () => {
    assert.ok(byPublication(at('2021-09-09'), at('2021-09-10T00:30:00Z')) < 0);
    assert.equal(byPublication(at('2021-09-10'), at('2021-09-10T23:30:00Z')), 0);
    assert.equal(byPublication(at('2021-09-10'), at('2021-09-10')), 0);
  });

  test('the first to come out is known only when every report gives its moment', () => {
    const early = { ...at('2021-09-10T09:00:00+01:00'), name: 'early' };
    const late = { ...at('2021-09-10T08:30:00Z'), name: 'late' };
    assert.equal(firstPublished([late, early])?.name, 'early');
    assert.equal(firstPublished([late, early, { ...at('2021-09-09'), name: 'day' }]), undefined);
    assert.equal(firstPublished([]), undefined);
  });
});
