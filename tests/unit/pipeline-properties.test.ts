/**
 * Properties of the comparison pipeline that hold for any report text, checked with fast-check on random and
 * adversarial paragraphs: mixed scripts (Latin, Cyrillic, Arabic, CJK, emoji), straight and curly quotes,
 * abbreviations and initials, numbers and dates, markdown and raw HTML, invisible characters (soft hyphen,
 * zero-width space, word joiner, byte-order mark). What a reader relies on: every word of a report is in
 * exactly one claim, in order; a report compared with itself matches its claims verbatim; matching does not
 * depend on which report comes first; ids come out the same on every run; nothing throws.
 *
 * Runs are few and small so the file stays within `npm test`'s time. The seed is fixed, so a run is repeatable;
 * `PROPERTY_SEED=<n>` tries other cases and `PROPERTY_RUNS_FACTOR=<k>` k times as many. A failure prints
 * fast-check's shrunk counterexample, the error it raised, the seed and the path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import { segmentClaims } from '../../src/pipeline/segment-claims.ts';
import { wordTokens } from '../../src/pipeline/normalize-text.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import { alignClaims } from '../../src/pipeline/align-claims.ts';
import { prepareClaim } from '../../src/pipeline/prepare-claim.ts';
import { scoreClaims } from '../../src/pipeline/score-claims.ts';
import { hasEvidence } from '../../src/pipeline/match-features.ts';
import { sharesQuotation } from '../../src/pipeline/find-quotations.ts';
import { stopwords } from '../../src/pipeline/stopwords.ts';
import type { Match, ReportInput, StoryComparison, StoryInput } from '../../src/pipeline/types.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';

const vectors = loadWordVectors();
const seed = Number(process.env.PROPERTY_SEED ?? 19);
const factor = Number(process.env.PROPERTY_RUNS_FACTOR ?? 1);
const runs = (numRuns: number) => ({ numRuns: Math.ceil(numRuns * factor), seed, includeErrorInReport: true });

// ---- Words and paragraphs ------------------------------------------------------------------------------------

/** Words with none of markdown's syntax characters, in several scripts, with the abbreviations the segmenter minds. */
const WORDS = [
  'the', 'minister', 'said', 'prices', 'rose', 'sharply', 'city', 'council', 'voted', 'police', 'arrested', 'storm',
  'killed', 'people', 'homes', 'budget', 'colour', 'color', 'Monday', 'September', 'Anna', 'Berg', 'Omar', 'Haddad',
  'twenty-seven', 'seven', 'thousand', 'hundred', 'and', 'not', "don't", 'it’s', "Iftikhar's", 'rock-and-roll',
  'U.S.', 'Mr.', 'Dr.', 'Gen.', 'Sept.', 'No.', 'Inc.', 'e.g.', 'J.', 'A.', 'a.m.', 'D.C.', 'café', 'naïve', 'Zürich',
  'Москва', 'министр', 'сказал', 'цены', 'выросли', 'قال', 'الوزير', 'الأسعار', 'مُحَمَّد', 'كتاب', 'یک', '北京',
  '我们', '今天', '价格上涨', '東京', '日本語', '😀', '👍🏽', '🇫🇷', '👨‍👩‍👧', '❤️',
  '42', '3.5', '1,234', '200,000', '1980s', '5%', '$12', '€3', '12:30', '2021-09-05', '6/9/2021', '7',
];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßçøЖжЯяΩωاليمن北京我日本한국'];
const INVISIBLES = ['\u00AD', '\u200B', '\u2060', '\uFEFF'];
const OPENERS = ['', '', '', '“', '"', '‘', "'", '(', '«', '„'];
const CLOSERS = ['', '', '', '', '.', ',', '?', '!', ';', ':', '…', '.”', '?"', '!’', ".'", '."', ').', '»', '。', '؟', '、'];

/** One word as the text may hold it: listed or random, perhaps with an invisible character inside. */
const word = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 7 })),
    // One word in six holds an invisible character.
    fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, fc.tuple(fc.constantFrom(...INVISIBLES), fc.nat())),
  )
  .map(([w, invisible]) => {
    if (!invisible) return w;
    const at = invisible[1] % (w.length + 1);
    return w.slice(0, at) + invisible[0] + w.slice(at);
  });
/** A word that can start a markdown line without opening a list, a heading or any other block. */
const letterWord = word.filter((w) => /^\p{L}/u.test(w));
/** A word with punctuation around it: quotes, brackets, sentence ends of several scripts. */
const plainPiece = fc.tuple(fc.constantFrom(...OPENERS), word, fc.constantFrom(...CLOSERS)).map(([o, w, c]) => o + w + c);
/** Space between two words; a line break only where the next line cannot start a block (see paragraphOf). */
const SPACES = [' ', ' ', ' ', ' ', '\u00A0', '\t', '  '];

