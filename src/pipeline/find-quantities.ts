import { wordTokens, type WordToken } from './normalize-text.ts';
import { isWrittenYear } from './find-dates.ts';
import { furthestReach } from './pair-mentions.ts';
import { wordTable } from './word-table.ts';

/** A quantity stated in a claim, as the range of values its wording allows. */
export interface Quantity {
  /** Offsets of the quantity with its qualifier and unit as written ("at least 200,000", "Rs 2 crore"). */
  start: number;
  end: number;
  low: number;
  high: number;
  /** A single value with no qualifier ("27"), as opposed to a bound, an estimate or a range. */
  exact: boolean;
  /** Place value of the last digit written: 1 for "27", 0.1 for "5.2", 100,000 for "1.5 million". */
  precision: number;
  /** `''` for a plain count, `%` for a percentage, a currency (`dollar`, `rupee`…), `rank`, or a glued word (`year-`). */
  unit: string;
}

/**
 * Finds the English quantities of a claim from its word tokens (digits, number words, `1.5 million`,
 * `2 lakh`, `5 crore`, `three dozen`, `$5m`, `2.5bn`, percentages, money) with what qualifies them:
 *   at least / more than / over N -> [N, ∞);   up to / at most / less than N -> (-∞, N];
 *   about / around / some N -> N ± 10%;        nearly / almost N -> [0.9 N, N];
 *   between N and M, N to M, N-M, N or M -> [N, M];   N or more, N-plus -> [N, ∞).
 * A number glued to the word after it by a hyphen takes that word as its unit (`6-year-old`: `year-`).
 * Not quantities: spans in `skip` (dates); four-digit numbers from 1800 to 2099 without a separator (years);
 * times (`3:30`, `6 p.m.`, `1018 GMT`); fractions (`5/8`); numbers glued to the word before them
 * (`Covid-19`, `F-16`); `one` used as a pronoun ("one of the", "no one", "the senior one,"); and numbers
 * that are part of a name, right after a capitalised word inside a sentence (`Flight 2100`, `Fokker 100`,
 * `Article 370`), which count nothing. A rank (`No. 1`, `number one`) is a quantity of unit `rank`.
 */
export function findQuantities(text: string, tokens: WordToken[], skip: { start: number; end: number }[]): Quantity[] {
  // A token overlaps a span to skip when one that starts before the token's end reaches past its start.
  const reach = furthestReach(skip);
  const skipped = (t: WordToken) => reach(t.end - 1) > t.start;
  const quantities: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skipped(tokens[i])) continue;
    const first = readNumber(text, tokens, i);
    if (!first) continue;
    const currency = currencyBefore(text, tokens[i].start);
    let start = currency?.start ?? tokens[i].start;
    let next = first.next;
    let [low, high] = [first.value, first.value];
    let kind: 'exact' | 'range' | 'bound' = 'exact';
    const lead = qualifierBefore(text, start);
    const qualifier = lead?.[1].toLowerCase().replace(/\s+/g, ' ').trim() ?? '';
    const at = rangeSecond(text, tokens, next, qualifier === 'between');
    const second = at === undefined ? undefined : readNumber(text, tokens, at);
    if (second && !skipped(tokens[at!])) {
      const lower = first.scale === 1 && second.scale > 1 && first.value * second.scale <= second.value
        ? first.value * second.scale
        : first.value;
      if (second.value > lower) [low, high, kind, next] = [lower, second.value, 'range', second.next];
    }
    const rank = RANK_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    if (rank) start -= rank[0].length;
    const unit = rank ? { unit: 'rank', end: tokens[next - 1].end, next } : unitAfter(text, tokens, next, currency?.unit ?? '');
    let end = Math.max(tokens[next - 1].end, unit.end);
    next = unit.next;
    // "between"/"from" belong to a range ("from 27 countries" is a preposition); other qualifiers to one number.
    const opensRange = qualifier === 'between' || qualifier === 'from';
    if (lead && opensRange === (kind === 'range')) {
      start -= lead[1].length;
      [low, high] = bounds(qualifier, low, high);
      if (kind === 'exact') kind = 'bound';
    }
    const tail = kind === 'exact' ? QUALIFIER_AFTER.exec(text.slice(end)) : null;
    if (tail) {
      end += tail[0].length;
      [low, high] = /so$/i.test(tail[0]) ? [low * 0.9, high * 1.1] : [low, Infinity];
      kind = 'bound';
    }
    quantities.push({ start, end, low, high, exact: kind === 'exact', unit: unit.unit, precision: first.precision });
    i = next - 1;
  }
  return quantities;
}

