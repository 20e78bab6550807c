import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languageWithin, textDirection } from '../../src/data/text-direction.ts';

describe('textDirection', () => {
  test('languages written in Arabic, Hebrew or Thaana script read right to left', () => {
    for (const lang of ['ar', 'fa', 'ur', 'ps', 'he', 'yi', 'dv', 'ckb', 'sd', 'ug', 'ks', 'prs']) {
      assert.equal(textDirection(lang), 'rtl', lang);
    }
  });

  test('a region or other subtags do not change a right-to-left language', () => {
    for (const lang of ['ur-PK', 'ar-EG', 'fa-AF', 'he-IL', 'ar-u-nu-latn']) assert.equal(textDirection(lang), 'rtl', lang);
  });

  test('a tag naming an Arabic or Hebrew script reads right to left whatever the language', () => {
    for (const lang of ['pa-Arab', 'az-Arab', 'ms-Arab', 'uz-Arab', 'ku-Arab', 'jrb-Hebr']) assert.equal(textDirection(lang), 'rtl', lang);
  });

  test('a tag naming a left-to-right script reads left to right even for a right-to-left language', () => {
    for (const lang of ['ur-Latn', 'sd-Deva', 'az-Latn', 'ar-Latn']) assert.equal(textDirection(lang), 'ltr', lang);
  });

  test('the script is the one usual in the region: Sindhi in India is written in Devanagari', () => {
    assert.equal(textDirection('sd-IN'), 'ltr');
    assert.equal(textDirection('sd-PK'), 'rtl');
  });

  test('languages written in Latin, Cyrillic, Han or Indic scripts read left to right', () => {
    for (const lang of ['en', 'en-GB', 'de', 'tr', 'ru', 'zh-Hant', 'ja', 'hi', 'pa', 'bn', 'ku']) {
      assert.equal(textDirection(lang), 'ltr', lang);
    }
  });

  test('case does not matter in a tag', () => {
    assert.equal(textDirection('UR'), 'rtl');
    assert.equal(textDirection('pa-arab'), 'rtl');
  });

  test('a value that is not a language tag is read left to right', () => {
    for (const lang of ['', 'x', 'not a tag', 'en_US_']) assert.equal(textDirection(lang), 'ltr', JSON.stringify(lang));
  });
});

describe('languageWithin', () => {
  test('text in the language around it takes no attributes: it inherits them', () => {
    assert.deepEqual(languageWithin('en', 'en'), {});
    assert.deepEqual(languageWithin(undefined, 'ur'), {});
  });

  test('text in another language is tagged with it and its direction', () => {
    assert.deepEqual(languageWithin('ur', 'en'), { lang: 'ur', dir: 'rtl' });
    assert.deepEqual(languageWithin('en', 'ur'), { lang: 'en', dir: 'ltr' });
    assert.deepEqual(languageWithin('en-GB', 'en'), { lang: 'en-GB', dir: 'ltr' });
  });
});