/** A piece of a paragraph as markdown, with the text a reader sees of it. */
interface Piece {
  md: string;
  visible: string;
}

/** Markdown and raw HTML around one or two letter words: the words are all a reader sees of it. */
const WRAPPERS: [string, string][] = [
  ['*', '*'], ['_', '_'], ['**', '**'], ['__', '__'], ['~~', '~~'], ['`', '`'], ['[', '](https://example.com/a)'],
  ['![', '](photo.png)'], ['<b>', '</b>'], ['<em>', '</em>'], ['<span class="x">', '</span>'], ['<q>', '</q>'],
  ['<b>', ''], ['<i>', ''],
];
/** Markup that stands alone: what a reader sees of it, if anything. */
const STANDALONE: Piece[] = [
  { md: '<br>', visible: ' ' }, { md: '<!-- a note -->', visible: '' }, { md: '<script>alert(1)</script>', visible: '' },
  { md: '<style>p{}</style>', visible: '' }, { md: '</i>', visible: '' }, { md: '&amp;', visible: '&' },
  { md: '&#x41;b', visible: 'Ab' }, { md: 'caf&eacute;', visible: 'café' }, { md: '\\*', visible: '*' },
  { md: '\\_', visible: '_' }, { md: '<img alt="Photo caption" src="x.png">', visible: 'Photo caption' },
  { md: '<https://example.com/b>', visible: 'https://example.com/b' },
];
const safeWord = fc.constantFrom(...WORDS.filter((w) => /^\p{L}+$/u.test(w)));
const markupPiece: fc.Arbitrary<Piece> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...WRAPPERS), fc.array(safeWord, { minLength: 1, maxLength: 2 }))
    .map(([[open, close], words]) => {
      // A code span or a link's text keeps what is inside as it is; the words carry no markup anyway.
      const inner = words.join(' ');
      return { md: `${open}${inner}${close}`, visible: inner };
    }),
  fc.constantFrom(...STANDALONE),
);

/**
 * A paragraph of pieces joined by spaces: markdown and its visible text. It starts with a letter word and breaks
 * a line only before a letter word, so its lines are paragraph text (no list, heading or quote starts there).
 * `markup` mixes markdown and raw HTML pieces in.
 */
function paragraphOf(markup: boolean): fc.Arbitrary<Piece> {
  const piece: fc.Arbitrary<Piece> = markup
    ? fc.oneof({ weight: 3, arbitrary: plainPiece.map((p) => ({ md: p, visible: p })) }, markupPiece)
    : plainPiece.map((p) => ({ md: p, visible: p }));
  return fc
    .tuple(letterWord, fc.array(fc.tuple(fc.constantFrom(...SPACES, '\n'), piece), { maxLength: 14 }))
    .map(([first, rest]) => {
      let md = first;
      let visible = first;
      for (const [space, p] of rest) {
        const gap = space === '\n' && !/^\p{L}/u.test(p.md) ? ' ' : space;
        md += gap + p.md;
        // A reader sees a line break inside a paragraph as a space.
        visible += (gap === '\n' ? ' ' : gap) + p.visible;
      }
      return { md, visible };
    });
}

/** A block of a report: its markdown, what a reader sees, and whether it is a heading. */
interface Block extends Piece {
  heading: boolean;
}

const paragraphBlock = (markup: boolean) => paragraphOf(markup).map((p): Block => ({ ...p, heading: false }));
const oneLineParagraph = paragraphOf(true).map((p) => ({ md: p.md.replace(/\n/g, ' '), visible: p.visible.replace(/\n/g, ' ') }));
const cell = fc.array(letterWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: paragraphBlock(true) },
  { weight: 2, arbitrary: paragraphBlock(false) },
  fc.tuple(fc.integer({ min: 1, max: 6 }), oneLineParagraph).map(([depth, p]) => ({ md: `${'#'.repeat(depth)} ${p.md}`, visible: p.visible, heading: true })),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '> ', '> - ', '- > '), paragraphOf(true)).map(([mark, p]) => ({ md: mark + p.md, visible: p.visible, heading: false })),
  fc.array(plainPiece, { minLength: 1, maxLength: 8 }).map((ws) => ({ md: `\`\`\`\n${ws.join(' ')}\n\`\`\``, visible: ws.join(' '), heading: false })),
  fc.array(plainPiece, { minLength: 1, maxLength: 8 }).map((ws) => ({ md: `<div>${ws.join(' ')}</div>`, visible: ws.join(' '), heading: false })),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([columns, rows]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows + 1, maxLength: rows + 1 }).map((table) => ({
      md: [`| ${table[0]!.join(' | ')} |`, `|${' --- |'.repeat(columns)}`, ...table.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n'),
      // Cells are read apart: "seven" ending one cell and "thousand" starting the next are no number.
      visible: table.flat().join(' · '),
      heading: false,
    })),
  ),
);
const report = fc.array(block, { minLength: 1, maxLength: 5 });
const plainReport = fc.array(paragraphOf(false), { minLength: 1, maxLength: 4 });

