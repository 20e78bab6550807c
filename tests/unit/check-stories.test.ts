import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStories, longReport, storyWarnings, type ContentProblem } from '../../src/build/check-stories.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { maxReports } from '../../src/pipeline/story-rules.ts';
import type { ReportInput, StoryInput } from '../../src/pipeline/types.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { storySchema } from '../../src/schemas/story.ts';
import { withLittleStack } from '../helpers/little-stack.ts';

const shared = [
  'The harbour bridge in Lindenport reopened on Tuesday after eleven months of repairs.',
  'The city council said the repairs cost 4.2 million euros.',
  'Traffic was light on the first morning.',
];

function report(slug: string, body: string, published = '2024-03-05'): ReportInput {
  return {
    slug,
    outlet: slug.replace(/-/g, ' '),
    title: `${slug} reports`,
    url: `https://${slug}.example/bridge`,
    published: new Date(published),
    lang: 'en',
    body,
    source: `content/stories/bridge/${slug}.md`,
  };
}

function story(reports: ReportInput[], slug = 'bridge'): StoryInput {
  return { slug, title: 'Bridge reopens', summary: 'The bridge reopened.', date: new Date('2024-03-05'), reports };
}

const courier = () => report('courier', `${shared.join(' ')}\n\nCyclists welcomed the new lanes.`);
const radio = () => report('port-radio', `${shared.join(' ')}\n\nThe mayor cut a ribbon at nine.`);

/** The report file as the build reads it: frontmatter with `published` written as given, then the body. */
function fileText(input: ReportInput, published = '2024-03-05'): string {
  return `---\ntitle: ${input.title}\noutlet: ${input.outlet}\nurl: ${input.url}\npublished: ${published}\n---\n\n${input.body}\n`;
}