/**
 * True when two quantities of the same unit cannot both be right. Two plain numbers disagree when they are
 * at least half a unit of the coarser one's last written digit apart, so a rounded figure agrees with the
 * precise one ("$114 million" / "$114.3 million") but "1.5 million" and "2 million" do not; a figure cut
 * short rather than rounded agrees too when it is within 2% ("58%" / "58.57%", not "1 million" /
 * "1.5 million"), since reports often drop the decimals of a result. Otherwise the numbers are compared as
 * ranges: they disagree when the ranges do not overlap, or when they only touch at one end while neither
 * is a plain number ("at least 200,000" against "between 150,000 and 200,000" leaves one possible value,
 * so the two reports tell different stories). A plain number on a bound
 * ("27" against "at least 27") is not a conflict: the qualifier was merely dropped. Two bounds the same way
 * disagree when their figures do ("at least 27" / "more than 30"), unless one is a round figure that the other's
 * implies and lies within ROUNDED_REACH of it ("more than 2,300" / "at least 2,415"): that is the same toll
 * rounded down, not another one ("at least 12" / "at least 14" still disagree).
 */
export function quantitiesDisagree(x: Quantity, y: Quantity): boolean {
  if (x.exact && y.exact) {
    const apart = Math.abs(x.low - y.low) >= Math.max(x.precision, y.precision) / 2 - 1e-9 * Math.abs(x.low);
    return apart && !cutShort(x, y) && !cutShort(y, x);
  }
  const finite = [x.low, x.high, y.low, y.high].filter(Number.isFinite).map(Math.abs);
  const tolerance = 1e-9 * Math.max(1, ...finite);
  if (x.high < y.low - tolerance || y.high < x.low - tolerance) return true;
  // Two bounds the same way ("at least 27" / "at least 30") overlap, yet each report gives its own figure.
  const apart = (p: number, q: number) => Math.abs(p - q) >= Math.max(x.precision, y.precision) / 2 - tolerance;
  if (x.high === Infinity && y.high === Infinity) {
    return apart(x.low, y.low) && !roundedBound(x.low, x.precision, y.low, y.precision) && !roundedBound(y.low, y.precision, x.low, x.precision);
  }
  if (x.low === -Infinity && y.low === -Infinity) {
    return apart(x.high, y.high) && !roundedBound(-x.high, x.precision, -y.high, y.precision) && !roundedBound(-y.high, y.precision, -x.high, x.precision);
  }
  const touching = Math.abs(x.high - y.low) <= tolerance || Math.abs(y.high - x.low) <= tolerance;
  const pointOverlap = touching && Math.min(x.high, y.high) - Math.max(x.low, y.low) <= tolerance;
  return pointOverlap && !x.exact && !y.exact;
}

/** How far beyond a round bound the figure it rounds may lie, as a share of the bound. */
const ROUNDED_REACH = 0.1;

/**
 * Whether the bound `round` (a lower bound; pass upper bounds negated) is the bound `other` rounded toward
 * zero: `round` is written rounder than `other` (to tens or more, where `other` is not: "2,300" against
 * "2,415", not "1.5 million" against "1.6 million") and `other` lies past it by at most ROUNDED_REACH of it.
 * The precisions are the place values of each figure's last written digit.
 */
function roundedBound(round: number, roundPrecision: number, other: number, otherPrecision: number): boolean {
  const place = roundness(round, roundPrecision);
  return place >= 10 && place > roundness(other, otherPrecision) && other >= round && other - round <= ROUNDED_REACH * Math.abs(round);
}

/** The place value of the last non-zero digit of `value` (at least `precision`): 100 for 2,300, 1 for 2,415. */
function roundness(value: number, precision: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isInteger(magnitude) || magnitude === 0) return precision;
  let place = Math.max(1, precision);
  while (magnitude % (place * 10) === 0) place *= 10;
  return place;
}

