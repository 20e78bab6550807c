import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { carryLabels, kindMeanings, publishedDatetime, quoteMarks, quoted, shorten, theOutlet } from '../../src/data/format.ts';

describe('theOutlet', () => {
  test('an outlet whose name begins with "The" gets no second "the": "Read in The New York Times report"', () => {
    assert.equal(`Read in ${theOutlet('The New York Times')} report`, 'Read in The New York Times report');
    assert.equal(theOutlet('the Hindu'), 'the Hindu');
  });

  test('any other outlet is read with "the" before it, even one whose name starts with "The" inside a word', () => {
    assert.equal(theOutlet('Reuters'), 'the Reuters');
    assert.equal(theOutlet('Theatre Weekly'), 'the Theatre Weekly');
  });
});

describe('quoted', () => {
  test('a claim is put in quotation marks', () => {
    assert.equal(quoted('The bridge reopened.'), '“The bridge reopened.”');
  });

  test('a claim that opens with a quotation mark gets no second one, in a tooltip cut short too', () => {
    const claim = '“We will not stop until the bridge is rebuilt for every family in the valley,” the minister said on Monday.';
    assert.equal(quoted(claim), claim);
    assert.doesNotMatch(quoted(shorten(claim, 40)), /^““/);
  });

  test('a claim that ends with a quotation mark, straight or curly, gets none added', () => {
    for (const claim of ['He called it “a disgrace.”', "She said 'no.'", 'They chanted "Stop!"', '« Jamais », a-t-il dit']) {
      assert.deepEqual(quoteMarks(claim), ['', ''], claim);
    }
  });
});

describe('wording labels', () => {
  test('every kind of match has a label, a symbol and a meaning, and part means said within a longer sentence', () => {
    assert.deepEqual(carryLabels.part, { text: 'part', symbol: '⊂' });
    assert.equal(kindMeanings.part, 'said within a longer sentence');
    assert.equal(kindMeanings.paraphrase, 'the same claim in other words');
  });
});

test('a report’s time element gives the moment as written where its file has one, else the day', () => {
  const day = new Date('2021-09-10T00:00:00Z');
  assert.equal(publishedDatetime({ published: day }), '2021-09-10');
  assert.equal(
    publishedDatetime({ published: day, publishedTime: { moment: Date.parse('2021-09-09T19:30:00Z'), text: '2021-09-10T01:00:00+05:30' } }),
    '2021-09-10T01:00:00+05:30',
  );
});
