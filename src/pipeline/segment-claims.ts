/**
 * Splits the plain text of one paragraph into claims: its sentences, in reading order, each trimmed, none empty.
 * Every non-space character of the input lands in exactly one claim, in order; only whitespace between claims
 * is dropped. Pass soft line breaks as spaces: a line break ends a sentence under the Unicode rules.
 *
 * Sentence ends come from `Intl.Segmenter` for `lang` (a BCP 47 tag), so scripts with their own full stops
 * (Urdu `۔`, Arabic `؟`) are split correctly. A merge pass then undoes its known false ends:
 * - after a title (`Lt. Gen. Faiz Hameed`): always joined, titles precede a name;
 * - after another abbreviation (`Sept.`, `No.`, `Inc.`) or an initial or initialism (`J.`, `U.S.`, `a.m.`):
 *   joined when the next part continues the sentence, that is it starts with a lowercase letter, a digit, or a
 *   capitalised word that is not a typical sentence opener. So `the U.S. Army` stays whole while
 *   `in the U.S. The next day` splits. The price: a sentence that ends on an initialism and goes on with a name
 *   (`in Washington, D.C. Officials said`) stays joined;
 * - inside a double quotation (“…” or "…"): joined while it is open, so a quoted speech of several sentences is one
 *   claim; a quotation that never closes in the paragraph (the convention for a quote running into the next
 *   paragraph) does not join anything. ‘…’ is ignored, since ’ is also the apostrophe;
 * - before a part that starts with a lowercase letter or with `, ; : ) ] }`: joined, it continues the sentence.
 * The abbreviation data is English; it is checked in every language, where it is simply inert for other scripts.
 */

/** Never the end of a sentence: a title precedes a name, `e.g.` an example. Case-sensitive, like all the data. */
const TITLES = new Set(
  'Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Sgt Gov Sen Rep Rev Hon Pres e.g i.e'.split(' ')
);

/** Abbreviations that may end a sentence, so they join the next part only when it continues the sentence. */
const ABBREVIATIONS = new Set(
  'Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec No vs approx est Inc Ltd Co Corp St Jr Sr etc'.split(' ')
);

/** Capitalised words that usually begin a new sentence rather than continue one after an abbreviation. */
const SENTENCE_OPENERS = new Set(
  (
    'The A An This That These Those It Its He She They We I You His Her Their Our My Your There Here Some Many ' +
    'Most All Both Each Several Such Other Another No Not None Nor Neither Either In On At By For From With Without ' +
    'After Before During Since Until Under Over Into Amid Despite Although Though Because When While Where What ' +
    'Which Who Whom Whose Why How If As But And Or So Yet Also Still Then Now Later Earlier Meanwhile However ' +
    'Instead Thus Hence Moreover Furthermore Indeed Last Next Yesterday Today Tomorrow According'
  ).split(' ')
);

/** The word (or dotted initialism without its last dot) that ends `text` just before a final full stop. */
const FINAL_WORD = /(?:^|[^\p{L}\p{N}.])((?:\p{L}\.)*\p{L}+)\.$/u;
const INITIALISM = /^(?:\p{L}\.)*\p{L}$/u;

export function segmentClaims(text: string, lang = 'en'): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  const quotations = findQuotations(text);
  const claims: string[] = [];
  let current = '';
  for (const { segment, index } of segmenter.segment(text)) {
    const joined = current.trim() === '' || segment.trim() === '' || insideQuotation(quotations, index);
    if (joined || continues(current.trimEnd(), segment.trimStart())) {
      current += segment;
    } else {
      claims.push(current.trim());
      current = segment;
    }
  }
  if (current.trim() !== '') claims.push(current.trim());
  return claims;
}

/** Building a segmenter costs more than splitting a paragraph; one per language tag serves every report. */
const segmenters = new Map<string, Intl.Segmenter>();

/** Whether `next` carries on the sentence that `previous` seems to end. */
function continues(previous: string, next: string): boolean {
  if (/^[\p{Ll},;:)\]}]/u.test(next)) return true;
  const word = FINAL_WORD.exec(previous)?.[1];
  if (word === undefined) return false;
  if (TITLES.has(word)) return true;
  if (!ABBREVIATIONS.has(word) && !INITIALISM.test(word)) return false;
  if (/^\p{N}/u.test(next)) return true;
  const firstWord = /^\p{Lu}[\p{L}’']*/u.exec(next)?.[0];
  return firstWord !== undefined && !SENTENCE_OPENERS.has(firstWord);
}

/**
 * The [open, close] offsets of the double quotations that close within the text. A straight quote toggles; a
 * curly opening quote met while one is open restarts it, as the earlier one was never closed.
 */
function findQuotations(text: string): Array<[number, number]> {
  const quotations: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '“' || (char === '"' && open === -1)) open = i;
    else if ((char === '”' || char === '"') && open !== -1) {
      quotations.push([open, i]);
      open = -1;
    }
  }
  return quotations;
}

/** Whether a sentence boundary at `offset` falls between a quotation's opening and closing marks. */
function insideQuotation(quotations: Array<[number, number]>, offset: number): boolean {
  return quotations.some(([open, close]) => open < offset && offset <= close);
}
