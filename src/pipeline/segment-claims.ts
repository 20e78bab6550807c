import { quotedSpans } from './find-quotations.ts';

/**
 * Splits the plain text of one paragraph into claims: its sentences, in reading order, each trimmed, none empty.
 * Every non-space character of the input lands in exactly one claim, in order; only whitespace between claims
 * is dropped. Pass soft line breaks as spaces: a line break ends a sentence under the Unicode rules.
 *
 * Sentence ends come from `Intl.Segmenter` for `lang` (a BCP 47 tag), so scripts with their own full stops
 * (Urdu `۔`, Arabic `؟`) are split correctly, and from full stops that text pasted from a page left with no
 * space after them, between a lowercase word and a capitalised one (`in yen.The forecast`), which the Unicode
 * rules read as one word (RUN_ON_STOP). A merge pass then undoes the known false ends:
 * - after a title, singular or plural (`Lt. Gen. Faiz Hameed`, `former Sens. Ann Lee and Tom Ray`): always
 *   joined, titles precede a name;
 * - after another abbreviation (`Sept.`, `No.`, `Inc.`) or an initial or initialism (`J.`, `U.S.`, `a.m.`):
 *   joined when the next part continues the sentence, that is it starts with a lowercase letter, a digit, or a
 *   capitalised word that is not a typical sentence opener. So `the U.S. Army` stays whole while
 *   `in the U.S. The next day` splits. The price: a sentence that ends on an initialism and goes on with a name
 *   (`in Washington, D.C. Officials said`) stays joined;
 * - after a single capital initial before another initial (`Rep. C. A. Smith`): joined, though `A` opens
 *   sentences too;
 * - after an initialism with a possessive apostrophe (`the U.S.' Kurdish allies`): as after the initialism,
 *   unless the apostrophe closes a single quotation (`'made in the U.S.' The`);
 * - after a quoted question or exclamation (`"Why now?"`, `‘Stop!’`) before its attribution: joined. The
 *   attribution is a lowercase word (`she asked`) or a name or pronoun, perhaps with an apposition, followed by a
 *   speech verb (`Akin continued`, `Jones, a farmer, asked`); `"Why?" Nobody answered.` splits;
 * - inside a double quotation (“…” or "…"): joined while it is open, so a quoted speech of several sentences is one
 *   claim; a quotation that never closes in the paragraph (the convention for a quote running into the next
 *   paragraph) does not join anything. Single quotations do not join sentences, since ’ and ' are also
 *   apostrophes. The quotation marks are read by `quotedSpans` (find-quotations.ts);
 * - before a part that starts with a lowercase letter or with `, ; : ) ] }`: joined, it continues the sentence.
 * The abbreviation data is English; it is checked in every language, where it is simply inert for other scripts.
 */

/** Never the end of a sentence: a title precedes a name, `e.g.` an example. Case-sensitive, like all the data. */
const TITLES = new Set('Mr Mrs Ms Messrs Mme Hon Rt Pres e.g i.e'.split(' '));
/**
 * Titles of office and rank, which also precede a name in the plural (`former Sens.`, `Govs.`, `Sgts.`). Kept
 * apart from TITLES, whose plurals would be words (`Pres` + `s` is `Press`, which ends many a sentence).
 */
const RANKS = new Set(
  'Dr Prof Gen Lt Col Maj Capt Cmdr Adm Brig Sgt Cpl Pvt Det Insp Supt Gov Sen Rep Amb Rev Msgr'.split(' ')
);
const isTitleWord = (word: string) =>
  TITLES.has(word) || RANKS.has(word) || (word.endsWith('s') && RANKS.has(word.slice(0, -1)));

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

/**
 * The word (or dotted initialism without its last dot) that ends `text` just before a final full stop, and the
 * apostrophe after that stop, if any (`U.S.'`).
 */