/**
 * What happened to the people a number counts, read from the stems around it (`stems`: the words before it,
 * nearest first, then the words after it): `dead`, `injured`, `hospitalised`, `critical`, `aboard`,
 * `survived`, `missing`, `held` or `displaced`; `''` when no such word is there. Two counts of people to whom
 * different things happened ("12 killed" / "15 people on board") are different quantities, however alike
 * their wording.
 */
export function countedOutcome(stems: string[]): string {
  for (const s of stems) {
    const outcome = OUTCOMES.get(s);
    if (outcome) return outcome;
  }
  return '';
}

const OUTCOMES = new Map<string, string>();
for (const [outcome, words] of Object.entries({
  dead: 'dead die died dies dying kill killed killing killings death deaths toll fatalities perished bodies lives',
  injured: 'injured injuring injure injuries wounded wounding hurt',
  // Counts of the injured in hospital, or in a grave state, are parts of the injured, not other figures for them.
  hospitalised: 'hospitalised hospitalized hospital',
  critical: 'critical serious seriously',
  aboard: 'aboard board onboard carrying carried carry',
  survived: 'survived survivors survive surviving rescued saved',
  missing: 'missing unaccounted',
  held: 'arrested detained jailed',
  displaced: 'evacuated displaced fled homeless',
})) {
  for (const t of wordTokens(words, 'en')) OUTCOMES.set(t.stem, outcome);
}

/** `coarse` is `fine` with its last digits dropped ("58" from "58.57"), and less than 2% below it. */
function cutShort(fine: Quantity, coarse: Quantity): boolean {
  if (coarse.precision <= fine.precision || fine.low <= 0) return false;
  const kept = Math.floor(fine.low / coarse.precision + 1e-9) * coarse.precision;
  return Math.abs(kept - coarse.low) <= 1e-9 * fine.low && fine.low - coarse.low <= 0.02 * fine.low;
}

