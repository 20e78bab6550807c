import { stemmer } from 'stemmer';
import { wordTokens, type WordToken } from './normalize-text.ts';
import { stopwords } from './stopwords.ts';
import { findQuotations } from './find-quotations.ts';
import { findAttributions } from './find-attributions.ts';
import { isWrittenYear } from './find-dates.ts';
import { findTitledNames } from './find-names.ts';
import { furthestReach } from './pair-mentions.ts';
import { wordTable } from './word-table.ts';

const english = (lang: string) => lang.toLowerCase().split('-')[0] === 'en';

/**
 * A claim read once for matching: everything `matchFeatures` and `scoreClaims` compare, so that scoring a
 * pair never goes back to the text. Nothing in it depends on other claims, so a pair's score depends on the
 * pair alone.
 */
export interface PreparedClaim {
  /** Stems of all words, in order (function words included: they carry word order and phrasing). */
  stems: string[];
  /** The same stems, each once. */
  words: Set<string>;
  /** Content stems (not stopwords), each once. */
  content: Set<string>;
  /** Content stems that look like names: capitalised inside the sentence, or acronyms. */
  names: Set<string>;
  /** Numbers as written in digits (`27`, `200000`, `2.5`, `1980s`). */
  numbers: Set<string>;
  /** Years: four digits from 1800 to 2099 written without a separator (`2016`, not `1,900`). */
  years: Set<string>;
  /** Word bigrams and trigrams of `stems`, joined by a space. */
  bigrams: Set<string>;
  trigrams: Set<string>;
  /** How many words negate (not, no, never, …n't). */
  negations: number;
  /** Content stems a negation bears on: those within three words after it ("did not resign", "failed to pay"). */
  negated: Set<string>;
  /** Normalised word sequences of the claim's quotations (see find-quotations.ts): the first MAX_QUOTED. */
  quotations: string[];
  /**
   * Who the claim says its words come from, outside its quotations (find-attributions.ts: "Iftikhar said",
   * "according to Reuters"): an attribution inside quoted words is part of what is quoted, not its source.
   * The first MAX_QUOTED; none for a claim without a quotation, since only the quotation rule reads them.
   */
  speakers: string[][][];
  /**
   * The claim's content words, each stem once, in reading order, for the word-alignment features: the first
   * MAX_TERMS of them.
   */
  terms: Term[];
  /** The word tokens the claim was read from: offsets for the span a part match records. */
  tokens: readonly WordToken[];
  /** The clause each token stands in (see Term.clause). */
  tokenClauses: Uint16Array;
  /** The space the terms' rows belong to; two claims are compared in it when both were read with it. */
  space?: VectorSpace;
}

/** One content word of a claim, as the word-alignment features compare it. */
export interface Term {
  stem: string;
  /** Row of the word in the vector space, or -1 when the space does not know it (or none was given). */
  vector: number;
  /** How much the word says: rarer words more (see rarity). */
  weight: number;
  /** Names and numbers match only themselves: vectors put Pakistan beside India and 12 beside 15. */
  exact: boolean;
  /** Index of the word's first token in `tokens`. */
  at: number;
  /** Index of the clause the word stands in (see CLAUSE_WORDS); clauses are numbered from 0 in reading order. */
  clause: number;
}

/**
 * Words that open a new clause; with the punctuation in CLAUSE_MARKS they cut a claim into the clauses a part
 * match may align with ("…crashed on Friday, | killing 12 people | and injuring 35").
 */
