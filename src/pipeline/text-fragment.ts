/**
 * Text fragments (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, URL Fragment Text Directives, WICG) that
 * lead a reader from a claim to the same sentence on the outlet's own page.
 *
 * A browser highlights only the FIRST match of a directive, so a fragment is kept only when a simulation of the
 * browser's search over the report's claims lands on exactly the wanted claim. The simulation is deliberately
 * generous (it folds case and accents, collapses whitespace and finds word boundaries wherever a browser might),
 * so it finds every match a browser could find and a few more: a fragment it accepts cannot highlight an
 * earlier sentence of the report. Context words come from the neighbouring claim only, so that no term spans
 * two sentences (a browser matches each term inside one block of the page).
 */

/** The four terms of a text directive, as plain text (not encoded). */
interface Directive {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

/** Claims of up to this many words are quoted whole; longer ones become `textStart,textEnd`. */
const EXACT_MAX_WORDS = 10;
/** Words at each end of a long claim before any extension. */
const EDGE_WORDS = 4;

/**
 * `url` with the fragment textFragment gave appended: after the URL's own fragment, if it has one, the
 * directive follows `:~:` alone. `url` itself when there is no fragment.
 */
export function withTextFragment(url: string, fragment: string | undefined): string {
  if (fragment === undefined) return url;
  return url.includes('#') ? `${url}${fragment.slice(1)}` : `${url}${fragment}`;
}

/**
 * The fragment (starting `#:~:text=`) that highlights claim `index` of a report whose claims, in reading order,
 * are `texts`; undefined when no directive built from the claim and its neighbours finds that claim first.
 * Long claims give their first and last words, extending the start, then adding words of the claim before as
 * a prefix, until the first match is this claim; a claim whose start cannot be singled out is quoted whole
 * with a prefix and/or a suffix from the claims around it.
 */
export function textFragment(texts: readonly string[], index: number): string | undefined {
  const claim = wordsOf(texts[index] ?? '');
  const page = foldReport(texts);
  const target = page.claims[index];
  if (claim.length === 0 || !target) return undefined;
  const before = wordsOf(texts[index - 1] ?? '');
  const after = wordsOf(texts[index + 1] ?? '');
  const lands = (directive: Directive) => {
    const found = locate(page.text, directive);
    return found?.start === target.start && found.end === target.end;
  };
  const context = (words: string[], count: number, fromEnd: boolean) =>
    count === 0 ? undefined : (fromEnd ? words.slice(-count) : words.slice(0, count)).join(' ');

  if (claim.length > EXACT_MAX_WORDS) {
    for (let p = 0; p <= before.length; p++) {
      for (let n = EDGE_WORDS; n < claim.length; n++) {
        const prefix = context(before, p, true);
        const start = claim.slice(0, n).join(' ');
        // With the rest of the claim as textEnd the match ends at the claim's end, so this tests the start alone.
        if (!lands({ prefix, start, end: claim.slice(n).join(' ') })) continue;
        for (let m = Math.min(EDGE_WORDS, claim.length - n); m <= claim.length - n; m++) {
          const directive = { prefix, start, end: claim.slice(-m).join(' ') };
          if (lands(directive)) return serialize(directive);
        }
      }
    }
  }
  const start = claim.join(' ');
  for (let total = 0; total <= before.length + after.length; total++) {
    for (let p = Math.min(total, before.length); p >= Math.max(0, total - after.length); p--) {
      const directive = { prefix: context(before, p, true), start, suffix: context(after, total - p, false) };
      if (lands(directive)) return serialize(directive);
    }
  }
  return undefined;
}

/** Where a fragment's first match falls in a report: the claim it covers exactly, if any, and the text it covers. */
export interface TextFragmentMatch {
  /** Index of the claim whose whole text the match covers, from first to last character; undefined otherwise. */
  claim: number | undefined;
  /** The matched text, case- and accent-folded, whitespace collapsed. */
  text: string;
}

/**
 * Runs a text fragment (`#…:~:text=…`, the first text directive) the way a browser would over a report whose
 * claims are `texts`, with the generous matching described above; undefined when it matches nothing.
 */
export function matchTextFragment(texts: readonly string[], fragment: string): TextFragmentMatch | undefined {
  const directive = parse(fragment);
  if (!directive) return undefined;
  const page = foldReport(texts);
  const found = locate(page.text, directive);
  if (!found) return undefined;
  const claim = page.claims.findIndex((range) => range?.start === found.start && range.end === found.end);
  return { claim: claim === -1 ? undefined : claim, text: page.text.slice(found.start, found.end) };
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

/** Case, accents and whitespace as a generous browser search sees them (one code point at a time). */
function fold(text: string): string {
  let out = '';
  for (const char of text) out += /\s/u.test(char) ? ' ' : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return out.replace(/ {2,}/g, ' ').trim();
}

interface FoldedReport {
  text: string;
  claims: ({ start: number; end: number } | undefined)[];
}

// A page asks for the fragment of every claim of a report in turn, with the same list each time: folding it once
// per list keeps that linear in the report's length, not quadratic.
const foldedReports = new WeakMap<readonly string[], FoldedReport>();

/** The report as one folded text, claims joined by a space, with each claim's range in it. */
function foldReport(texts: readonly string[]): FoldedReport {
  let report = foldedReports.get(texts);
  if (!report) foldedReports.set(texts, (report = foldTexts(texts)));
  return report;
}

function foldTexts(texts: readonly string[]): FoldedReport {
  let text = '';
  const claims = texts.map((claim) => {
    const folded = fold(claim);
    if (folded === '') return undefined;
    if (text !== '') text += ' ';
    text += folded;
    return { start: text.length - folded.length, end: text.length };
  });
  return { text, claims };
}

// Scripts that browsers break into words with a dictionary: any point between two of their letters may be a boundary.
const DICTIONARY_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function joinsWords(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char) && !DICTIONARY_SCRIPT.test(char);
}

function codePointBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return String.fromCodePoint(text.codePointAt(low >= 0xdc00 && low <= 0xdfff ? at - 2 : at - 1) ?? 32);
}

