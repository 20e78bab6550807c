import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations, quotedSpans, sharesQuotation, MIN_QUOTATION_WORDS } from '../../src/pipeline/find-quotations.ts';

const words = (text: string) => findQuotations(text).map((q) => q.words.join(' '));

test('straight and curly double quotation marks both mark a quotation, with offsets into the claim', () => {
  const curly = 'The envoy said the reports were “part of a propaganda campaign” on Friday.';
  const straight = 'The envoy said the reports were "part of a propaganda campaign" on Friday.';
  for (const text of [curly, straight]) {
    const [q] = findQuotations(text);
    assert.equal(q.text, 'part of a propaganda campaign');
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.deepEqual(q.words, ['part', 'of', 'a', 'propaganda', 'campaign']);
  }
});

test('a claim can hold several quotations', () => {
  assert.deepEqual(words('"We will rebuild the bridge," she said, "and we will do it this year."'), [
    'we will rebuild the bridge',
    'and we will do it this year',
  ]);
});

test('scare quotes around one or two words are not quotations', () => {
  assert.equal(MIN_QUOTATION_WORDS, 3);
  assert.deepEqual(words('Officials called it a ‘collective responsibility’ before the ‘fall’ of the city.'), []);
  assert.deepEqual(words('He called for a "national uprising".'), []);
});

test('curly single quotation marks mark a quotation, but apostrophes do not', () => {
  assert.deepEqual(words('The minister’s aide said it was ‘a matter for the courts alone’, not for the cabinet.'), [
    'a matter for the courts alone',
  ]);
  assert.deepEqual(words('The country’s leaders’ plans were not the government’s.'), []);
});

test('a quotation that runs across sentences is found in each of its parts', () => {
  assert.deepEqual(words('He said: “We are ready to talk to anyone who wants peace.'), ['we are ready to talk to anyone who wants peace']);
  assert.deepEqual(words('But we will not be threatened by anyone,” he added.'), ['but we will not be threatened by anyone']);
});

test('a quoted title names a work and is not a quotation', () => {
  assert.deepEqual(words('The film "Harry Potter and the Order of the Phoenix" opened on Friday.'), []);
  assert.deepEqual(words('Critics called the film "a triumph of style over story".'), ['a triumph of style over story']);
});

test('claims share a quotation when the quoted words are the same after normalisation', () => {
  const a = words('Iftikhar said Pakistan had “categorically rejected these allegations.”');
  const b = words('The spokesperson "Categorically rejected these allegations", the ministry said.');
  assert.ok(sharesQuotation(a, b));
});

test('claims share a quotation when one quotation is contained in the other, on whole words', () => {
  const long = words('He said the reports were "part of a mischievous propaganda campaign against the country."');
  assert.ok(sharesQuotation(long, words('She called them a "mischievous propaganda campaign".')));
  assert.ok(!sharesQuotation(long, words('She called them "the propaganda camp".')));
  assert.ok(!sharesQuotation(long, words('She said it was "a campaign of lies".')));
  assert.ok(!sharesQuotation(long, []));
});

test('straight single quotation marks mark a quotation like curly ones, with offsets into the claim', () => {
  const text = 'The mayor said the plan was \'a promise we cannot keep\' and left early.';
  const [q] = findQuotations(text);
  assert.equal(q.text, 'a promise we cannot keep');
  assert.equal(text.slice(q.start, q.end), q.text);
  assert.deepEqual(words("'We will build the mill again,' the owner said."), ['we will build the mill again']);
  assert.deepEqual(words("Her answer (a flat 'not in my lifetime') ended it."), ['not in my lifetime']);
  assert.deepEqual(words("He had one reply \u2014'ask the ferry captain'."), ['ask the ferry captain']);
});

test('apostrophes are not straight single quotation marks', () => {
  assert.deepEqual(
    words("The growers don't trust the U.S.' trade envoys, who grew up on Okafor's rock 'n' roll records."),
    [],
  );
  // Read as an opening mark, the elided year would pair with the plural possessive into a quotation.
  assert.deepEqual(words("In the '90s the bakers' shop sold vinyl."), []);
});

test('a straight single quotation keeps an apostrophe inside it', () => {
  const quoted = findQuotations("She denied it was 'a war of the council's choosing' at the meeting.");
  assert.deepEqual(quoted.map((q) => q.text), ["a war of the council's choosing"]);
});

test('a straight single mark after a space does not close a quotation', () => {
  const quoted = findQuotations("'The new fence is 6 ' taller than the old one,' a neighbour said.");
  assert.deepEqual(quoted.map((q) => q.text), ["The new fence is 6 ' taller than the old one,"]);
});

test('a straight single quotation can sit inside a double one', () => {
  assert.deepEqual(words('"They told us \'the water is safe to drink\' and we believed them," she said.'), [
    'they told us the water is safe to drink and we believed them',
    'the water is safe to drink',
  ]);
});

test('quoted spans report a double quotation opened or closed outside the text, but no unpaired single mark', () => {
  assert.deepEqual(quotedSpans('But we stayed,” he said.'), [{ kind: 'double', open: -1, close: 14 }]);
  assert.deepEqual(quotedSpans('He said: “We go.'), [{ kind: 'double', open: 9, close: -1 }]);
  assert.deepEqual(quotedSpans("It began in the '80s and ended with 'the last train home'."), [
    { kind: 'single', open: 36, close: 56 },
  ]);
  assert.deepEqual(quotedSpans("He called it 'the best year of all."), []);
});