function only(problems: ContentProblem[]): ContentProblem {
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 2)}`);
  return problems[0]!;
}

describe('checkStories', () => {
  test('a story of two ordinary reports has no problem', () => {
    const good = story([courier(), radio()]);
    const files = new Map(good.reports.map((r) => [r.source, fileText(r)]));
    files.set('content/stories/bridge/story.yaml', 'title: Bridge reopens\nsummary: The bridge reopened.\ndate: 2024-03-05\n');
    assert.deepEqual(checkStories([good], { readText: (file) => files.get(file) }), []);
  });

  test('an empty report is named, with the advice to paste its text below the frontmatter', () => {
    const problem = only(checkStories([story([courier(), report('gazette', '\n\n')])]));
    assert.equal(problem.file, 'content/stories/bridge/gazette.md');
    assert.match(problem.message, /no sentence/);
    assert.match(problem.message, /paste the report's text below the frontmatter/);
  });

  test('a report of headings, markup and scripts only counts as empty', () => {
    const body = '# Bridge reopens\n\n<script>track("The bridge reopened on Tuesday.")</script>\n\n---\n\n![](photo.jpg)\n';
    const problem = only(checkStories([story([courier(), report('gazette', body)])]));
    assert.equal(problem.file, 'content/stories/bridge/gazette.md');
    assert.match(problem.message, /paste the report's text/);
  });

  test('a report whose markup cannot be read is named with its line and what to fix, not thrown as a bare error', () => {
    const deep = `Rain fell on the town.\n\n${'> '.repeat(20)}*It kept* falling, [they said](https://example.org).\n`;
    const outcome = withLittleStack(() => checkStories([story([courier(), report('gazette', deep)])]));
    assert.ok('value' in outcome, `the check threw: ${'error' in outcome ? String(outcome.error) : ''}`);
    const problem = only(outcome.value);
    assert.equal(problem.file, 'content/stories/bridge/gazette.md');
    assert.match(problem.message, /^line 3 below the frontmatter: the markup nests too deeply/);
  });

  test('empty reports are not looked for when the build asks not to parse the bodies', () => {
    assert.deepEqual(checkStories([story([courier(), report('gazette', '')])], { readBodies: false }), []);
  });

  test('a story with one report names its folder and asks for at least one more report', () => {
    const problem = only(checkStories([story([courier()], 'lonely')], { folderOf: (slug) => `content/stories/${slug}` }));
    assert.equal(problem.file, 'content/stories/lonely/');
    assert.match(problem.message, /only one report \(courier\.md\)/);
    assert.match(problem.message, /add at least one more report/);
  });

  test('a story with no report names its folder and asks for two report files', () => {
    const problem = only(checkStories([story([], 'bare')]));
    assert.equal(problem.file, 'content/stories/bare/');
    assert.match(problem.message, /no report: add at least two report files/);
  });

  test('a story with more reports than a page can compare names its folder and the limit', () => {
    const many = Array.from({ length: maxReports + 1 }, (_, n) => report(`outlet-${n}`, shared.join(' ')));
    const problem = only(checkStories([story(many)]));
    assert.equal(problem.file, 'content/stories/bridge/');
    assert.match(problem.message, new RegExp(`${maxReports + 1} reports, but a story holds at most ${maxReports}`));
  });

  test('two file names that differ only in case or punctuation are refused, since their claims would share ids', () => {
    for (const [a, b] of [['bbc', 'BBC'], ['the-times', 'the_times'], ['le-monde', 'lé-monde']] as const) {
      const problem = only(checkStories([story([report(a, shared.join(' ')), report(b, shared.join(' '))])]));
      const later = [a, b].sort()[1];
      const earlier = [a, b].sort()[0];
      assert.equal(problem.file, `content/stories/bridge/${later}.md`);
      assert.ok(problem.message.includes(`same claim ids as ${earlier}.md`), problem.message);
      assert.match(problem.message, /rename one of the two files/);
    }
  });

  test('a file or folder name that would break its pages\' addresses is named, with a name to use instead', () => {
    const problems = checkStories([story([courier(), { ...radio(), slug: 'port radio?', source: 'content/stories/bridge/port radio?.md' }], 'bridge #2')]);
    assert.deepEqual(problems.map((problem) => problem.file), ['content/stories/bridge #2/', 'content/stories/bridge/port radio?.md']);
    assert.match(problems[0]!.message, /folder name .* rename the folder \(for example to bridge-2\)/);
    assert.match(problems[1]!.message, /file name .* rename the file \(for example to port-radio\.md\)/);
    assert.deepEqual(checkStories([story([courier(), { ...radio(), slug: 'lé_monde.v2' }])]), []);
  });

  test('two reports from one outlet are accepted: an outlet may update its own report', () => {
    const update = { ...report('courier-update', `${shared.join(' ')} The bridge closed again at noon.`), outlet: courier().outlet };
    assert.deepEqual(checkStories([story([courier(), update])]), []);
  });

  test('a published day that does not exist is named with the file, though YAML rolled it over into a real day', () => {
    const bad = report('gazette', shared.join(' '), '2022-02-14');
    const files = new Map([[bad.source, fileText(bad, '2021-13-45')], [courier().source, fileText(courier())]]);
    const problem = only(checkStories([story([courier(), bad])], { readText: (file) => files.get(file) }));
    assert.equal(problem.file, 'content/stories/bridge/gazette.md');
    assert.match(problem.message, /published 2021-13-45 is not a real day/);
    assert.match(problem.message, /as YYYY-MM-DD \(for example 2021-09-10\)/);
  });

  test('an impossible story date is named with story.yaml', () => {
    const good = story([courier(), radio()]);
    const files = new Map([['content/stories/bridge/story.yaml', 'title: Bridge\nsummary: It reopened.\ndate: 2024-02-30 # the day\n']]);
    const problem = only(checkStories([good], { readText: (file) => files.get(file) }));
    assert.equal(problem.file, 'content/stories/bridge/story.yaml');
    assert.match(problem.message, /date 2024-02-30 is not a real day: write the day of the event as YYYY-MM-DD/);
  });

  test('every problem of every story is reported together, sorted by file', () => {
    const problems = checkStories([story([courier(), report('gazette', '')]), story([courier()], 'lonely')]);
    assert.deepEqual(problems.map((p) => p.file), ['content/stories/bridge/gazette.md', 'content/stories/lonely/']);
  });
});

