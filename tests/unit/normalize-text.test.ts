import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordTokens } from '../../src/pipeline/normalize-text.ts';

const norms = (text: string, lang?: string) => wordTokens(text, lang).map((t) => t.norm);
const norm = (word: string, lang?: string) => norms(word, lang).join(' ');

test('tokens are the words of the text, with offsets that point back to the words as written', () => {
  const text = '“Pakistan’s envoy,” he said — twenty-seven times!';
  const tokens = wordTokens(text);
  assert.deepEqual(tokens.map((t) => t.text), ['Pakistan’s', 'envoy', 'he', 'said', 'twenty-seven', 'times']);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('compatibility characters and case are folded', () => {
  assert.equal(norm('ﬁnance'), 'finance');
  assert.equal(norm('ＵＮＩＣＥＦ'), 'unicef');
  assert.equal(norm('Kabul'), 'kabul');
});

test('curly and straight apostrophes compare equal and a possessive ’s is dropped', () => {
  assert.equal(norm('Afghanistan’s'), 'afghanistan');
  assert.equal(norm("Afghanistan's"), 'afghanistan');
  assert.equal(norm('don’t'), norm("don't"));
  assert.equal(norm("don't"), "don't");
});

test('British spellings take their American form', () => {
  const pairs: [string, string][] = [
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['kilometres', 'kilometers'],
    ['colour', 'color'], ['favourite', 'favorite'], ['honourable', 'honorable'], ['labourers', 'laborers'],
    ['organise', 'organize'], ['realised', 'realized'], ['organisation', 'organization'], ['criticising', 'criticizing'],
    ['minimise', 'minimize'], ['categorised', 'categorized'], ['analyse', 'analyze'], ['paralysed', 'paralyzed'],
    ['catalogue', 'catalog'], ['dialogues', 'dialogs'], ['defence', 'defense'], ['offences', 'offenses'],
    ['travelled', 'traveled'], ['cancelling', 'canceling'], ['programme', 'program'], ['grey', 'gray'],
    ['manoeuvre', 'maneuver'], ['paediatric', 'pediatric'], ['colourise', 'colorize'],
  ];
  for (const [british, american] of pairs) assert.equal(norm(british), american, british);
});

test('words that only look British keep their spelling', () => {
  const words = ['promise', 'promised', 'premise', 'compromise', 'exercise', 'exercising', 'raise', 'raising',
    'praise', 'rise', 'wise', 'otherwise', 'surprise', 'enterprise', 'advise', 'revised', 'advertising', 'noise',
    'cruise', 'hour', 'tour', 'your', 'genre', 'acre', 'massacre', 'rogue', 'vogue', 'league', 'fence', 'since',
    'cancellation', 'parallel', 'louise', 'denise'];
  for (const word of words) assert.equal(norm(word), word);
});

test('spelled-out numbers become digits, one token per number', () => {
  assert.deepEqual(norms('three'), ['3']);
  assert.deepEqual(norms('Twenty-seven helicopters'), ['27', 'helicopters']);
  assert.deepEqual(norms('twenty seven'), ['27']);
  assert.deepEqual(norms('one hundred and five'), ['105']);
  assert.deepEqual(norms('two hundred thousand people'), ['200000', 'people']);
  assert.deepEqual(norms('three million two hundred thousand and one'), ['3200001']);
  assert.deepEqual(norms('eleven'), ['11']);
  assert.equal(wordTokens('at least twenty-seven.')[2].text, 'twenty-seven');
});

test('number words that do not form one number stay separate', () => {
  assert.deepEqual(norms('five six'), ['5', '6']);
  assert.deepEqual(norms('twenty thirty'), ['20', '30']);
  assert.deepEqual(norms('one, two'), ['1', '2']);
  assert.deepEqual(norms('bread and one egg'), ['bread', 'and', '1', 'egg']);
});

test('thousands separators are removed from digit groups and other numbers are left alone', () => {
  assert.deepEqual(norms('200,000'), ['200000']);
  assert.deepEqual(norms('1,250,000.5'), ['1250000.5']);
  assert.deepEqual(norms('3.5'), ['3.5']);
  assert.deepEqual(norms('1980s'), ['1980s']);
});

test('the stem joins inflections of the same word', () => {
  const [a, b, c] = wordTokens('visited visits visiting');
  assert.equal(a.stem, b.stem);
  assert.equal(b.stem, c.stem);
  assert.equal(wordTokens('helicopters')[0].stem, wordTokens('helicopter')[0].stem);
  assert.equal(wordTokens('organised')[0].stem, wordTokens('organizing')[0].stem);
});

test('English-only rules do not touch other languages', () => {
  assert.equal(norm('centre', 'fr'), 'centre');
  assert.equal(norm('trois', 'fr'), 'trois');
  assert.equal(norm('three', 'fr'), 'three');
  assert.equal(wordTokens('maisons', 'fr')[0].stem, 'maisons');
  assert.equal(norm('colour', 'en-GB'), 'color');
});

test('text pasted from the web compares equal to the same text typed: invisible characters, no-break spaces, decomposed accents', () => {
  const typed = norms('The cafe\u0301 by the warehouse reopened on Sunday.');
  assert.deepEqual(norms('The café by the ware\u200bhouse re\u00adopened on\u00a0Sunday.'), typed);
  assert.deepEqual(norms('\ufeffThe café by the ware\u2060house reopened on Sunday.'), typed);
});

test('a word read through an invisible character keeps its offsets and spelling in the source', () => {
  const text = 'Fire at the ware\u200bhouse.';
  const word = wordTokens(text).find((token) => token.norm === 'warehouse');
  assert.ok(word);
  assert.equal(word.text, 'ware\u200bhouse');
  assert.equal(text.slice(word.start, word.end), word.text);
});

test('Pashto, Dari and Urdu words compare equal whether typed on an Arabic or a Persian keyboard, with or without vowel signs', () => {
  // Dari: "Pakistan rejected the allegations", with Persian ی/ک, then Arabic ي/ك, a tatweel and a fatha.
  for (const lang of ['prs', 'ps', 'ur']) {
    assert.deepEqual(norms('پاکستان اتهامات را رد کرد', lang), norms('پاكستان اتهامـات را رَد كرد', lang), lang);
    assert.deepEqual(norms('یک', lang), norms('يك', lang), lang);
  }
});
