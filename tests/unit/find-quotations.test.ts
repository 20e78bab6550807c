import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations, sharesQuotation, MIN_QUOTATION_WORDS } from '../../src/pipeline/find-quotations.ts';

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