/** The words of a report as a reader meets them: `h:` heading words and `p:` claim words, in reading order. */
function wordsRead(markdown: string): string[] {
  return parseReport(markdown).flatMap((b) =>
    b.type === 'heading' ? wordTokens(b.text).map((t) => `h:${t.text}`) : b.claims.flatMap((c) => wordTokens(c).map((t) => `p:${t.text}`)),
  );
}

/** Fragments that markdown, HTML and the segmenter each read specially, to be thrown together at random. */
const SOUP = [
  '*', '_', '*_', '**', '~~', '`', '```', '<b>', '</b>', '<span>', '<div>', '<!--', '-->', '<p', '>', '> ', '- ', '1. ',
  '#', '|', '| --- |', '[', ']', '](', '[^1]', '[^1]: ', '![', '\\', '&', '&amp;', '&#', '(', ')', '.', '. ', '?', '!',
  '"', '“', '”', '‘', '’', "'", '«', '»', 'Mr. ', 'A. ', 'U.S.', 'e.g. ', '5 September 2021', '3.5%', '1,234', '\n',
  '\n\n', '    ', '\t', '\r', '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u2028', '\u0000', 'word', 'Москва', '北京', 'قال',
  '😀', '👨‍👩‍👧', 'said the minister', 'according to police',
];
const soup = fc.array(fc.constantFrom(...SOUP), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), report.map((bs) => bs.map((b) => b.md).join('\n\n')));

// ---- Stories --------------------------------------------------------------------------------------------------

/** News sentences over a small vocabulary, so two reports share claims often. */
const NEWS_WORDS = [
  'prices', 'rose', 'sharply', 'in', 'the', 'city', 'council', 'voted', 'to', 'close', 'school', 'police', 'arrested',
  'protesters', 'storm', 'killed', 'people', 'flooded', 'homes', 'minister', 'resigned', 'budget', 'bridge', 'opened',
  'on', 'Monday', 'Tuesday', '12', '3.5%', '200,000', 'twenty-seven', '5 September 2021', 'Anna Berg', 'Omar Haddad',
  'Mr. Haddad', 'Gen. Ivan Petrov', 'the U.S. Army', 'said the spokesperson', 'according to police', 'not',
  '“we will stay”', '"no comment"', 'Москва', '北京', 'colour', 'color',
];
const sentence = fc
  .array(fc.constantFrom(...NEWS_WORDS), { minLength: 3, maxLength: 10 })
  .chain((ws) => fc.constantFrom('.', '!', '?', '."', '.”').map((end) => ws.join(' ').replace(/^./u, (c) => c.toUpperCase()) + end));
/** A sentence of another report: the same, or with a word dropped, changed or added. */
function edited(text: string): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.constantFrom(...NEWS_WORDS), fc.integer({ min: 0, max: 3 })).map(([at, other, edit]) => {
    const ws = text.split(' ');
    const i = at % ws.length;
    if (edit === 1 && ws.length > 3) ws.splice(i, 1);
    if (edit === 2) ws[i] = other;
    if (edit === 3) ws.splice(i, 0, other);
    return ws.join(' ');
  });
}
/** A report's paragraphs, each a few sentences; one sentence may be repeated word for word. */
const paragraphs = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  .chain((ps) => fc.boolean().map((repeat) => (repeat ? [...ps, [ps[0]![0]!]] : ps)));
/** Two reports of one event: the second carries some of the first's sentences, edited, and some of its own. */
const reportPair = paragraphs.chain((first) =>
  fc
    .tuple(
      fc.subarray(first.flat(), { minLength: 1 }).chain((kept) => fc.tuple(...kept.map(edited))),
      fc.array(sentence, { maxLength: 2 }),
    )
    .map(([carried, own]): [string, string] => [first.map((p) => p.join(' ')).join('\n\n'), [...carried, ...own].join(' ')]),
);