/** True unless `at` falls between two letters or digits (so `don` is bounded in `don't`: generous on purpose). */
function atWordBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  return !(joinsWords(codePointBefore(text, at)) && joinsWords(String.fromCodePoint(text.codePointAt(at) ?? 32)));
}

/** First index >= `from` where `query` occurs with the boundaries asked for, or -1. */
function findString(text: string, query: string, from: number, wordStart: boolean, wordEnd: boolean): number {
  if (query === '') return -1;
  for (let at = text.indexOf(query, from); at !== -1; at = text.indexOf(query, at + 1)) {
    if ((!wordStart || atWordBoundary(text, at)) && (!wordEnd || atWordBoundary(text, at + query.length))) return at;
  }
  return -1;
}

function skipSpace(text: string, at: number): number {
  return text[at] === ' ' ? at + 1 : at;
}

/** The spec's "find a range from a text directive", over folded text: the first match, or undefined. */
function locate(text: string, raw: Directive): { start: number; end: number } | undefined {
  const prefix = raw.prefix === undefined ? undefined : fold(raw.prefix);
  const start = fold(raw.start);
  const end = raw.end === undefined ? undefined : fold(raw.end);
  const suffix = raw.suffix === undefined ? undefined : fold(raw.suffix);
  const startEndsAtWord = end !== undefined || suffix === undefined;
  let searchFrom = 0;
  while (searchFrom < text.length) {
    let matchStart: number;
    if (prefix !== undefined) {
      const prefixAt = findString(text, prefix, searchFrom, true, false);
      if (prefixAt === -1) return undefined;
      searchFrom = prefixAt + 1;
      const after = skipSpace(text, prefixAt + prefix.length);
      if (after >= text.length) return undefined;
      if (findString(text, start, after, false, startEndsAtWord) !== after) continue;
      matchStart = after;
    } else {
      matchStart = findString(text, start, searchFrom, true, startEndsAtWord);
      if (matchStart === -1) return undefined;
      searchFrom = matchStart + 1;
    }
    let matchEnd = matchStart + start.length;
    if (end === undefined && suffix === undefined) return { start: matchStart, end: matchEnd };
    // Try each occurrence of textEnd after the start in turn until one is followed by the suffix.
    let endFrom = matchEnd;
    while (endFrom < text.length) {
      if (end !== undefined) {
        const endAt = findString(text, end, endFrom, true, suffix === undefined);
        if (endAt === -1) return undefined;
        matchEnd = endAt + end.length;
      }
      if (suffix === undefined) return { start: matchStart, end: matchEnd };
      const suffixFrom = skipSpace(text, matchEnd);
      const suffixAt = findString(text, suffix, suffixFrom, false, true);
      if (suffixAt === -1) return undefined;
      if (suffixAt === suffixFrom) return { start: matchStart, end: matchEnd };
      if (end === undefined) break;
      endFrom = matchEnd;
    }
    // A textEnd search never goes back to try a later textStart; a lone textStart does.
    if (end !== undefined) return undefined;
  }
  return undefined;
}

/** Each term percent-encoded, with `-`, `,` and `&` encoded too, since they delimit terms and directives. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term.toWellFormed()).replace(/-/g, '%2D');
}

function serialize({ prefix, start, end, suffix }: Directive): string {
  const terms = [
    prefix === undefined ? undefined : `${encodeTerm(prefix)}-`,
    encodeTerm(start),
    end === undefined ? undefined : encodeTerm(end),
    suffix === undefined ? undefined : `-${encodeTerm(suffix)}`,
  ];
  return `#:~:text=${terms.filter((term) => term !== undefined).join(',')}`;
}

/** The first text directive of a fragment, decoded; undefined when there is none or it is malformed. */
function parse(fragment: string): Directive | undefined {
  const delimiter = fragment.indexOf(':~:');
  if (delimiter === -1) return undefined;
  const value = fragment.slice(delimiter + 3).split('&').find((directive) => directive.startsWith('text='))?.slice(5);
  if (!value) return undefined;
  const terms = value.split(',');
  try {
    const prefix = terms.length > 1 && terms[0].endsWith('-') ? decodeURIComponent(terms.shift()!.slice(0, -1)) : undefined;
    const suffix = terms.length > 1 && terms.at(-1)!.startsWith('-') ? decodeURIComponent(terms.pop()!.slice(1)) : undefined;
    if (terms.length > 2 || terms.some((term) => term === '' || term.startsWith('-') || term.endsWith('-'))) return undefined;
    return { prefix, start: decodeURIComponent(terms[0]), end: terms[1] === undefined ? undefined : decodeURIComponent(terms[1]), suffix };
  } catch {
    return undefined;
  }
}
