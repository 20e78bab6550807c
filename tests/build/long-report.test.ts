import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { msrpBackground } from '../../scripts/generate-stories.ts';
import { buildIn, preparedCopy } from '../helpers/build-fixture-site.ts';
import { readComparison } from '../helpers/read-comparison.ts';
import { readPage } from '../helpers/read-dist.ts';

/**
 * A report of 50,000 words (real news sentences from the MSRP corpus, four to a paragraph) beside a short one
 * that repeats one sentence in sixty of it: the whole long report must build, every sentence on its page.
 */
const slug = 'a-very-long-report';
const sentences: string[] = [];
for (let words = 0, index = 0, background = msrpBackground(); words < 50_000; index++) {
  const sentence = background[index % background.length]!;
  sentences.push(sentence);
  words += sentence.split(/\s+/).length;
}
const paragraphs: string[] = [];
for (let index = 0; index < sentences.length; index += 4) paragraphs.push(sentences.slice(index, index + 4).join(' '));

const report = (outlet: string, published: string, body: string) =>
  `---\ntitle: ${outlet} reports\noutlet: ${outlet}\nurl: https://example.org/${outlet.toLowerCase()}\npublished: ${published}\n---\n\n${body}\n`;

const site = await preparedCopy('long-report', [], async (root) => {
  const folder = join(root, 'content', 'stories', slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.yaml'), 'title: A very long report\nsummary: A report of fifty thousand words beside a short one.\ndate: 2024-01-02\n');
  writeFileSync(join(folder, 'long.md'), report('Long', '2024-01-02', paragraphs.join('\n\n')));
  writeFileSync(join(folder, 'short.md'), report('Short', '2024-01-03', sentences.filter((_, index) => index % 60 === 0).join('\n\n')));
  await buildIn(root);
});

describe('a report of 50,000 words', () => {
  test('builds, with every one of its words on the story page and its shared sentences matched', () => {
    const comparison = readComparison(slug, site.dist);
    const long = comparison.reports.find((candidate) => candidate.slug === 'long');
    assert.ok(long);
    const words = long.claims.reduce((sum, claim) => sum + claim.text.split(/\s+/).length, 0);
    assert.ok(words >= 50_000, `${words} words`);
    const shown = selectAll('article[data-report="long"] .cr-claim-text', readPage(`/stories/${slug}/`, site.dist)).map((element) => toString(element));
    assert.deepEqual(shown, long.claims.map((claim) => claim.text));
    const nonSpace = (text: string) => text.replace(/\s+/g, '');
    assert.equal(nonSpace(shown.join('')), nonSpace(sentences.join('')));
    const matched = new Set(comparison.matches.flatMap((match) => match.claims));
    const short = comparison.reports.find((candidate) => candidate.slug === 'short');
    assert.ok(short && short.claims.every((claim) => matched.has(claim.id)), 'a sentence of the short report is not matched to the long one');
  });
});
