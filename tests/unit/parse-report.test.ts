import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { remark } from 'remark';
import { toString } from 'mdast-util-to-string';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import type { ReportBlock } from '../../src/pipeline/types.ts';

// Each `<case>.md` is a report body; `<case>.expected.json` its blocks. `UPDATE=1` rewrites the expectations
// from the current output, to be reviewed by eye before they are committed.
const fixtures = new URL('../fixtures/parse-report/', import.meta.url);
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -'.md'.length));

const nonSpace = (text: string) => text.replace(/\s+/gu, '');
const blockText = (block: ReportBlock) => (block.type === 'heading' ? block.text : block.claims.join(' '));

for (const name of cases) {
  test(`the report "${name}" becomes its headings and paragraphs of claims in reading order`, () => {
    const markdown = readFileSync(new URL(`${name}.md`, fixtures), 'utf8');
    const expectedFile = new URL(`${name}.expected.json`, fixtures);
    const blocks = parseReport(markdown);
    if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(blocks, null, 2) + '\n');
    assert.deepEqual(blocks, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}

test('no text of any fixture without raw HTML is lost: its blocks hold all of the document text, in order', () => {
  const holdsHtml = (markdown: string) => JSON.stringify(remark().parse(markdown)).includes('"type":"html"');
  const plain = cases.filter((name) => !holdsHtml(readFileSync(new URL(`${name}.md`, fixtures), 'utf8')));
  assert.ok(plain.length >= 3);
  for (const name of plain) {
    const markdown = readFileSync(new URL(`${name}.md`, fixtures), 'utf8');
    const blocks = parseReport(markdown);
    assert.equal(nonSpace(blocks.map(blockText).join('')), nonSpace(toString(remark().parse(markdown))), name);
  }
});

test('raw HTML in a report keeps the text a reader saw and nothing of its markup, scripts, frames or forms', () => {
  const markdown = readFileSync(new URL('hostile-html.md', fixtures), 'utf8');
  const text = parseReport(markdown).map(blockText).join(' ');
  // What a reader of the page saw: every sentence, an image by its alt, a link by its words.
  for (const seen of ['Officials confirmed the figures on Tuesday.', 'The council voted (photo: the vote) to close the road.',
    'Read the full statement or see the map.', 'Reporting by A. Writer; editing by B. Editor.', 'The road reopens on 1 May.']) {
    assert.ok(text.includes(seen), `missing: ${seen}`);
  }
  // Page machinery and markup: none of it is text of the report.
  for (const hidden of ['<', '>', 'alert', 'document', 'display', 'steal', 'onerror', 'javascript', 'data:', 'attacker',
    'cannot show frames', 'Email', 'Subscribe', 'rainfall', '42 mm', 'editors left']) {
    assert.ok(!text.includes(hidden), `kept: ${hidden}`);
  }
});

test('no claim spans lines, starts or ends with space, or is empty', () => {
  for (const name of cases) {
    const blocks = parseReport(readFileSync(new URL(`${name}.md`, fixtures), 'utf8'));
    for (const block of blocks) {
      const texts = block.type === 'heading' ? [block.text] : block.claims;
      assert.ok(texts.length > 0, name);
      for (const text of texts) {
        assert.equal(text, text.trim(), name);
        assert.notEqual(text, '', name);
        assert.doesNotMatch(text, /[\r\n]/, name);
      }
    }
  }
});

test('the seed reports of the story keep every word of their bodies', () => {
  const stories = new URL('../../content/stories/', import.meta.url);
  for (const story of readdirSync(stories)) {
    for (const file of readdirSync(new URL(`${story}/`, stories)).filter((f) => f.endsWith('.md'))) {
      const body = readFileSync(new URL(`${story}/${file}`, stories), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const blocks = parseReport(body);
      assert.ok(blocks.some((block) => block.type === 'paragraph'), file);
      assert.equal(nonSpace(blocks.map(blockText).join('')), nonSpace(toString(remark().parse(body))), file);
    }
  }
});

test('a report in Urdu is split at Urdu full stops', () => {
  const markdown = '## پاکستان کی تردید\n\nپاکستان نے الزامات مسترد کر دیے۔ ترجمان نے کہا کہ یہ\nایک پروپیگنڈا مہم ہے۔\n';
  assert.deepEqual(parseReport(markdown, 'ur'), [
    { type: 'heading', depth: 2, text: 'پاکستان کی تردید' },
    { type: 'paragraph', claims: ['پاکستان نے الزامات مسترد کر دیے۔', 'ترجمان نے کہا کہ یہ ایک پروپیگنڈا مہم ہے۔'] },
  ]);
});

test('an empty document has no blocks', () => {
  assert.deepEqual(parseReport(''), []);
  assert.deepEqual(parseReport('\n\n---\n\n'), []);
});

test('plain paragraphs read as CommonMark reads them, whatever characters sit inside their lines', () => {
  // When CommonMark finds only paragraphs in a body, an HTML comment block after it sends it through the
  // full markdown parser and adds no block, so the two readings must agree however parseReport reads the body.
  const parsed = (markdown: string) => parseReport(`${markdown}\n\n<!-- end -->`);
  let compared = 0;
  const pieces = [
    'The', 'mayor', 'said', '2.5', '1980s', 'U.S.', 'Mr.', ' ', ' ', '  ', '   ', ', ', '. ', '? ', '"', '“', '”', '‘', '’',
    "'", '(', ')', '-', '#', '=', '>', '+', '|', '~', '!', ':', ';', '&', '&amp;', '&#35;', 'AT&T', '[', ']', '[a]',
    '(b)', '[a](b)', '<', '<.', '< ', '<b>', '<JPY=>', '<x:y>', '<b ', '</b', 'x@y.org', '<.x@y.org>', '<http://example.org>', '`', '``', '`code`', '*', '_', '\\',
    '\u00a0', '\u2028', '۔', 'é', '\n', '\n', '\n\n', '\n \n', '\n1. ', '\n2) ', '\n# ', '\n- ', '\n> ', '\n    ', '\n===',
  ];
  let state = 1;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 3000; n++) {
    let body = 'A';
    for (let k = 0, words = 1 + Math.floor(random() * 30); k < words; k++) body += pieces[Math.floor(random() * pieces.length)];
    if (!remark().parse(body).children.every((node) => node.type === 'paragraph')) continue;
    compared++;
    assert.deepEqual(parseReport(body), parsed(body), JSON.stringify(body));
  }
  assert.ok(compared > 1000, `only ${compared} bodies of paragraphs alone`);
});
