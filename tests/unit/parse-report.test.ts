import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import type { ReportBlock } from '../../src/pipeline/types.ts';
import { MAX_LINE_NESTING } from '../../src/pipeline/bound-nesting.ts';
import { LONG_RUN } from '../../src/pipeline/join-long-paragraphs.ts';
import { MAX_HTML_DEPTH } from '../../src/pipeline/hast-read-raw.ts';

// Each `<case>.md` is a report body; `<case>.expected.json` its blocks. `UPDATE=1` rewrites the expectations
// from the current output, to be reviewed by eye before they are committed.
const fixtures = new URL('../fixtures/parse-report/', import.meta.url);
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -'.md'.length));

const nonSpace = (text: string) => text.replace(/\s+/gu, '');
const blockText = (block: ReportBlock) => (block.type === 'heading' ? block.text : block.claims.join(' '));
const gfm = remark().use(remarkGfm).freeze();
/** The claims and headings of a body, in order, each on its own. */
const claimsOf = (markdown: string) => parseReport(markdown).flatMap((block) => (block.type === 'heading' ? [block.text] : block.claims));

/**
 * A body's text as remark reads it with GFM, for comparison with its blocks: the text outside footnote definitions
 * in order, and each definition's text apart, since parseReport moves it (so only its wholeness is compared).
 */
function documentText(markdown: string): { text: string; notes: string[] } {
  const tree: Root = gfm.parse(markdown);
  const notes: string[] = [];
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    notes.push(nonSpace(toString(node)));
    parent!.children.splice(index!, 1);
    return index;
  });
  return { text: nonSpace(toString(tree)), notes };
}

