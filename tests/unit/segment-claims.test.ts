import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { segmentClaims } from '../../src/pipeline/segment-claims.ts';

// Each `<case>.txt` holds one paragraph; `<case>.expected.json` its sentences. `UPDATE=1` rewrites the
// expectations from the current output, to be reviewed by eye before they are committed.
const fixtures = new URL('../fixtures/segmentation/', import.meta.url);
const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -'.txt'.length));

const nonSpace = (text: string) => text.replace(/\s+/gu, '');

for (const name of cases) {
  test(`the paragraph "${name}" splits into the sentences an editor would mark`, () => {
    const text = readFileSync(new URL(`${name}.txt`, fixtures), 'utf8');
    const expectedFile = new URL(`${name}.expected.json`, fixtures);
    const claims = segmentClaims(text);
    if (process.env.UPDATE) writeFileSync(expectedFile, JSON.stringify(claims, null, 2) + '\n');
    assert.deepEqual(claims, JSON.parse(readFileSync(expectedFile, 'utf8')));
  });
}

test('every non-space character of every fixture lands in exactly one claim, in order', () => {
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const text = readFileSync(new URL(`${name}.txt`, fixtures), 'utf8');
    const claims = segmentClaims(text);
    assert.equal(nonSpace(claims.join('')), nonSpace(text), name);
    for (const claim of claims) {
      assert.notEqual(claim, '', name);
      assert.equal(claim, claim.trim(), name);
    }
  }
});

test('claims are found in their own order within the paragraph', () => {
  const text = 'First it rained.  Then   it snowed. Finally the sun came out.';
  const claims = segmentClaims(text);
  assert.deepEqual(claims, ['First it rained.', 'Then   it snowed.', 'Finally the sun came out.']);
  let from = 0;
  for (const claim of claims) {
    const at = text.indexOf(claim, from);
    assert.ok(at >= from, claim);
    from = at + claim.length;
  }
});

test('an empty or blank paragraph has no claims', () => {
  assert.deepEqual(segmentClaims(''), []);
  assert.deepEqual(segmentClaims('  \n\t '), []);
});

test('a paragraph without a full stop is one claim', () => {
  assert.deepEqual(segmentClaims('  Breaking news from Kabul '), ['Breaking news from Kabul']);
});

test('Urdu text splits at the Urdu full stop and question mark', () => {
  const text =
    'پاکستان نے طالبان کی مدد کے الزامات مسترد کر دیے۔ ترجمان نے کہا کہ یہ ایک پروپیگنڈا مہم ہے۔ کیا یہ سچ ہے؟';
  assert.deepEqual(segmentClaims(text, 'ur'), [
    'پاکستان نے طالبان کی مدد کے الزامات مسترد کر دیے۔',
    'ترجمان نے کہا کہ یہ ایک پروپیگنڈا مہم ہے۔',
    'کیا یہ سچ ہے؟',
  ]);
});

test('a title is never the end of a sentence, even before a typical opener', () => {
  assert.deepEqual(segmentClaims('They met Dr. The Hon. Ali Khan. He agreed.'), [
    'They met Dr. The Hon. Ali Khan.',
    'He agreed.',
  ]);
});

test('a quotation that opens with a straight quote and closes with a curly one still holds together', () => {
  assert.deepEqual(segmentClaims('He said "We will go. They will stay.” Then he left.'), [
    'He said "We will go. They will stay.”',
    'Then he left.',
  ]);
});

test('Pashto and Dari text splits at Latin and Arabic full stops, question and exclamation marks', () => {
  assert.deepEqual(segmentClaims('طالبانو د پنجشیر دره ونیوله. پاکستان دا تورونه رد کړل؟ ویاند وویل چې دا تبلیغات دي!', 'ps'), [
    'طالبانو د پنجشیر دره ونیوله.',
    'پاکستان دا تورونه رد کړل؟',
    'ویاند وویل چې دا تبلیغات دي!',
  ]);
  assert.deepEqual(segmentClaims('طالبان دره پنجشیر را تصرف کردند. پاکستان این اتهامات را رد کرد۔ سخنگو گفت که این یک کارزار تبلیغاتی است.', 'prs'), [
    'طالبان دره پنجشیر را تصرف کردند.',
    'پاکستان این اتهامات را رد کرد۔',
    'سخنگو گفت که این یک کارزار تبلیغاتی است.',
  ]);
});

test('a quotation in guillemets holds its sentences together, as find-quotations reads it', () => {
  assert.deepEqual(segmentClaims('«Nous partirons demain. Ils resteront», a-t-il dit. Puis il est parti.', 'fr'), [
    '«Nous partirons demain. Ils resteront», a-t-il dit.',
    'Puis il est parti.',
  ]);
});

test('a straight double quote after a number is no opening quotation that swallows the next sentences', () => {
  assert.deepEqual(segmentClaims('The main is 12" wide. It burst on Monday. She said "it will be mended." Crews came.'), [
    'The main is 12" wide.',
    'It burst on Monday.',
    'She said "it will be mended."',
    'Crews came.',
  ]);
});

test('single quotation marks do not hold sentences together, since they double as apostrophes', () => {
  assert.deepEqual(segmentClaims("'We waited. Nobody came,' the farmer said."), [
    "'We waited.",
    "Nobody came,' the farmer said.",
  ]);
});

test('a paragraph of sixteen thousand initials stays one claim, every initial kept', () => {
  const initials = 'A. B. C. D. '.repeat(4000).trim();
  assert.deepEqual(segmentClaims(`${initials} Smith spoke.`), [`${initials} Smith spoke.`]);
  const titles = 'Mr. '.repeat(4000).trim();
  assert.deepEqual(segmentClaims(`${titles} Khan left. He came back.`), [`${titles} Khan left.`, 'He came back.']);
});

test('a paragraph of thousands of sentences and quotations splits as each of its parts does on its own', () => {
  const part = 'He said "We will go. They will stay." Then he left. Dr. J. Smith of the U.S. Army agreed. "Why?" she asked. ';
  const alone = segmentClaims(part);
  assert.equal(alone.length, 4);
  assert.deepEqual(segmentClaims(part.repeat(3000)), Array.from({ length: 3000 }, () => alone).flat());
});