const FINAL_WORD = /(?:^|[^\p{L}\p{N}.])((?:\p{L}\.)*\p{L}+)\.(['’]?)$/u;
const INITIALISM = /^(?:\p{L}\.)*\p{L}$/u;
const INITIAL_NEXT = /^\p{Lu}\.(?:\s|$)/u;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}’']*/u;

/**
 * A full stop glued to the next sentence: after two lowercase letters (not an initialism such as `e.g.` or
 * `a.m.`), before a capitalised word. The merge pass still joins what continues (`St.Louis`).
 */
const RUN_ON_STOP = /(?<=\p{Ll}\p{Ll})\.(?=\p{Lu}\p{Ll})/gu;

/** `?` or `!` with the closing quotation marks after it, at the end of a part. */
const QUOTED_ASK = /[?!]["'”’»]+$/u;
const SPEECH_VERBS =
  'said says asked asks continued continues added adds told tells wrote writes replied replies insisted insists ' +
  'according answered answers responded responds explained explains shouted shouts yelled cried exclaimed ' +
  'demanded demands wondered wonders recalled recalls noted notes declared declares argued argues warned warns ' +
  'stated states countered counters urged urges admitted admits conceded concedes joked jokes quipped tweeted';
/** A name or pronoun: up to six capitalised words, titles and initials; an apposition; a speech verb. */
const ATTRIBUTION = new RegExp(
  String.raw`^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,5}(?:,[^,.?!"“”]{1,60},)?\s+` +
    String.raw`(?:${SPEECH_VERBS.split(' ').join('|')})(?![\p{L}\p{N}])`,
  'u',
);

export function segmentClaims(text: string, lang = 'en'): string[] {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })));
  const spans = quotedSpans(text);
  // Double spans with both marks never overlap and come in reading order, so one pointer finds the span that
  // may hold each break.
  const quotations = spans.filter((s) => s.kind === 'double' && s.open >= 0 && s.close >= 0);
  const singleCloses = new Set(spans.flatMap((s) => (s.kind === 'single' ? [s.close] : [])));
  const claims: string[] = [];
  // The claim being built is text.slice(start, index); `end` is where its last non-space character ends (start
  // while it has none). Offsets rather than strings keep each break's work to the few characters it reads.
  let start = 0;
  let end = 0;
  let quotation = 0;
  for (const { segment, index } of sentenceParts(segmenter, text)) {
    while (quotation < quotations.length && quotations[quotation]!.close < index) quotation++;
    const quoted = quotation < quotations.length && quotations[quotation]!.open < index;
    const joined = end === start || segment.trim() === '' || quoted;
    if (!joined && !continues(lastWords(text, start, end), text.slice(index).trimStart(), singleCloses.has(end - 1))) {
      claims.push(text.slice(start, index).trim());
      start = index;
      end = index;
    }
    const trimmed = segment.trimEnd().length;
    if (trimmed > 0) end = index + trimmed;
  }
  if (text.slice(start).trim() !== '') claims.push(text.slice(start).trim());
  return claims;
}

/** The segmenter's sentences of `text`, each cut once more after every RUN_ON_STOP in it. */
function* sentenceParts(segmenter: Intl.Segmenter, text: string): Generator<{ segment: string; index: number }> {
  for (const { segment, index } of segmenter.segment(text)) {
    let from = 0;
    for (const stop of segment.matchAll(RUN_ON_STOP)) {
      yield { segment: segment.slice(from, stop.index + 1), index: index + from };
      from = stop.index + 1;
    }
    yield { segment: segment.slice(from), index: index + from };
  }
}

/**
 * The end of a claim's text, text.slice(start, end), as far back as `continues` reads it: its closing quotation
 * marks, the stop before them, the word or initialism before the stop, and one character before that word. The
 * patterns that read it are anchored at the end and find the same there as in the whole claim, so a claim
 * thousands of initials long (`A. B. C. …`) costs each break a few characters rather than the whole claim.
 */
function lastWords(text: string, start: number, end: number): string {
  let from = end;
  while (from > start && CLOSING_MARKS.has(text[from - 1]!)) from--;
  if (from > start) from--;
  while (from > start && WORD_OR_STOP.test(text.slice(Math.max(start, from - 2), from))) from -= codePointBefore(text, from);
  if (from > start) from -= codePointBefore(text, from);
  return text.slice(Math.max(start, from), end);
}
const CLOSING_MARKS = new Set(['"', "'", '”', '’', '»']);
/** A letter, digit or full stop that ends the string (a letter beyond the BMP is two code units). */
const WORD_OR_STOP = /[\p{L}\p{N}.]$/u;
/** How many code units the code point before `at` takes. */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
}

/** Building a segmenter costs more than splitting a paragraph; one per language tag serves every report. */
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Whether `next` (the rest of the paragraph) carries on the sentence that `previous` (the end of the claim so far,
 * see `lastWords`) seems to end. `closesQuote`: the last mark of `previous` closes a single quotation, so it is no
 * possessive apostrophe.
 */
function continues(previous: string, next: string, closesQuote: boolean): boolean {
  if (/^[\p{Ll},;:)\]}]/u.test(next)) return true;
  if (QUOTED_ASK.test(previous)) return ATTRIBUTION.test(next) && mayBeSpeaker(CAPITALISED_WORD.exec(next)?.[0]);
  const [, word, apostrophe] = FINAL_WORD.exec(previous) ?? [];
  if (word === undefined) return false;
  if (apostrophe) {
    if (closesQuote || !word.includes('.')) return false;
  } else {
    if (isTitleWord(word)) return true;
    if (!ABBREVIATIONS.has(word) && !INITIALISM.test(word)) return false;
    if (/^\p{Lu}$/u.test(word) && INITIAL_NEXT.test(next)) return true;
  }
  if (/^\p{N}/u.test(next)) return true;
  const firstWord = CAPITALISED_WORD.exec(next)?.[0];
  return firstWord !== undefined && !SENTENCE_OPENERS.has(firstWord);
}

/**
 * Whether the first word of an attribution can name who spoke: a subject pronoun or a name, not a word that
 * opens a new sentence (`Then`, `Many`) nor one that says nobody spoke (`"Why?" Nobody answered.`).
 */
function mayBeSpeaker(word: string | undefined): boolean {
  if (word === undefined || word === 'Nobody') return false;
  return SPEAKER_PRONOUNS.has(word) || !SENTENCE_OPENERS.has(word);
}
const SPEAKER_PRONOUNS = new Set('I You He She It We They'.split(' '));
