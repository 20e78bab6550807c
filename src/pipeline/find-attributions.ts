import { stopwords } from './stopwords.ts';
import { alikeWords, endsWithTitle, withoutTitles } from './find-names.ts';
import { findQuotations } from './find-quotations.ts';
import { furthestReach } from './pair-mentions.ts';

/** A phrase of a claim that names who is said to be the source of what the claim states. */
export interface Attribution {
  /** Offsets of the phrase as written ("PTI reported", "citing US Central Command", "according to Reuters"). */
  start: number;
  end: number;
  /** Each source as the capitalised runs of its noun phrase, in lower case ("Pakistan", "asim iftikhar"). */
  sources: string[][][];
  /** Who was told ("X told Reuters"): not a source, but a report that names them names the same channel. */
  recipients: string[][];
}

/**
 * Finds English attributions whose source is named with capitalised words:
 *   according to X · citing X · quoting X · X said|says|told|reported|announced|stated|added|claimed|
 *   confirmed|wrote · …, said X.
 * "X said" counts only where X opens a clause (start of the claim, or after a comma, semicolon, colon,
 * bracket, quotation mark or a dateline's dash) and is a plain noun phrase ending in a capitalised name: no
 * function word but the/a/of/for/and, no word ending in -ed or -ing, so "a day before the Taliban said",
 * "Pakistan rejected reports" and the passive "Pressure was added" are not attributions. A subject that
 * names no one ("he", "the envoy", "officials", "paramedics", "the foreign office") or only an office ("the
 * Kazakh President") is left out: it cannot be compared with a named source.
 * Words inside a quotation (see findQuotations), a quotation within it included, are someone's words: a
 * "Trump says" in them tells what the speaker said, not who the claim's source is.
 * Each phrase is read near its verb (SUBJECT_REACH characters before it, PHRASE_WORDS words after it), so a
 * long claim is read once, however many attributions it holds.
 */