function reportInput(slug: string, body: string, hour: number): ReportInput {
  return {
    slug,
    outlet: `${slug.toUpperCase()} News`,
    title: `${slug} report`,
    url: `https://example.com/${slug}`,
    published: new Date(Date.UTC(2024, 0, 1, hour)),
    lang: 'en',
    body,
    source: `content/stories/properties/${slug}.md`,
  };
}

function story(...reports: ReportInput[]): StoryInput {
  return { slug: 'properties', title: 'Properties', summary: 'Random reports', date: new Date(Date.UTC(2024, 0, 1)), reports };
}

const compare = (input: StoryInput) => compareStory(input, { vectors });

/** The matches of a comparison by their claims' ids, report `first`'s claim first: score, kind and part. */
/** The story's matches keyed by their claims, first report's claim first, with conflicts read from that side. */
function matchesBetween(comparison: StoryComparison, first: string): Map<string, Omit<Match, 'claims'>> {
  const out = new Map<string, Omit<Match, 'claims'>>();
  for (const { claims, conflicts, ...rest } of comparison.matches) {
    const inOrder = claims[0].startsWith(`${first}-`);
    const [x, y] = inOrder ? claims : [claims[1], claims[0]];
    out.set(`${x} ${y}`, { ...rest, conflicts: inOrder ? conflicts : conflicts.map((c) => ({ kind: c.kind, a: c.b, b: c.a })) });
  }
  return out;
}

// ---- Properties -----------------------------------------------------------------------------------------------

test('segmenting keeps every non-space character of a paragraph in exactly one claim, in order', () => {
  fc.assert(
    fc.property(fc.oneof(paragraphOf(false).map((p) => p.visible), anyText), (text) => {
      const claims = segmentClaims(text);
      let rest = text;
      for (const claim of claims) {
        assert.ok(claim !== '' && claim === claim.trim(), `claim ${JSON.stringify(claim)} is empty or untrimmed`);
        const at = rest.indexOf(claim);
        assert.ok(at >= 0 && rest.slice(0, at).trim() === '', `claim ${JSON.stringify(claim)} is not next in the text`);
        rest = rest.slice(at + claim.length);
      }
      assert.equal(rest.trim(), '');
    }),
    runs(400),
  );
});

test('every word of a plain-text report is in exactly one claim, in order', () => {
  fc.assert(
    fc.property(plainReport, (ps) => {
      const expected = ps.flatMap((p) => wordTokens(p.visible).map((t) => `p:${t.text}`));
      assert.deepEqual(wordsRead(ps.map((p) => p.md).join('\n\n')), expected);
    }),
    runs(200),
  );
});

test('every word a reader sees of a markdown report is in exactly one claim or heading, in order', () => {
  fc.assert(
    fc.property(report, (blocks) => {
      const expected = blocks.flatMap((b) => wordTokens(b.visible).map((t) => `${b.heading ? 'h' : 'p'}:${t.text}`));
      assert.deepEqual(wordsRead(blocks.map((b) => b.md).join('\n\n')), expected);
    }),
    runs(200),
  );
});

test('a plain-text report reads the same on the fast path as through remark', () => {
  fc.assert(
    fc.property(plainReport, (ps) => {
      const body = ps.map((p) => p.md).join('\n\n');
      // An HTML comment shows nothing, but it sends the whole body through remark and the HTML parser.
      assert.deepEqual(parseReport(body), parseReport(`${body}\n\n<!-- -->`));
    }),
    runs(200),
  );
});

test('words are the same whether or not the text holds a character only Intl.Segmenter reads', () => {
  fc.assert(
    fc.property(fc.array(plainPiece.filter((p) => /^[\x20-\x7e\u00a0-\u00ff’‘“”…–—]*$/u.test(p)), { maxLength: 12 }), (pieces) => {
      const text = pieces.join(' ');
      const fast = wordTokens(text);
      // 北 is outside the characters the fast reading knows, so the whole text goes to the segmenter.
      const segmented = wordTokens(`${text} 北`).slice(0, -1);
      assert.deepEqual(fast, segmented);
    }),
    runs(300),
  );
});

test('reading any text throws nothing: parsing, segmenting and reading words', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      for (const block of parseReport(text)) if (block.type === 'paragraph') for (const claim of block.claims) wordTokens(claim);
      segmentClaims(text);
      wordTokens(text);
    }),
    runs(300),
  );
});