const CLAUSE_WORDS = new Set([
  'and', 'but', 'while', 'whereas', 'although', 'though', 'after', 'before', 'as', 'because', 'since', 'when',
  'which', 'who', 'where', 'until', 'saying', 'said', 'says', 'adding', 'killing', 'leaving', 'including',
]);
const CLAUSE_MARKS = /[,;:()\[\]\u2013\u2014"“”]|\s-\s/u;

/**
 * Most content words of a claim that the word alignment reads (align-words.ts compares each with each of the
 * other claim's). The longest claim of the stories and corpora the site is measured on has 34; a sentence with
 * more than 200 different content words is no claim a reader compares word by word, and the rest of it still
 * counts in every other feature.
 */
export const MAX_TERMS = 200;

/**
 * Most quotations, and most speakers, of a claim that the quotation rule compares (score-claims.ts weighs each
 * against each of the other claim's). Real claims hold at most two of each; past twenty, a claim is a
 * transcript pasted as one sentence.
 */
export const MAX_QUOTED = 20;

/**
 * What the matcher needs of a word-vector space (word-vectors.ts): a row per known word, the cosine of two
 * rows, and the word's place in the space's frequency order, which serves as its rarity.
 */
export interface VectorSpace {
  readonly size: number;
  indexOf(word: string): number;
  similarity(i: number, j: number): number;
  rank(i: number): number;
}

/**
 * The weight of a word of frequency rank `rank` (0 the commonest) among `size` words: the log of its rank, so a
 * word a hundred times rarer weighs about two more. Words the space does not know (most are names, numbers and
 * typos) weigh as the rarest.
 */
export function rarity(rank: number, size: number): number {
  return Math.log(2 + Math.min(rank < 0 ? size : rank, size) / 200);
}

const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}.]+$/u;
const CAPITALISED = /^\p{Lu}/u;
const NUMBER = /^\p{N}/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const isAsciiCapital = (code: number) => code >= 0x41 && code <= 0x5a;
const isAsciiDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Whether `word` starts as `pattern` (anchored at the start) requires; an ASCII first letter is told by `ascii`, faster. */
function startsWith(word: string, pattern: RegExp, ascii: (code: number) => boolean): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? ascii(code) : pattern.test(word);
}

/**
 * Words that negate what follows them: negations proper, their spellings without an apostrophe, and the verbs
 * that state an action did not happen ("failed to pay", "refused to comment", "denied taking").
 */
const NEGATIONS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without',
  'dont', 'doesnt', 'didnt', 'wont', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'isnt', 'arent', 'wasnt', 'werent',
  'havent', 'hasnt', 'hadnt',
  'fail', 'fails', 'failed', 'failing', 'failure', 'refuse', 'refuses', 'refused', 'refusing', 'decline', 'declines',
  'declined', 'declining', 'deny', 'denies', 'denied', 'denying',
]);

/**
 * Abbreviations written with a full stop, read as the word they stand for, so that "Gen. Hameed" and "General
 * Hameed", "Sept. 11" and "September 11" share their words. Case-sensitive, as written before a name or number.
 */
const ABBREVIATED: Record<string, string> = wordTable({
  Gen: 'general', Lt: 'lieutenant', Col: 'colonel', Maj: 'major', Capt: 'captain', Sgt: 'sergeant', Adm: 'admiral',
  Cmdr: 'commander', Gov: 'governor', Sen: 'senator', Sens: 'senators', Rep: 'representative', Reps: 'representatives',
  Pres: 'president', Prof: 'professor', Dr: 'doctor', Rev: 'reverend', Amb: 'ambassador', Supt: 'superintendent',
  Jan: 'january', Feb: 'february', Mar: 'march', Apr: 'april', Aug: 'august', Sep: 'september', Sept: 'september',
  Oct: 'october', Nov: 'november', Dec: 'december', Mt: 'mount', Ft: 'fort',
});

/**
 * Reads `text` for matching; `lang` picks the stopwords and word rules (see normalize-text.ts). `tokens`, when
 * given, must be `wordTokens(text, lang)` (a caller that already has them saves reading the text again).
 */