export function findAttributions(written: string): Attribution[] {
  const text = protectAbbreviations(written);
  const found: Attribution[] = [];
  const named = (np: { end: number; runs: string[][] }) => np.runs.length > 0 && CLAUSE_END.test(text.slice(np.end));
  const reach = furthestReach(findQuotations(written));
  const inQuotation = (at: number) => reach(at) > at;
  for (const m of text.matchAll(/\b(according to|citing|quoting)\s+/gi)) {
    if (inQuotation(m.index)) continue;
    const np = nounPhraseAfter(text, m.index + m[0].length);
    if (named(np)) found.push({ start: m.index, end: np.end, sources: [np.runs], recipients: [] });
  }
  for (const m of text.matchAll(VERB)) {
    if (inQuotation(m.index)) continue;
    const verbEnd = m.index + m[0].length;
    if (/[,;:"“”]/.test(text[skipSpacesBack(text, m.index) - 1] ?? '') && /^(said|says|added)$/i.test(m[0])) {
      const np = nounPhraseAfter(text, verbEnd + (/^\s*/.exec(text.slice(verbEnd))![0].length));
      if (named(np)) found.push({ start: m.index, end: np.end, sources: [np.runs], recipients: [] });
      continue;
    }
    const subject = subjectBefore(text, m.index);
    if (!subject || subject.runs.length === 0) continue;
    const recipients = /^told$/i.test(m[0]) ? nounPhraseAfter(text, verbEnd + 1).runs : [];
    found.push({ start: subject.start, end: verbEnd, sources: [subject.runs], recipients });
  }
  return found.sort((x, y) => x.start - y.start);
}

/**
 * Same source: some name of one is some name of the other. Two names match when their last words are alike
 * (spelling variants, a first name or title dropped: "Iftikhar" / "Asim Iftikhar", "Tim Muris" / "Timothy
 * Muris", "Central Command" / "US Central Command"), when a one-word name is like any word of the other
 * ("Thaksin" / "Thaksin Shinawatra"), when every word of one is like a word of the other in any order
 * ("Committee for Civil Aviation" / "Civil Aviation Committee"), or when one is the other's acronym ("NRF" /
 * "National Resistance Front", "USGS" / "US Geological Survey", "AFP" / "Agence France-Presse"). Loose on
 * purpose: a missed attribution conflict costs less than a false one.
 */
export function sameSource(x: string[][], y: string[][]): boolean {
  return x.some((r) => y.some((s) => sameRun(r, s)));
}

const VERB = /\b(said|says|told|reported|announced|stated|added|claimed|confirmed|wrote)\b/gi;
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const ADVERBIAL = new RegExp(
  `(?:\\s+(?:also|later|earlier|further|separately|previously|again|reportedly|had|has|have|${WEEKDAY}|` +
    `on\\s+${WEEKDAY}|yesterday|today|last\\s+\\p{Ll}+|this\\s+\\p{Ll}+))*\\s*$`,
  'u',
);
const LEADING = /^(?:meanwhile|however|separately|earlier|later|also|and|but)\b\s*/i;
/** After a named source comes the end of the clause, or a phrase such as "in a statement" or "on Friday". */
const CLAUSE_END = /^\s*(?:[,.;:!?)"”’]|$|(?:in|on|at|after|before|during|from|to|who|which)\b)/;
const CONNECTORS = new Set(['the', 'a', 'an', 'of', 'for', 'and']);
/** Dots that end an abbreviation, not a clause: "U.S.", "Mr.", "Lt. Col.", "Neal R. Sonnett", "Corp.". */
const ABBREVIATION = /\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gen|Lt|Col|Maj|Capt|Gov|Corp|Inc|Co|Ltd|Prof|Rev|Lieut|Sgt|Adm|Brig)\./gu;
const ABBREVIATION_DOT = '\u2024';
const ALIASES: [RegExp, string][] = [
  [/\bunited states\b|\bu\.?s\b/g, 'us'], [/\bunited kingdom\b|\bu\.?k\b/g, 'uk'], [/\bunited nations\b|\bu\.?n\b/g, 'un'],
];
const SHORT_ALIASES = new Set(ALIASES.map(([, short]) => short));
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof', 'rev', 'hon']);
const COMPANY_SUFFIXES = new Set(['corp', 'corporation', 'inc', 'co', 'ltd', 'plc', 'llc']);
/** Words that end a capitalised run: dates and times are not part of a source's name. */
const NOT_NAME = new RegExp(`^(?:${WEEKDAY}|january|february|march|april|may|june|july|august|september|october|` +
  'november|december|today|yesterday)$', 'i');
/** Capitalised descriptions of a person rather than names ("the Connecticut Democrat"). */
const DESCRIPTIONS = new Set(['democrat', 'republican']);

function protectAbbreviations(text: string): string {
  return text.replace(ABBREVIATION, (m) => `${m.slice(0, -1)}${ABBREVIATION_DOT}`);
}

/**
 * The subject ending right before `verbAt`, when it opens a clause and is a plain noun phrase. It is read
 * within the SUBJECT_REACH characters before the verb.
 */
function subjectBefore(text: string, verbAt: number): { start: number; runs: string[][] } | undefined {
  const from = Math.max(0, verbAt - SUBJECT_REACH);
  const head = text.slice(from, verbAt).replace(ADVERBIAL, '');
  // A dateline's closing bracket or spaced dash ("AMSTERDAM (REUTERS) - ") also ends what came before.
  const ends = [',', ';', ':', '(', ')', '"', '“', '”', '—', ' - '].map((c) => {
    const at = head.lastIndexOf(c);
    return at < 0 ? 0 : from + at + c.length;
  });
  const boundary = Math.max(...ends);
  // No clause opens within reach: what stands before the verb is longer than any subject.
  if (boundary === 0 && from > 0) return undefined;
  const raw = text.slice(boundary, from + head.length);
  const lead = /^\s*/.exec(raw)![0].length;
  const phrase = raw.slice(lead).replace(LEADING, '');
  const start = boundary + lead + (raw.length - lead - phrase.length);
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  const stop = stopwords('en');
  const sentenceStart = boundary === 0 || /(?:[()"“”]| - )$/.test(text.slice(Math.max(0, boundary - 3), boundary));
  for (const [k, w] of words.entries()) {
    const lower = plain(w);
    const capitalised = /^\p{Lu}/u.test(w) && !(k === 0 && sentenceStart && (stop.has(lower) || COMMON.has(lower)));
    if (!capitalised && ((stop.has(lower) && !CONNECTORS.has(lower)) || /(ed|ing)$/.test(lower))) return undefined;
    if (k === words.length - 1 && !capitalised) return undefined;
  }
  const determiner = /^(the|a|an)\s+/i.exec(phrase)?.[0].length ?? 0;
  return { start: start + determiner, runs: capitalisedRuns(words, sentenceStart) };
}

/**
 * The capitalised runs of the noun phrase starting at `from`, up to punctuation, a function word or the
 * PHRASE_WORDS-th word.
 */
function nounPhraseAfter(text: string, from: number): { end: number; runs: string[][] } {
  const words: string[] = [];
  let end = from;
  const stop = stopwords('en');
  const word = /\s*([^\s,.;:!?()"“”]+)/y;
  word.lastIndex = from;
  for (let w = word.exec(text); w && words.length < PHRASE_WORDS; w = word.exec(text)) {
    const capitalised = /^\p{Lu}/u.test(w[1]);
    if (!capitalised && stop.has(plain(w[1])) && !CONNECTORS.has(plain(w[1]))) break;
    words.push(w[1]);
    if (capitalised) end = word.lastIndex;
  }
  return { end, runs: capitalisedRuns(words, false) };
}

/**
 * How many characters before a verb its subject is looked for in. A subject is at most 8 words and the
 * adverbs after it ("said on Friday"); the longest in the stories and corpora the site is measured on spans 67
 * characters. Without a bound, every "said" of a long claim would read all the text before it.
 */
export const SUBJECT_REACH = 320;
/**
 * Most words of a noun phrase read after "according to", "said" or "told": on the stories and corpora the site
 * is measured on, no phrase runs past 13 words before punctuation or a function word ends it, and a phrase
 * that runs on would otherwise be read again for every attribution in it.
 */
export const PHRASE_WORDS = 40;

/** The number of the first character of the white space that ends at `at` (`at` itself when there is none). */
function skipSpacesBack(text: string, at: number): number {
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** A word in lower case without abbreviation dots, possessive or curly apostrophes. */
function plain(word: string): string {
  return word.toLowerCase().replaceAll('’', "'").replace(/'s?$/, '').replaceAll(ABBREVIATION_DOT, '').replace(/[.,]$/, '');
}

/**
 * The names in a noun phrase: runs of capitalised words (joined by of/for/the), split at possessives and
 * dates, without honorifics, leading titles or company suffixes; `X of Y` also yields `X`
 * ("Jon Sohn of Friends of the Earth"). Aliases applied: US = U.S. = United States.
 */
function capitalisedRuns(words: string[], firstIsSentenceStart: boolean): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length && CONNECTORS.has(run.at(-1)!)) run.pop();
    const name = withoutTitles(alias(run).filter((w) => !HONORIFICS.has(w) && !COMPANY_SUFFIXES.has(w)));
    if (name.length && !DESCRIPTIONS.has(name.at(-1)!) && !endsWithTitle(name)) {
      runs.push(name);
      const of = name.indexOf('of');
      if (of > 0) runs.push(name.slice(0, of));
    }
    run = [];
  };
  const stop = stopwords('en');
  for (const [k, w] of words.entries()) {
    const lower = plain(w);
    const capitalised = /^\p{Lu}/u.test(w) && !NOT_NAME.test(lower) &&
      !(k === 0 && firstIsSentenceStart && (stop.has(lower) || COMMON.has(lower)));
    if (capitalised) run.push(lower);
    else if (run.length && (lower === 'of' || lower === 'for' || lower === 'the')) run.push(lower);
    else close();
    if (/['’]s?$/.test(w)) close();
  }
  close();
  return runs;
}

function alias(run: string[]): string[] {
  let joined = run.filter((w) => w !== 'the').join(' ');
  for (const [pattern, short] of ALIASES) joined = joined.replace(pattern, short);
  return joined.split(' ').filter(Boolean);
}

function sameRun(r: string[], s: string[]): boolean {
  const [short, long] = r.length <= s.length ? [r, s] : [s, r];
  if (alikeWords(short.at(-1)!, long.at(-1)!)) return true;
  const words = (run: string[]) => run.filter((w) => !CONNECTORS.has(w));
  if (words(short).every((w) => words(long).some((v) => alikeWords(w, v)))) return true;
  if (short.length !== 1 || long.length < 2) return false;
  const initials = words(long).flatMap((w) => w.split('-')).map((w) => w[0]).join('');
  const withAliases = words(long).map((w) => (SHORT_ALIASES.has(w) ? w : w[0])).join('');
  return short[0] === initials || short[0] === withAliases;
}

/** Common nouns that open a sentence with a capital but name no one ("Officials said", "Police said"). */
const COMMON = new Set([
  'officials', 'official', 'police', 'sources', 'witnesses', 'residents', 'experts', 'analysts', 'authorities',
  'reports', 'doctors', 'diplomats', 'troops', 'soldiers', 'militants', 'rebels', 'protesters', 'people',
  'critics', 'observers', 'investigators', 'prosecutors', 'lawyers', 'spokesperson', 'spokesman', 'spokeswoman',
  'envoy', 'minister', 'ministry', 'government', 'military', 'army', 'statement', 'report', 'media',
  'paramedics', 'medics', 'rescuers', 'firefighters', 'nurses', 'survivors', 'passengers', 'relatives', 'neighbours',
  'neighbors', 'locals', 'villagers', 'workers', 'students', 'scientists', 'researchers', 'voters', 'supporters',
  'organisers', 'organizers', 'activists', 'campaigners', 'lawmakers', 'legislators', 'ministers', 'judges',
]);