for (const name of cases) {
  test(`the report "${name}" becomes its headings and paragraphs of claims in reading order`, () => {
    const markdown = readFileSync(new URL(`${name}.md`, fixtures), 'utf8');
    const expectedFile = new URL(`${name}.expected.json`, fixtures);
    const blocks = parseReport(markdown);
    if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(blocks, null, 2) + '\n');
    assert.deepEqual(blocks, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}

test('no text of any fixture without raw HTML is lost: its blocks hold all of the document text, in order, footnotes whole', () => {
  const holdsHtml = (markdown: string) => JSON.stringify(gfm.parse(markdown)).includes('"type":"html"');
  const plain = cases.filter((name) => !holdsHtml(readFileSync(new URL(`${name}.md`, fixtures), 'utf8')));
  assert.ok(plain.length >= 3);
  for (const name of plain) {
    const markdown = readFileSync(new URL(`${name}.md`, fixtures), 'utf8');
    // The ` · ` that joins a table row's cells is the one character parseReport adds.
    let shown = nonSpace(parseReport(markdown).map(blockText).join('').replaceAll(' · ', ''));
    const { text, notes } = documentText(markdown);
    for (const note of notes) {
      assert.ok(shown.includes(note), `${name}: a footnote is not whole: ${note}`);
      shown = shown.replace(note, '');
    }
    assert.equal(shown, text, name);
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
      assert.equal(nonSpace(blocks.map(blockText).join('')), nonSpace(toString(gfm.parse(body))), file);
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

test('plain paragraphs read as GFM reads them, whatever characters sit inside their lines', () => {
  // When GFM finds only paragraphs in a body, an HTML comment block after it sends it through the full
  // markdown parser and adds no block, so the two readings must agree however parseReport reads the body.
  const parsed = (markdown: string) => parseReport(`${markdown}\n\n<!-- end -->`);
  let compared = 0;
  const pieces = [
    'The', 'mayor', 'said', '2.5', '1980s', 'U.S.', 'Mr.', ' ', ' ', '  ', '   ', ', ', '. ', '? ', '"', '“', '”', '‘', '’',
    "'", '(', ')', '-', '#', '=', '>', '+', '|', '~', '!', ':', ';', '&', '&amp;', '&#35;', 'AT&T', '[', ']', '[a]',
    '(b)', '[a](b)', '<', '<.', '< ', '<b>', '<JPY=>', '<x:y>', '<b ', '</b', 'x@y.org', '<.x@y.org>', '<http://example.org>', '`', '``', '`code`', '*', '_', '\\',
    '\u00a0', '\u2028', '۔', 'é', '\n', '\n', '\n\n', '\n \n', '\n1. ', '\n2) ', '\n# ', '\n- ', '\n> ', '\n    ', '\n===',
    '~~', '~~x~~', 'www.example.org', 'https://example.org/a.', 'x@y.org.', '[^1]', '\n[^1]: ', '| x |', '\n| --- |', '\n|-', '\n- [ ] ',
  ];
  let state = 1;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < 3000; n++) {
    let body = 'A';
    for (let k = 0, words = 1 + Math.floor(random() * 30); k < words; k++) body += pieces[Math.floor(random() * pieces.length)];
    if (!gfm.parse(body).children.every((node) => node.type === 'paragraph')) continue;
    compared++;
    assert.deepEqual(parseReport(body), parsed(body), JSON.stringify(body));
  }
  assert.ok(compared > 1000, `only ${compared} bodies of paragraphs alone`);
});

test('a table is one paragraph whose claims are its rows, header first, each row its cells joined by " · "', () => {
  const markdown = '| Office | Votes |\n| :-- | --: |\n| Mayor | 1,204 |\n| Deputy | |\n| | |\n| Clerk | 310 | recount |\n';
  assert.deepEqual(parseReport(markdown), [
    { type: 'paragraph', claims: ['Office · Votes', 'Mayor · 1,204', 'Deputy', 'Clerk · 310 · recount'] },
  ]);
});

test('an HTML table of text cells reads as a markdown table does; one whose cells hold paragraphs, block by block', () => {
  assert.deepEqual(parseReport('<table><tr><th>Office</th><th>Votes</th></tr><tr><td>Mayor</td><td><b>1,204</b></td></tr></table>'), [
    { type: 'paragraph', claims: ['Office · Votes', 'Mayor · 1,204'] },
  ]);
  assert.deepEqual(parseReport('<table><tr><td><p>The count ended late.</p><p>A recount follows.</p></td></tr></table>'), [
    { type: 'paragraph', claims: ['The count ended late.'] },
    { type: 'paragraph', claims: ['A recount follows.'] },
  ]);
});

test("a footnote's text follows the block that first references it, and no marker of it is shown", () => {
  const markdown = 'The bridge closed[^a]. It reopens in June[^b].\n\n> Crews said the work ran late[^a].\n\nTraffic is diverted.\n\n' +
    '[^b]: The date is not final.\n[^a]: Closed for repairs[^b].\n';
  assert.deepEqual(parseReport(markdown), [
    { type: 'paragraph', claims: ['The bridge closed.', 'It reopens in June.'] },
    { type: 'paragraph', claims: ['Closed for repairs.'] },
    { type: 'paragraph', claims: ['The date is not final.'] },
    { type: 'paragraph', claims: ['Crews said the work ran late.'] },
    { type: 'paragraph', claims: ['Traffic is diverted.'] },
  ]);
});

test('a note in a tight list item stays a paragraph of its own', () => {
  assert.deepEqual(parseReport('- The pool opens at nine[^h].\n- The gym opens at ten.\n\n[^h]: On weekdays only.\n'), [
    { type: 'paragraph', claims: ['The pool opens at nine.'] },
    { type: 'paragraph', claims: ['On weekdays only.'] },
    { type: 'paragraph', claims: ['The gym opens at ten.'] },
  ]);
});

test('a footnote that no reference reaches, never referenced, defined twice or referenced from itself, is read at the end', () => {
  const markdown = 'The ferry runs hourly[^f].\n\n[^f]: From May.\n[^f]: From April.\n[^g]: Weekends excepted.\n[^s]: See this note[^s].\n\nTickets cost two pounds.\n';
  assert.deepEqual(claimsOf(markdown), [
    'The ferry runs hourly.', 'From May.', 'Tickets cost two pounds.', 'From April.', 'Weekends excepted.', 'See this note.',
  ]);
});

test('strikethrough, bare links and task list boxes read as their text, and a footnote mark without a note stays text', () => {
  assert.deepEqual(claimsOf('The fare is ~~three~~ two pounds, see www.example.org or ask fares@example.org.\n\n- [x] Timetable printed\n'), [
    'The fare is three two pounds, see www.example.org or ask fares@example.org.', 'Timetable printed',
  ]);
  assert.deepEqual(claimsOf('A mark with no note[^9] is what the writer typed.'), ['A mark with no note[^9] is what the writer typed.']);
});

test('no claim of a GFM fixture shows table, footnote or strikethrough syntax', () => {
  for (const name of cases.filter((case_) => case_.startsWith('gfm-'))) {
    for (const claim of claimsOf(readFileSync(new URL(`${name}.md`, fixtures), 'utf8'))) {
      assert.doesNotMatch(claim, /\[\^|\]:|~|^\||\|$|\| *:?-{3}|<br>/, `${name}: ${claim}`);
    }
  }
});

test('large and deep GFM is read whole, without recursion: ten thousand table rows, a chain and a nest of two thousand notes', () => {
  const rows = Array.from({ length: 10_000 }, (_, index) => `| Lot ${index} | ${index} tonnes |`).join('\n');
  const [table] = parseReport(`| Lot | Weight |\n| --- | --- |\n${rows}\n`);
  assert.equal(table?.type === 'paragraph' && table.claims.length, 10_001);
  const chain = Array.from({ length: 2000 }, (_, index) => `[^${index}]: Note ${index}${index < 1999 ? `[^${index + 1}]` : ''}.`).join('\n');
  assert.deepEqual(claimsOf(`First[^0].\n\n${chain}\n`), ['First.', ...Array.from({ length: 2000 }, (_, index) => `Note ${index}.`)]);
  const nest = Array.from({ length: 2000 }, (_, index) => `[^${index}]: `).join('') + 'The innermost note.';
  const references = Array.from({ length: 2000 }, (_, index) => `[^${index}]`).join('');
  assert.deepEqual(claimsOf(`Text${references}.\n\n${nest}\n`), ['Text.', 'The innermost note.']);
});

/** The words of a text (runs of letters and digits), in order: what a bound on markup must never lose. */
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const claimWords = (markdown: string) => wordsOf(claimsOf(markdown).join(' '));

test('five thousand nested quotations are read without recursion, every word kept, the markers past the bound as text', () => {
  const markdown = `${'> '.repeat(5000)}The innermost quotation speaks.\n`;
  const claims = claimsOf(markdown);
  assert.deepEqual(wordsOf(claims.join(' ')), ['The', 'innermost', 'quotation', 'speaks']);
  assert.equal(claims.join(' ').split('>').length - 1, 5000 - MAX_LINE_NESTING);
});

test('a line of five thousand list markers, and lists indented thousands of columns deep, keep every word', () => {
  assert.deepEqual(claimWords(`${'- '.repeat(5000)}A deep item.\n`), ['A', 'deep', 'item']);
  assert.deepEqual(claimWords(`${'> 1. '.repeat(2000)}Mixed markers.\n`), [...Array(2000 - MAX_LINE_NESTING / 2).fill('1'), 'Mixed', 'markers']);
  // Each line continues the lists of the line above by its indentation and opens 32 more.
  const pyramid = Array.from({ length: 120 }, (_, index) => `${' '.repeat(64 * index)}${'- '.repeat(32)}Level ${index}.`).join('\n');
  assert.deepEqual(claimWords(pyramid), Array.from({ length: 120 }, (_, index) => ['Level', String(index)]).flat());
});

test('a paragraph of ten thousand lines that leave out their quotation markers reads as one paragraph, every word kept', () => {
  const lines = Array.from({ length: 10_000 }, (_, index) => `word${index}`);
  const lazy = parseReport(`> He said\n${lines.join('\n')}\n`);
  const marked = parseReport(`> He said\n${lines.map((line) => `> ${line}`).join('\n')}\n`);
  assert.equal(lazy.length, 1);
  assert.deepEqual(lazy, marked);
  assert.deepEqual(lazy[0]?.type === 'paragraph' && lazy[0].claims, [`He said ${lines.join(' ')}`]);
});

test('a long paragraph reads the same joined as line by line, in lists, quotations and after hard breaks', () => {
  // Under LONG_RUN lines nothing is joined; over it, the claims are those markdown reads line by line.
  const body = (count: number) =>
    Array.from({ length: count }, (_, index) => (index % 7 === 3 ? `line ${index}  ` : index % 11 === 5 ? `line ${index}\\` : `line ${index}`));
  for (const [open, count] of [['- ', LONG_RUN + 20], ['> - ', LONG_RUN + 20], ['1. ', LONG_RUN - 20]] as const) {
    const lines = body(count);
    const claims = claimsOf(`${open}${lines.join('\n')}\n`);
    assert.deepEqual(claims.map((claim) => claim.replace(/ +/g, ' ')), [lines.map((line) => line.replace(/\\$/, '').trim()).join(' ')]);
  }
});

test('three thousand unclosed <b> tags keep every word, read as one paragraph', () => {
  const markdown = Array.from({ length: 3000 }, (_, index) => `<b>word${index} `).join('') + 'end.\n';
  const blocks = parseReport(markdown);
  assert.equal(blocks.length, 1);
  assert.deepEqual(wordsOf(blocks.map(blockText).join(' ')), [...Array.from({ length: 3000 }, (_, index) => `word${index}`), 'end']);
});

test('HTML nested thousands deep keeps every word, each block a paragraph of its own, and drops what the sanitiser drops', () => {
  const divs = Array.from({ length: 3000 }, (_, index) => `<div>Part ${index}.`).join('');
  assert.deepEqual(claimsOf(divs), Array.from({ length: 3000 }, (_, index) => `Part ${index}.`));
  const spans = `${'<span>'.repeat(4000)}Inside the spans.${'</span>'.repeat(4000)}`;
  assert.deepEqual(claimsOf(`<p>${spans}</p>`), ['Inside the spans.']);
  const hidden = `${'<section>'.repeat(3000)}Shown. <script>hidden()</script><object>Fallback.</object> Also shown.`;
  assert.deepEqual(claimsOf(hidden), ['Shown.', 'Also shown.']);
  assert.deepEqual(claimsOf(`Before. <template>${'<div>'.repeat(4000)}Hidden.</template> After.`), ['Before.', 'After.']);
  assert.deepEqual(claimsOf(`Before. ${'<b>'.repeat(600)}<svg><template>Drawn.</template></svg> After.`), ['Before.', 'After.']);
  // A phrasing element that holds blocks deep down still keeps its text apart from the text around it, and a
  // heading stays a heading.
  const holding = `${'<div>'.repeat(MAX_HTML_DEPTH)}Before<b>inside<p>block</p>after</b>behind<h2>A <i>deep</i> heading</h2>`;
  assert.deepEqual(parseReport(holding), [
    ...['Before', 'inside', 'block', 'after', 'behind'].map((text) => ({ type: 'paragraph', claims: [text] })),
    { type: 'heading', depth: 2, text: 'A deep heading' },
  ]);
});

test('twenty thousand emphasis markers that cannot all pair read as text, every marker kept', () => {
  const markers = '*_'.repeat(20_000);
  assert.deepEqual(claimsOf(`Markers ${markers} end.\n`), [`Markers ${markers} end.`]);
  const closers = 'a* '.repeat(10_000).trim();
  assert.deepEqual(claimsOf(`${closers}\n`), [closers]);
  const strikes = 'a~ '.repeat(10_000).trim();
  assert.deepEqual(claimsOf(`${strikes}\n`), [strikes]);
  // Below the budget, emphasis pairs as before.
  assert.deepEqual(claimsOf('*One* and _two_ and ~~three~~ and **four**.\n'), ['One and two and three and four.']);
});

test('emphasis and strikethrough nested thousands deep keep every word', () => {
  const emphasis = `${'*a '.repeat(3000)}x${' b*'.repeat(3000)}`;
  assert.deepEqual(wordsOf(claimsOf(emphasis).join(' ')), [...Array(3000).fill('a'), 'x', ...Array(3000).fill('b')]);
  const strike = `${'~c '.repeat(3000)}y${' d~'.repeat(3000)}`;
  assert.deepEqual(wordsOf(claimsOf(strike).join(' ')), [...Array(3000).fill('c'), 'y', ...Array(3000).fill('d')]);
});

test('footnotes defined inside footnotes ten thousand deep are read whole, a bare link among them', () => {
  const nest = Array.from({ length: 10_000 }, (_, index) => `[^${index}]: `).join('') + 'See www.example.com for the note.';
  const references = Array.from({ length: 10_000 }, (_, index) => `[^${index}]`).join('');
  assert.deepEqual(claimsOf(`Text${references}.\n\n${nest}\n`), ['Text.', 'See www.example.com for the note.']);
});

test('inline markup reads as GFM reads it beside the bounds: a bare address after an underscore, escapes, code, links', () => {
  // The constructs that bound emphasis and merge text stand in front of micromark's, in their order: an email
  // address that starts with `_` is still an address, not emphasis, and a failed link end is tried once only.
  assert.deepEqual(claimsOf('Write to _press@example.org or `call` \\*now\\*, [here](u) and ![a map](m).'), [
    'Write to _press@example.org or call *now*, here and a map.',
  ]);
  assert.deepEqual(claimsOf('[[a]](u) and [^x] and a*b* c~~d~~ `` ` `` &amp; <b>e</b>.'), ['[a] and [^x] and ab cd ` & e.']);
  const crowded = 'See \\*this\\* [note](u) `code` &amp; more. '.repeat(5000).trim();
  assert.deepEqual(claimsOf(crowded), Array.from({ length: 5000 }, () => 'See *this* note code & more.'));
});