test('a report compared with itself matches every claim that can match to its twin, verbatim and without conflicts', () => {
  fc.assert(
    fc.property(fc.oneof(paragraphs.map((ps) => ps.map((p) => p.join(' ')).join('\n\n')), report.map((bs) => bs.map((b) => b.md).join('\n\n'))), (body) => {
      fc.pre(parseReport(body).some((b) => b.type === 'paragraph'));
      const stop = stopwords('en');
      const comparison = compare(story(reportInput('first', body, 0), reportInput('second', body, 1)));
      const [a, b] = comparison.reports;
      assert.equal(a!.claims.length, b!.claims.length);
      a!.claims.forEach((claim, i) => {
        const twin = b!.claims[i]!;
        assert.equal(twin.text, claim.text);
        const prepared = prepareClaim(claim.text, 'en', undefined, vectors);
        // The matcher needs two shared content words, one not a name, or a shared quotation (score-claims.ts).
        if (!hasEvidence(prepared, prepared) && !sharesQuotation(prepared.quotations, prepared.quotations)) return;
        const link = claim.links.find((l) => l.claim === twin.id);
        assert.ok(link, `${JSON.stringify(claim.text)} is not matched with its twin`);
        assert.equal(link.kind, 'verbatim', `${JSON.stringify(claim.text)} and its twin are labelled ${link.kind}`);
        assert.deepEqual(link.conflicts, []);
        // A run of function words alone is not marked shared (diff-claims.ts), so a claim made only of them shows none.
        if (!wordTokens(claim.text).some((t) => !stop.has(t.norm))) return;
        let offset = 0;
        const shared = new Set<number>();
        for (const s of link.segments) {
          if (s.shared) for (let k = offset; k < offset + s.text.length; k++) shared.add(k);
          offset += s.text.length;
        }
        for (const token of wordTokens(claim.text)) assert.ok(shared.has(token.start), `"${token.text}" is not marked shared`);
      });
    }),
    runs(120),
  );
});

test('scoring and aligning two claim lists does not depend on which comes first', () => {
  fc.assert(
    fc.property(reportPair, ([first, second]) => {
      const a = parseReport(first).flatMap((b) => (b.type === 'paragraph' ? b.claims : []));
      const b = parseReport(second).flatMap((bl) => (bl.type === 'paragraph' ? bl.claims : []));
      const forward = alignClaims(a, b, 'en', vectors);
      const backward = alignClaims(b, a, 'en', vectors).map((p) => ({ a: p.b, b: p.a, score: p.score }));
      assert.deepEqual(backward.sort((p, q) => p.a - q.a || p.b - q.b), forward);
      for (const x of a) {
        for (const y of b) {
          const [px, py] = [prepareClaim(x, 'en', undefined, vectors), prepareClaim(y, 'en', undefined, vectors)];
          assert.deepEqual(scoreClaims(px, py), scoreClaims(py, px));
        }
      }
    }),
    runs(100),
  );
});

test('comparing reports B and A finds the same matches, scores, kinds, parts and conflicts as A and B', () => {
  fc.assert(
    fc.property(reportPair, ([first, second]) => {
      const forward = compare(story(reportInput('first', first, 0), reportInput('second', second, 1)));
      const backward = compare(story(reportInput('first', first, 1), reportInput('second', second, 0)));
      assert.deepEqual(backward.reports.map((r) => r.slug), ['second', 'first']);
      assert.deepEqual(matchesBetween(backward, 'first'), matchesBetween(forward, 'first'));
    }),
    runs(100),
  );
});

test('claim ids are the same on every run, through the ledger, and whatever the other reports', () => {
  fc.assert(
    fc.property(reportPair, paragraphs, ([first, second], third) => {
      const input = story(reportInput('first', first, 0), reportInput('second', second, 1));
      const once = compare(input);
      const ids = (c: StoryComparison, slug: string) => c.reports.find((r) => r.slug === slug)!.claims.map((claim) => claim.id);
      assert.deepEqual(compare(input), once);
      // The build writes the ledger beside the story and reads it back on the next run.
      const ledger = JSON.parse(JSON.stringify(once.ledger));
      const again = compare({ ...input, ledger });
      assert.deepEqual(ids(again, 'first'), ids(once, 'first'));
      assert.deepEqual(ids(again, 'second'), ids(once, 'second'));
      assert.deepEqual(again.ledger, once.ledger);
      const other = compare(story(reportInput('first', first, 0), reportInput('third', third.map((p) => p.join(' ')).join('\n\n'), 1)));
      assert.deepEqual(ids(other, 'first'), ids(once, 'first'));
    }),
    runs(80),
  );
});