describe('the content schemas', () => {
  const frontmatter = { title: 'Bridge reopens', outlet: 'Courier', url: 'https://courier.example/bridge' };

  test('a published value that is not a real YYYY-MM-DD day is refused with the rule and the value', () => {
    for (const published of ['next tuesday', '2021-02-30', '2021-9-1', 20210910]) {
      const result = reportSchema.safeParse({ ...frontmatter, published });
      assert.equal(result.success, false, `${published} was accepted`);
      const [issue] = result.error!.issues;
      assert.deepEqual(issue?.path, ['published']);
      assert.match(issue!.message, /write the day the report came out as YYYY-MM-DD/);
      assert.ok(issue!.message.includes(String(published)), issue!.message);
    }
  });

  test('a day written as YYYY-MM-DD, quoted or not, is read as that day', () => {
    for (const published of ['2021-09-10', new Date('2021-09-10')]) {
      assert.deepEqual(reportSchema.parse({ ...frontmatter, published }).published, { day: new Date('2021-09-10') });
    }
  });

  test('a missing published day is asked for', () => {
    const result = reportSchema.safeParse(frontmatter);
    assert.match(result.error!.issues[0]!.message, /published is required: write the day the report came out/);
  });

  test('an address other than http or https is refused', () => {
    for (const url of ['javascript:alert(1)', 'ftp://courier.example/bridge', 'mailto:desk@courier.example']) {
      const result = reportSchema.safeParse({ ...frontmatter, url, published: '2021-09-10' });
      assert.match(result.error!.issues[0]!.message, /url must be an http:\/\/ or https:\/\/ address/, url);
    }
  });

  test('a field of the wrong type says what to write, not that it is missing', () => {
    const result = reportSchema.safeParse({ ...frontmatter, title: ['Bridge', 'reopens'], published: '2021-09-10' });
    assert.match(result.error!.issues[0]!.message, /^title must be text/);
  });

  test('a story date that is not a day is refused with the rule', () => {
    const result = storySchema.safeParse({ title: 'Bridge', summary: 'It reopened.', date: 'soon' });
    assert.match(result.error!.issues[0]!.message, /date must be the day of the event, written as YYYY-MM-DD .*"soon"/);
  });
});

describe('storyWarnings', () => {
  test('a good story compares without a warning', () => {
    const input = story([courier(), radio()]);
    assert.deepEqual(storyWarnings([compareStory(input)], [input]), []);
  });

  test('a report that shares no sentence with the others is named', () => {
    const stray = report('gazette', 'A new bakery opened on Market Street. Its bread sold out by noon.');
    const input = story([courier(), radio(), stray]);
    const warnings = storyWarnings([compareStory(input)], [input]);
    assert.deepEqual(warnings.map((w) => w.file), ['content/stories/bridge/gazette.md']);
    assert.match(warnings[0]!.message, /no sentence of this report matches one in the story's other reports/);
    assert.match(warnings[0]!.message, /check that it reports the same event/);
  });

  test('a report in a language no other report shares is not warned about for sharing nothing', () => {
    const urdu = { ...report('daily-shumal', 'لاہور میں نیا پل کھول دیا گیا۔ شہریوں نے خوشی کا اظہار کیا۔'), lang: 'ur' };
    const input = story([courier(), urdu]);
    assert.deepEqual(storyWarnings([compareStory(input)], [input]), []);
  });

  test('a report far longer than the others is named with its length and theirs', () => {
    const filler = Array.from({ length: 80 }, (_, n) => `Reader comment number ${n + 1} says the paint looks fine.`).join(' ');
    const long = report('gazette', `${shared.join(' ')}\n\n${filler}`);
    const input = story([courier(), radio(), long]);
    const compared = compareStory(input);
    const words = compared.reports.find((r) => r.slug === 'gazette')!.stats.words;
    assert.ok(words >= longReport.minWords, `the long report has only ${words} words`);
    const warnings = storyWarnings([compared], [input]);
    assert.deepEqual(warnings.map((w) => w.file), ['content/stories/bridge/gazette.md']);
    assert.match(warnings[0]!.message, new RegExp(`has ${words} words, more than ${longReport.times} times`));
    assert.match(warnings[0]!.message, /check that only the report's own text was pasted/);
  });

  test('a short report three times as long as a brief is not flagged', () => {
    const brief = report('brief', shared[0]!);
    const longer = report('courier', `${shared.join(' ')} ${shared.join(' ')}`);
    const input = story([brief, longer]);
    assert.deepEqual(storyWarnings([compareStory(input)], [input]), []);
  });
});