const SCALES: Record<string, number> = wordTable({
  dozen: 12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12, cr: 1e7,
});
const CURRENCY_SYMBOLS: [RegExp, string][] = [
  [/(?:US|A|C|NZ|HK|S)?\$\s*$/, 'dollar'], [/£\s*$/, 'pound'], [/€\s*$/, 'euro'], [/₹\s*$/, 'rupee'], [/¥\s*$/, 'yen'],
  [/\b(?:Rs\.?|INR|PKR|LKR|NPR)\s*$/, 'rupee'], [/\b(?:USD|AUD|CAD)\s*$/, 'dollar'], [/\bGBP\s*$/, 'pound'],
  [/\bEUR\s*$/, 'euro'],
];
const CURRENCY_WORDS: Record<string, string> = wordTable({
  dollar: 'dollar', dollars: 'dollar', rupee: 'rupee', rupees: 'rupee', pound: 'pound', pounds: 'pound',
  euro: 'euro', euros: 'euro', yen: 'yen', yuan: 'yuan', taka: 'taka',
});
/** A qualifier and the spaces after it, at the end of a window that qualifierBefore opens with a boundary. */
const QUALIFIER_BEFORE = new RegExp(
  `[^\\p{L}]((?:${[
    'at least', 'more than', 'over', 'above', 'upwards of', 'in excess of', 'no fewer than', 'no less than',
    'a minimum of', 'at most', 'up to', 'less than', 'fewer than', 'under', 'below', 'no more than',
    'not more than', 'a maximum of', 'as many as', 'about', 'around', 'approximately', 'roughly', 'some',
    'an estimated', 'estimated', 'close to', 'nearly', 'almost', 'just under', 'just over', 'between', 'from',
  ].map((q) => q.replaceAll(' ', '\\s+')).join('|')})\\s+)$`,
  'iu',
);
/** "the senior one," "a new one.": `one` standing for a noun after a determiner and an adjective. */
const PRONOUN_ONE_BEFORE = /\b(?:the|a|an|this|that|any|each|every|another|which|its|his|her|their)\s+\p{Ll}+\s+$/iu;
/** "No. 1", "number one", "#3": a rank, compared only with ranks. */
const RANK_BEFORE = /(?:\bNo\.?|\bnumber|#)\s*$/u;
/** A capitalised word inside a sentence (not after a sentence's end, a colon or a quotation mark), one space before. */
const NAME_BEFORE = /[^\s.!?:;"“”‘’]\s+\p{Lu}[\p{L}-]* $/u;
/** Capitalised words after which a number is still a count: "on Friday 12 people", "June 4", "US$ 5". */
const NOT_A_NAME = new RegExp(`\\b(?:${[
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'US', 'USD', 'Rs', 'INR', 'PKR', 'LKR', 'NPR', 'AUD', 'CAD', 'GBP',
  'EUR',
].join('|')}) $`, 'u');
const QUALIFIER_AFTER = /^(?:\s+or\s+more|\s*-?\s*plus\b|\+|\s+or\s+so)/i;

/**
 * How far before a number's spaces a qualifier is looked for: the longest ("no fewer than", "approximately") is
 * 13 characters, so this leaves room for doubled spaces, and the text before a number is never read whole.
 */
export const QUALIFIER_REACH = 40;

/** The qualifier (QUALIFIER_BEFORE) that ends with the spaces right before `start`, read within QUALIFIER_REACH. */
function qualifierBefore(text: string, start: number): RegExpExecArray | null {
  let spaces = start;
  while (spaces > 0 && /\s/.test(text[spaces - 1])) spaces--;
  const from = Math.max(0, spaces - QUALIFIER_REACH);
  // At the start of the text a space stands for the boundary a qualifier needs before it.
  return QUALIFIER_BEFORE.exec((from === 0 ? ' ' : '') + text.slice(from, start));
}

/** The word (ASCII letters, digits, `_`) that ends where the spaces ending at `at` begin; `''` if none. */
function wordBeforeSpaces(text: string, at: number): string {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === at) return '';
  let start = end;
  while (start > 0 && /\w/.test(text[start - 1])) start--;
  return text.slice(start, end);
}

function bounds(qualifier: string, low: number, high: number): [number, number] {
  if (/^(at least|more than|over|above|upwards of|in excess of|no fewer than|no less than|a minimum of|just over)$/.test(qualifier)) {
    return [low, Infinity];
  }
  if (/^(nearly|almost|just under)$/.test(qualifier)) return [low * 0.9, high];
  if (/^(about|around|approximately|roughly|some|an estimated|estimated|close to)$/.test(qualifier)) {
    return [low * 0.9, high * 1.1];
  }
  if (qualifier === 'between' || qualifier === 'from') return [low, high];
  return [-Infinity, high];
}

/** The number that starts at `tokens[i]`, with a following scale word ("1.5 million"); undefined if none. */
function readNumber(
  text: string,
  tokens: WordToken[],
  i: number,
): { value: number; scale: number; precision: number; next: number } | undefined {
  const t = tokens[i];
  // One-letter suffixes are scales only on money ("$5m"): "128M bytes" and "5m" metres are not millions.
  const suffixed = /^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn|cr)$/.exec(t.norm);
  if (suffixed && suffixed[2].length === 1 && !currencyBefore(text, t.start)) return undefined;
  let value = suffixed ? Number(suffixed[1]) * SCALES[suffixed[2]] : /^\d+(\.\d+)?$/.test(t.norm) ? Number(t.norm) : NaN;
  if (Number.isNaN(value)) return undefined;
  // The tests on what comes before look at the last few characters, or the word before the spaces.
  const before = text.slice(Math.max(0, t.start - 3), t.start);
  const wordBefore = wordBeforeSpaces(text, t.start).toLowerCase();
  const after = text.slice(t.end);
  if (/\p{L}-$|[:/]$/u.test(before) || /^(:\d|\/\d|\s+\d+\/\d|\s*[ap]\.?m\b|\s+(GMT|UTC|[ECMP][SD]T|IST|BST|CET)\b)/i.test(after)) return undefined;
  if (isWrittenYear(t.text)) return undefined;
  // A scale word alone is a number only as "a million"; "1,2 million" (a decimal comma) is not a million.
  if (/^\p{L}+$/u.test(t.text) && t.text.toLowerCase() in SCALES && !/^(a|one)$/.test(wordBefore)) return undefined;
  if (/^one$/i.test(t.text) && (/^\s+(of|another|or)\b/i.test(after) || /^(no|the|this|that|any|each|every)$/.test(wordBefore))) {
    return undefined;
  }
  // A window, not the whole text before: these tests look at the last words only.
  const near = text.slice(Math.max(0, t.start - 40), t.start);
  if (/^one$/i.test(t.text) && PRONOUN_ONE_BEFORE.test(near) && /^\s*([,.;:!?)]|$)/.test(after)) return undefined;
  if (NAME_BEFORE.test(near) && !NOT_A_NAME.test(near) && !currencyBefore(text, t.start)) return undefined;
  let scale = suffixed ? SCALES[suffixed[2]] : 1;
  let next = i + 1;
  const following = tokens[next];
  const word = following?.text.toLowerCase();
  // A scale word that normalize-text has not already folded into the number ("1.5 million", "three dozen").
  if (word && word in SCALES && word.length > 2 && /^(\s+|-)$/.test(text.slice(t.end, following.start))) {
    scale = SCALES[word];
    value *= scale;
    next++;
  }
  const decimals = /\.(\d+)/.exec(t.text)?.[1].length ?? 0;
  const wordScale = /\p{L}/u.test(t.text) ? SCALES[t.text.toLowerCase().split(/[\s-]/).at(-1)!] ?? 1 : 1;
  return { value, scale, precision: 10 ** -decimals * scale * wordScale, next };
}

