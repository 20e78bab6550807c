import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { matchTextFragment, textFragment } from '../../src/pipeline/text-fragment.ts';

// Each `<case>.txt` holds one report, one claim a line; `<case>.expected.json` the fragment of each claim (null
// where there is none). `UPDATE=1` rewrites the expectations from the current output, to be reviewed by eye.
const fixtures = new URL('../fixtures/text-fragment/', import.meta.url);
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -'.txt'.length));

function claimsOf(name: string): string[] {
  return readFileSync(new URL(`${name}.txt`, fixtures), 'utf8').split('\n').filter((line) => line.trim() !== '');
}

function fragmentsOf(claims: string[]): (string | undefined)[] {
  return claims.map((_, index) => textFragment(claims, index));
}

/** The terms of a fragment's text directive, decoded, with the prefix's and suffix's dashes kept. */
function termsOf(fragment: string): string[] {
  assert.match(fragment, /^#:~:text=/);
  return fragment.slice('#:~:text='.length).split(',').map((term) => decodeURIComponent(term));
}

const sameSentence = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');

for (const name of cases) {
  test(`the claims of "${name}" get the fragments reviewed in its expectations`, () => {
    const expectedFile = new URL(`${name}.expected.json`, fixtures);
    const fragments = fragmentsOf(claimsOf(name)).map((fragment) => fragment ?? null);
    if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(fragments, null, 2) + '\n');
    assert.deepEqual(fragments, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}

test('every fragment of every fixture first matches its own claim, whole, in a browser-like search of the report', () => {
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const claims = claimsOf(name);
    fragmentsOf(claims).forEach((fragment, index) => {
      if (fragment === undefined) return;
      assert.equal(matchTextFragment(claims, fragment)?.claim, index, `${name}, claim ${index}: ${fragment}`);
    });
  }
});

test('only a claim that repeats an earlier sentence of its report can be left without a fragment', () => {
  for (const name of cases) {
    const claims = claimsOf(name);
    fragmentsOf(claims).forEach((fragment, index) => {
      if (fragment !== undefined) return;
      assert.ok(claims.slice(0, index).some((earlier) => sameSentence(earlier, claims[index])), `${name}, claim ${index}`);
    });
  }
});

test('the second copy of a repeated sentence gets the end of the sentence before it as a prefix; the first copy needs none', () => {
  const claims = claimsOf('repeated-sentence');
  const [first, second] = claims.flatMap((claim, index) => (claim === 'No decision was taken.' ? [index] : []));
  assert.deepEqual(termsOf(textFragment(claims, first)!), ['No decision was taken.']);
  const terms = termsOf(textFragment(claims, second)!);
  assert.equal(terms.length, 2);
  assert.ok(terms[0].endsWith('-'));
  assert.ok(claims[second - 1].endsWith(terms[0].slice(0, -1)), terms[0]);
  assert.equal(terms[1], 'No decision was taken.');
});

test('a long sentence that opens like an earlier one gets a textStart long enough to tell them apart', () => {
  const claims = claimsOf('shared-opening');
  const index = claims.findIndex((claim) => claim.includes('Kabul'));
  const [start, end] = termsOf(textFragment(claims, index)!);
  assert.ok(claims[index].startsWith(start));
  assert.ok(!claims[0].toLowerCase().includes(start.toLowerCase()), start);
  assert.ok(claims[index].endsWith(end));
});

test('a short claim found inside an earlier, longer sentence is singled out with context', () => {
  const claims = claimsOf('short-inside-long');
  const fragment = textFragment(claims, 1)!;
  assert.notDeepEqual(termsOf(fragment), ['He denied it.']);
  assert.equal(matchTextFragment(claims, fragment)?.claim, 1);
  assert.equal(matchTextFragment(claims, '#:~:text=He%20denied%20it.')?.claim, undefined);
});

test('a long sentence is linked by a few words at each end instead of being spelled out', () => {
  const claims = claimsOf('long-sentence');
  for (const index of [0, 2]) {
    const fragment = textFragment(claims, index)!;
    const terms = termsOf(fragment);
    assert.equal(terms.length, 2, fragment);
    assert.ok(claims[index].startsWith(terms[0]) && claims[index].endsWith(terms[1]));
    for (const term of terms) assert.ok(term.split(' ').length <= 6, term);
    assert.ok(fragment.length < encodeURIComponent(claims[index]).length / 2);
  }
});

test('a repeated long sentence keeps its start and end but takes a prefix from the sentence before it', () => {
  const claims = claimsOf('repeated-long-sentence');
  const terms = termsOf(textFragment(claims, 3)!);
  assert.ok(terms[0].endsWith('-') && claims[2].endsWith(terms[0].slice(0, -1)));
  assert.equal(terms.length, 3);
});

test('hyphens, commas, ampersands, percent and hash signs inside a term are percent-encoded', () => {
  const claims = claimsOf('special-characters');
  fragmentsOf(claims).forEach((fragment, index) => {
    assert.ok(fragment, claims[index]);
    // Only characters a text directive allows unencoded; `-` and `,` only as delimiters.
    assert.match(fragment, /^#:~:text=[A-Za-z0-9%!$'()*+./:;=?@_~,-]+$/);
    const raw = fragment.slice('#:~:text='.length).split(',');
    for (const term of raw) assert.doesNotMatch(term.replace(/^-|-$/g, ''), /[-,&#]/, term);
    const words = claims[index].split(/\s+/);
    for (const term of termsOf(fragment)) {
      for (const word of term.replace(/^-|-$/g, '').split(' ')) assert.ok(words.includes(word), `${word} in ${claims[index]}`);
    }
  });
});

test('non-Latin text is encoded as UTF-8 and decodes back to the words as written', () => {
  const claims = claimsOf('special-characters');
  const urdu = claims.findIndex((claim) => /\p{Script=Arabic}/u.test(claim));
  const fragment = textFragment(claims, urdu)!;
  assert.ok(fragment.includes('%D9%88'), fragment);
  assert.ok(claims[urdu].startsWith(termsOf(fragment)[0]));
});

test('when the only context repeats too, a claim gets no fragment rather than one that highlights an earlier copy', () => {
  const claims = claimsOf('repeated-passage');
  assert.equal(textFragment(claims, claims.length - 1), undefined);
  assert.equal(matchTextFragment(claims, textFragment(claims, 3)!)?.claim, 3);
});

test('the search ignores case and runs of whitespace, so a sentence differing only in those counts as a repeat', () => {
  const claims = claimsOf('case-and-spacing');
  assert.equal(matchTextFragment(claims, '#:~:text=the%20results%20were%20announced.')?.claim, 0);
  assert.ok(termsOf(textFragment(claims, 2)!)[0].endsWith('-'));
});

test('terms match whole words only', () => {
  const claims = ['They concatenate files.', 'The cat slept.'];
  assert.equal(matchTextFragment(claims, '#:~:text=cat')?.text, 'cat');
  assert.equal(matchTextFragment(claims, '#:~:text=cat,slept.')?.text, 'cat slept.');
  assert.equal(matchTextFragment(claims, '#:~:text=catenate'), undefined);
});

test('a textStart,textEnd range runs from the first textStart to the first textEnd after it', () => {
  const claims = ['One thing ended.', 'Another thing began and ended.', 'Then it ended.'];
  assert.equal(matchTextFragment(claims, '#:~:text=another,ended.')?.claim, 1);
  assert.equal(matchTextFragment(claims, '#:~:text=thing,ended.')?.text, 'thing ended.');
});

test('a prefix or a suffix counts only when it touches the text', () => {
  const claims = ['Rain fell.', 'It was cold.', 'Snow fell.', 'Rain fell.', 'Wind rose.'];
  assert.equal(matchTextFragment(claims, '#:~:text=Snow%20fell.-,Rain%20fell.')?.claim, 3);
  assert.equal(matchTextFragment(claims, '#:~:text=cold.-,Rain%20fell.'), undefined);
  assert.equal(matchTextFragment(claims, '#:~:text=Rain%20fell.,-Wind')?.claim, 3);
  assert.equal(matchTextFragment(claims, '#:~:text=Rain%20fell.,-Snow'), undefined);
});

test('a claim that is empty or out of range has no fragment', () => {
  assert.equal(textFragment(['  '], 0), undefined);
  assert.equal(textFragment(['A sentence.'], 1), undefined);
});
