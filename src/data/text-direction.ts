/**
 * The writing direction of text in a language, for `dir` attributes: `rtl` when the language is written in a
 * right-to-left script, `ltr` otherwise (and for a tag that is not valid BCP 47).
 *
 * The script is the tag's own (`pa-Arab`, `ur-Latn`) or, when it names none, the language's usual one from
 * CLDR's likely subtags (`Intl.Locale#maximize`: `ur` -> `Arab`, `ckb` -> `Arab`, `sd-IN` -> `Deva`). That part
 * of ECMA-402 is stable everywhere; `Intl.Locale#getTextInfo()` is not (Node 22 has only the older `textInfo`
 * getter, Chromium the newer method, Firefox neither), so it is not used.
 */
export type TextDirection = 'ltr' | 'rtl';

/** ISO 15924 codes of the scripts written right to left that CLDR assigns to some language. */
const RTL_SCRIPTS = new Set([
  'Adlm', // Adlam (Fulani)
  'Arab', // Arabic, Persian, Urdu, Pashto, Sindhi, Sorani Kurdish, Uyghur…
  'Hebr', // Hebrew, Yiddish, Ladino
  'Mand', // Mandaic
  'Mend', // Mende Kikakui
  'Nkoo', // N'Ko
  'Rohg', // Hanifi Rohingya
  'Samr', // Samaritan
  'Syrc', // Syriac
  'Thaa', // Thaana (Dhivehi)
  'Yezi', // Yezidi
]);

// A page asks for the direction of the same few tags once per claim, and maximizing a tag costs microseconds
// each time (2 ms a story page): each tag's answer is kept for the process.
const directions = new Map<string, TextDirection>();

export function textDirection(lang: string): TextDirection {
  let direction = directions.get(lang);
  if (direction === undefined) {
    direction = scriptDirection(lang);
    directions.set(lang, direction);
  }
  return direction;
}

/**
 * The `lang` and `dir` attributes of text in `lang` that stands inside an element in `around`: none when the two
 * are the same, since the text inherits them (a story page repeats them for nothing hundreds of times).
 */
export function languageWithin(lang: string | undefined, around: string): { lang?: string; dir?: TextDirection } {
  return lang === undefined || lang === around ? {} : { lang, dir: textDirection(lang) };
}

function scriptDirection(lang: string): TextDirection {
  let script: string | undefined;
  try {
    script = new Intl.Locale(lang).maximize().script;
  } catch {
    return 'ltr';
  }
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