/**
 * Where the second number of a range would start after the number ending before `tokens[next]`: after a
 * hyphen or dash ("150-200"), or after `to`/`or` ("five to ten", "two or three"), or after `and` when the
 * range opened with "between".
 */
function rangeSecond(text: string, tokens: WordToken[], next: number, between: boolean): number | undefined {
  const gap = (k: number) => text.slice(tokens[k - 1].end, tokens[k]?.start);
  if (next >= tokens.length) return undefined;
  if (/^\s*[-–]\s*$/.test(gap(next))) return next;
  const word = tokens[next].text.toLowerCase();
  const joins = word === 'to' || word === 'or' || (between && word === 'and');
  return joins && next + 1 < tokens.length && /^\s+$/.test(gap(next)) && /^\s+$/.test(gap(next + 1)) ? next + 1 : undefined;
}

function currencyBefore(text: string, start: number): { start: number; unit: string } | undefined {
  const before = text.slice(Math.max(0, start - 6), start);
  for (const [pattern, unit] of CURRENCY_SYMBOLS) {
    const m = pattern.exec(before);
    if (m) return { start: start - m[0].length, unit };
  }
  return undefined;
}

/** A percent sign or word, or a currency word, right after the number; otherwise the unit found before it. */
function unitAfter(text: string, tokens: WordToken[], next: number, unit: string): { unit: string; end: number; next: number } {
  const last = tokens[next - 1];
  if (/^\s?%/.test(text.slice(last.end))) return { unit: '%', end: last.end + text.slice(last.end).indexOf('%') + 1, next };
  const following = tokens[next];
  const gap = following ? text.slice(last.end, following.start) : '';
  // "6-year-old", "10-year": the number modifies the word it is glued to, which becomes its unit.
  if (following && gap === '-' && /^\p{L}+$/u.test(following.text)) {
    return { unit: `${following.norm}-`, end: following.end, next: next + 1 };
  }
  if (!following || !/^\s+$/.test(gap)) return { unit, end: last.end, next };
  const word = following.text.toLowerCase();
  if (word === 'percent' || word === 'pc') return { unit: '%', end: following.end, next: next + 1 };
  if (word === 'per' && tokens[next + 1]?.text.toLowerCase() === 'cent') {
    return { unit: '%', end: tokens[next + 1].end, next: next + 2 };
  }
  if (!unit && CURRENCY_WORDS[word]) return { unit: CURRENCY_WORDS[word], end: following.end, next: next + 1 };
  return { unit, end: last.end, next };
}