export function prepareClaim(
  text: string,
  lang = 'en',
  tokens: readonly WordToken[] = wordTokens(text, lang),
  space?: VectorSpace,
): PreparedClaim {
  const stop = stopwords(lang);
  const stems: string[] = [];
  const content = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  const years = new Set<string>();
  let negations = 0;
  const negated = new Set<string>();
  let negationReach = 0;
  const terms: Term[] = [];
  // The clause of the last new content word, whether or not it is among the terms kept.
  let termClause = -1;
  let clause = 0;
  const tokenClauses = new Uint16Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && (CLAUSE_WORDS.has(t.norm) || CLAUSE_MARKS.test(text.slice(tokens[i - 1]!.end, t.start)))) {
      // A clause holds at least one content word: "and" after a comma opens one clause, not two.
      if (termClause === clause && clause < 0xffff) clause++;
    }
    tokenClauses[i] = clause;
    const capitalised = startsWith(t.text, CAPITALISED, isAsciiCapital);
    // An acronym is a name even when it spells a function word (US, IT), and its dots do not count (U.S.).
    const acronym = capitalised && ACRONYM.test(t.text);
    const expanded = text[t.end] === '.' ? ABBREVIATED[t.text] : undefined;
    const stem = expanded ? stemmer(expanded) : acronym ? t.norm.replace(/\./g, '') : t.stem;
    stems.push(stem);
    const negation = NEGATIONS.has(t.norm) || t.norm.endsWith("n't");
    if (startsWith(t.norm, NUMBER, isAsciiDigit)) {
      numbers.add(t.norm);
      if (isWrittenYear(t.text)) years.add(t.text);
    }
    const isContent = (acronym || !stop.has(t.norm)) && ALPHANUMERIC.test(t.norm);
    if (negation) {
      negations++;
      negationReach = 3;
    } else if (negationReach > 0) {
      negationReach--;
      if (isContent) negated.add(stem);
    }
    if (!isContent) continue;
    const name = acronym || (i > 0 && capitalised);
    if (name) names.add(stem);
    if (content.has(stem)) continue;
    content.add(stem);
    termClause = clause;
    if (terms.length === MAX_TERMS) continue;
    const vector = space ? vectorOf(space, expanded ?? t.norm, stem) : -1;
    const weight = rarity(vector < 0 ? -1 : space!.rank(vector), space?.size ?? 100_000);
    terms.push({ stem, vector, weight, exact: name || startsWith(t.norm, NUMBER, isAsciiDigit), at: i, clause });
  }
  // A title before a name is part of the name ("NRF leader Ahmad Massoud"): sharing it shares who, not what.
  if (english(lang)) {
    for (const titled of findTitledNames(text, tokens as WordToken[])) {
      for (const title of titled.titles) for (const word of title.split(' ')) names.add(stemmer(word));
    }
  }
  const bigrams = new Set<string>();
  const trigrams = new Set<string>();
  for (let i = 1; i < stems.length; i++) {
    bigrams.add(`${stems[i - 1]} ${stems[i]}`);
    if (i > 1) trigrams.add(`${stems[i - 2]} ${stems[i - 1]} ${stems[i]}`);
  }
  const quoted = findQuotations(text, lang);
  const quotations = quoted.slice(0, MAX_QUOTED).map((q) => q.words.join(' '));
  // Within a quotation: one that starts at or before the attribution reaches to its end.
  const reach = furthestReach(quoted);
  // Speakers matter only to the quotation rule, between claims that quote: a claim without a quotation needs none.
  const speakers = quotations.length === 0 ? [] : findAttributions(text)
    .filter((at) => reach(at.start) < at.end)
    .flatMap((at) => at.sources)
    .slice(0, MAX_QUOTED);
  return {
    stems, words: new Set(stems), content, names, numbers, years, bigrams, trigrams, negations, negated, quotations, speakers, terms, tokens, tokenClauses,
    ...(space && { space }),
  };
}

/** The word's row in the space: as written (lower case), else without its dots (F.B.I., U.S.), else its stem. */
function vectorOf(space: VectorSpace, norm: string, stem: string): number {
  let row = space.indexOf(norm);
  if (row < 0 && norm.includes('.')) row = space.indexOf(norm.replace(/\./g, ''));
  if (row < 0 && stem !== norm) row = space.indexOf(stem);
  return row;
}
