import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { withLittleStack } from '../helpers/little-stack.ts';
import { readStory } from '../helpers/read-fixture-story.ts';
import type { ReportInput, StoryComparison, StoryInput } from '../../src/pipeline/types.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';

const vectors = loadWordVectors();
/** Compares as the build does: with the word vectors. */
const compareAsSite = (story: Parameters<typeof compareStory>[0]) => compareStory(story, { vectors });

const root = new URL('../../', import.meta.url);
const fixtures = new URL('tests/fixtures/compare-story/', root);

/** The comparison as plain JSON (dates as ISO strings), as it would be written to comparison.json. */
const asJson = (comparison: StoryComparison) => JSON.parse(JSON.stringify(comparison));

for (const name of readdirSync(fixtures)) {
  test(`story fixture "${name}" compares as in its expected.json`, () => {
    const dir = new URL(`${name}/`, fixtures);
    const story = readStory(dir, JSON.parse(readFileSync(new URL('story.json', dir), 'utf8')));
    const actual = asJson(compareAsSite(story));
    const expectedFile = new URL('expected.json', dir);
    if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.ok(existsSync(expectedFile), `${name}/expected.json is missing: run the tests with UPDATE=1 and review it`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}

const seedDir = new URL('content/stories/pakistan-denies-helping-taliban-in-panjshir/', root);
const seed = compareAsSite(
  readStory(seedDir, { slug: 'pakistan-denies-helping-taliban-in-panjshir', title: 't', summary: 's', date: '2021-09-10' }),
);

test('the seed story shows its acceptance pairs as matches, both copies of the repeated sentence included', () => {
  const expected = JSON.parse(readFileSync(new URL('tests/fixtures/alignment/seed-story.json', root), 'utf8'));
  const [ht, nb] = ['hindustan-times', 'newsbytes'].map((slug) => seed.reports.find((r) => r.slug === slug)!);
  const idsOf = (report: typeof ht, text: string) => report.claims.filter((c) => c.text === text).map((c) => c.id);
  const matched = new Set(seed.matches.map((m) => m.claims.join(' ')));
  for (const [a, b] of expected.match as [string, string][]) {
    const left = idsOf(ht, a);
    const right = idsOf(nb, b);
    assert.ok(left.length > 0 && right.length > 0, `claims not found: ${a} / ${b}`);
    for (const id of left) assert.ok(right.some((other) => matched.has(`${id} ${other}`)), `no match for ${a}`);
  }
  for (const text of expected.unmatched as string[]) {
    for (const id of idsOf(ht, text)) assert.ok(![...matched].some((m) => m.split(' ').includes(id)), text);
  }
});

test('the repeated sentence of the seed story has two ids, the second pointing back to the first', () => {
  const ht = seed.reports.find((r) => r.slug === 'hindustan-times')!;
  const counts = new Map<string, number>();
  for (const c of ht.claims) counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
  const [repeated] = [...counts].filter(([, n]) => n > 1).map(([text]) => text);
  const copies = ht.claims.filter((c) => c.text === repeated);
  assert.equal(copies.length, 2);
  assert.notEqual(copies[0].id, copies[1].id);
  assert.equal(copies[0].repeatOf, undefined);
  assert.equal(copies[1].repeatOf, copies[0].id);
  assert.deepEqual(copies[1].counterparts, copies[0].counterparts);
  assert.ok(copies[0].counterparts.length >= 2);
});

test('every claim id is unique in the story and every counterpart names a claim of another report', () => {
  const owner = new Map(seed.reports.flatMap((r) => r.claims.map((c) => [c.id, r.slug] as const)));
  assert.equal(owner.size, seed.reports.reduce((n, r) => n + r.claims.length, 0));
  for (const r of seed.reports) {
    for (const c of r.claims) {
      for (const id of c.counterparts) assert.notEqual(owner.get(id), undefined);
      for (const id of c.counterparts) assert.notEqual(owner.get(id), r.slug);
    }
  }
});

test('segments rebuild each claim, and shared claims and words add up in the figures', () => {
  for (const r of seed.reports) {
    for (const c of r.claims) {
      assert.equal(c.segments.map((s) => s.text).join(''), c.text);
      assert.equal(c.segments.some((s) => s.shared), c.counterparts.length > 0, c.text);
    }
    assert.equal(r.stats.claims, r.claims.length);
    assert.equal(r.stats.sharedClaims + r.stats.uniqueClaims, r.stats.claims);
    assert.ok(r.stats.sharedWords > 0 && r.stats.sharedWords < r.stats.words);
  }
  assert.equal(seed.stats.matches, seed.matches.length);
  assert.equal(seed.stats.claims, seed.reports[0].stats.claims + seed.reports[1].stats.claims);
});

test('paragraph blocks list every claim id once, in reading order, and headings are kept', () => {
  for (const r of seed.reports) {
    const listed = r.blocks.flatMap((b) => (b.type === 'paragraph' ? b.claimIds : []));
    assert.deepEqual(listed, r.claims.map((c) => c.id));
  }
  const nb = seed.reports.find((r) => r.slug === 'newsbytes')!;
  assert.deepEqual(nb.blocks[1], { type: 'heading', depth: 2, text: 'Details' });
});

const report = (slug: string, body: string, published = '2024-01-01'): ReportInput => ({
  slug, outlet: slug, title: slug, url: `https://example.org/${slug}`, published: new Date(published),
  lang: 'en', body, source: `content/stories/s/${slug}.md`,
});
const story = (reports: ReportInput[]): StoryInput => ({
  slug: 's', title: 'S', summary: 'S.', date: new Date('2024-01-01'), reports,
});

test('reports are ordered by publication time, then by outlet', () => {
  const result = compareAsSite(story([
    report('zeta', 'Rain fell.', '2024-01-01'),
    report('beta', 'Rain fell.', '2024-01-02'),
    report('alpha', 'Rain fell.', '2024-01-01'),
  ]));
  assert.deepEqual(result.reports.map((r) => r.slug), ['alpha', 'zeta', 'beta']);
});

test('a story with fewer than two reports is refused with a message naming the story', () => {
  assert.throws(() => compareAsSite(story([report('alpha', 'Rain fell.')])), /content\/stories\/s\/: story "s": the story has only one report \(alpha\.md\).*at least one more/);
});

test('a report without sentences is refused with a message naming its file', () => {
  assert.throws(
    () => compareAsSite(story([report('alpha', 'Rain fell.'), report('beta', '## Only a heading\n')])),
    /content\/stories\/s\/beta\.md: the report has no sentences/,
  );
});

test('a story with more than ten reports is refused with a message naming its folder', () => {
  const many = Array.from({ length: 11 }, (_, k) => report(`r${k}`, 'Rain fell.'));
  assert.throws(() => compareAsSite(story(many)), /content\/stories\/s\/: story "s": the story has 11 reports, but a story holds at most 10/);
  assert.doesNotThrow(() => compareAsSite(story(many.slice(0, 10))));
});

test('two report files that would give the same claim ids are refused with a message naming the second file', () => {
  const twins = story([report('bbc', 'Rain fell.'), { ...report('bbc', 'Snow fell.'), source: 'content/stories/s/BBC.md' }]);
  assert.throws(() => compareAsSite(twins), /content\/stories\/s\/bbc\.md: story "s": the file name gives the same claim ids as BBC\.md/);
});

test('every claim of a story lands in exactly one claim group, in report order then reading order', () => {
  const result = compareAsSite(story([
    report('alpha', 'Rain fell on the town. The mayor spoke.'),
    report('beta', 'The mayor spoke. Rain fell on the town. Schools closed.'),
    report('gamma', 'Rain fell on the town.'),
  ]));
  const all = result.reports.flatMap((r) => r.claims.map((c) => c.id));
  assert.deepEqual(result.groups.flatMap((g) => g.claimIds).sort(), [...all].sort());
  const rain = result.groups.find((g) => g.reports.length === 3);
  assert.ok(rain, 'the sentence all three carry forms one group');
  assert.deepEqual(rain.cells.map((cell) => cell.kind), ['verbatim', 'verbatim', 'verbatim']);
  assert.deepEqual(result.groups.find((g) => g.reports.length === 1)?.reports, ['beta']);
});

test("a claim's links give its counterparts' kinds, and its segments against each counterpart alone", () => {
  const result = compareAsSite(story([
    report('alpha', 'Rain fell on the quiet town.'),
    report('beta', 'Rain fell on the quiet town.'),
  ]));
  const [claim] = result.reports[0].claims;
  assert.equal(claim.links.length, 1);
  assert.equal(claim.links[0].claim, result.reports[1].claims[0].id);
  assert.equal(claim.links[0].reportSlug, 'beta');
  assert.equal(claim.links[0].segments.map((s) => s.text).join(''), claim.text);
  assert.deepEqual(claim.counterparts, claim.links.map((link) => link.claim));
});

test('two Dari reports match the same sentence typed on an Arabic and on a Persian keyboard, word for word', () => {
  const dari = (slug: string, body: string, published: string): ReportInput => ({ ...report(slug, body, published), lang: 'prs' });
  const result = compareAsSite(
    story([
      dari('kabul-daily', 'پاکستان اتهامات کمک به طالبان در پنجشیر را رد کرد. سخنگو گفت این یک کارزار تبلیغاتی است.', '2024-01-01'),
      dari('herat-times', 'پاكستان اتهامات كمك به طالبان در پنجشير را رد كرد. باران در هرات بارید.', '2024-01-02'),
    ]),
  );
  assert.deepEqual(
    result.matches.map((match) => match.kind),
    ['verbatim'],
  );
  assert.ok(result.matches[0]?.claims.every((id) => result.reports.some((r) => r.claims[0]?.id === id)));
});

test('a report that cannot be read fails with a message naming its file and line and what to fix', () => {
  const deep = `Rain fell on the town.\n\n${'> '.repeat(20)}*It kept* falling, [they said](https://example.org).\n`;
  const outcome = withLittleStack(() => compareAsSite(story([report('alpha', 'Rain fell.'), report('beta', deep)])));
  assert.ok('error' in outcome, 'the comparison overflowed nowhere');
  assert.ok(outcome.error instanceof Error);
  assert.match(outcome.error.message, /content\/stories\/s\/beta\.md: line 3 below the frontmatter: the markup nests too deeply/);
  assert.match(outcome.error.message, /close the HTML tags, quotations and lists it opens/);
});

test('reports of thousands of initials, titles, emphasis markers and unclosed tags compare, every word in a claim', () => {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const odd: [string, string[]][] = [
    ['A. B. C. D. '.repeat(2000), words('A. B. C. D. '.repeat(2000))],
    ['Mr. '.repeat(2000), Array(2000).fill('Mr')],
    [`Markers ${'*_'.repeat(10_000)} end.`, ['Markers', 'end']],
    [`${'<b>word '.repeat(3000)}end.`, [...Array(3000).fill('word'), 'end']],
    [`${'> '.repeat(3000)}Quoted deep.`, ['Quoted', 'deep']],
  ];
  for (const [paragraph, expected] of odd) {
    const body = `Officials met on Monday.\n\n${paragraph}\n\nThe meeting ended.\n`;
    const half = `Officials met on Monday.\n\n${paragraph.slice(0, paragraph.length / 2)}\n\nThe meeting ended.\n`;
    const result = compareAsSite(story([report('alpha', body), report('beta', half)]));
    const shown = result.reports.find((r) => r.slug === 'alpha')!.claims.map((claim) => claim.text).join(' ');
    assert.deepEqual(words(shown), ['Officials', 'met', 'on', 'Monday', ...expected, 'The', 'meeting', 'ended'], paragraph.slice(0, 20));
  }
});

test('a sentence printed hundreds of times in two reports is shown every time, its first copies aligned, the rest repeats', () => {
  const sentence = 'The ferry service between the islands resumed on Tuesday morning.';
  const body = (copies: number) => `${`${sentence} `.repeat(copies)}\n\nThe harbour master thanked the crews.\n`;
  const result = compareAsSite(story([report('alpha', body(300)), report('beta', body(200))]));
  const [alpha, beta] = result.reports;
  assert.equal(alpha!.claims.filter((claim) => claim.text === sentence).length, 300);
  assert.equal(beta!.claims.filter((claim) => claim.text === sentence).length, 200);
  // The first four copies on each side match each other; a copy after them links nowhere of its own.
  const textOf = new Map([...alpha!.claims, ...beta!.claims].map((claim) => [claim.id, claim.text]));
  const copyMatches = result.matches.filter((match) => match.claims.every((id) => textOf.get(id) === sentence));
  assert.equal(copyMatches.length, 16);
  assert.deepEqual(alpha!.claims[4]!.links, []);
  assert.equal(alpha!.claims[4]!.repeatOf, alpha!.claims[0]!.id);
  // Every copy sits in the group of the sentence, as a repeat of its first copy.
  const group = result.groups.find((g) => g.claimIds.includes(alpha!.claims[0]!.id))!;
  assert.equal(group.claimIds.length, 500);
  assert.deepEqual(group.reports, ['alpha', 'beta']);
});

test('a list of thousands of items that differ in one number matches each item with its own, not with every other', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `- Parcel ${i + 1} was delivered by the courier.`).join('\n');
  const result = compareAsSite(story([report('alpha', list(600)), report('beta', list(300))]));
  const [alpha, beta] = result.reports;
  assert.equal(alpha!.claims.length, 600);
  assert.equal(beta!.claims.length, 300);
  assert.equal(result.matches.length, 300);
  for (const match of result.matches) {
    const [a, b] = match.claims.map((id) => [...alpha!.claims, ...beta!.claims].find((claim) => claim.id === id)!.text);
    assert.equal(a, b);
  }
});
