import type { WordToken } from './normalize-text.ts';
import { wordTable } from './word-table.ts';

/** A person named with a title in front ("Prime Minister Imran Khan", "spokesperson Asim Iftikhar"). */
export interface TitledName {
  /** Offsets of the title words as written, and of the name that follows them. */
  title: { start: number; end: number };
  name: { start: number; end: number };
  /** Canonical titles, nearest the name last (`chief Lieutenant General` -> `chief`, `lieutenant general`). */
  titles: string[];
  /** The name's words in lower case, without a possessive. */
  words: string[];
  /** The capitalised word just before the title, which says whose office it is (`Pakistan`, `Taliban`). */
  owner: string;
}

/**
 * Finds English titled names: a run of known titles (any case, abbreviations such as `PM`, `Lt Gen` allowed)
 * followed directly by one to five capitalised words. A name without a title in front is not found: a title
 * is what gives a name its role, and roles are what two reports can disagree on.
 */
export function findTitledNames(text: string, tokens: WordToken[]): TitledName[] {
  const found: TitledName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const titles: string[] = [];
    let j = i;
    for (let unit = readTitle(text, tokens, j); unit; unit = readTitle(text, tokens, j)) {
      titles.push(unit.title);
      j = unit.next;
    }
    if (titles.length === 0) continue;
    let k = j;
    while (k < tokens.length && k - j < 5 && nameWord(text, tokens, k, k === j)) k++;
    const organisation = tokens.slice(j, k).some((t) => ORGANISATION_WORDS.has(t.text.toLowerCase()));
    if (k === j || organisation || !/^\.?\s+$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) {
      i = j - 1;
      continue;
    }
    const last = tokens[k - 1];
    const possessive = /['’]s$/.exec(last.text);
    const words = tokens.slice(j, k).map((t) => t.text.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''));
    const prev = tokens[i - 1];
    const owner = prev && /^\p{Lu}/u.test(prev.text) && /^\s+$/.test(text.slice(prev.end, tokens[i].start))
      ? prev.norm
      : '';
    found.push({
      title: { start: tokens[i].start, end: tokens[j - 1].end },
      name: { start: tokens[j].start, end: last.end - (possessive ? possessive[0].length : 0) },
      titles,
      words,
      owner,
    });
    i = k - 1;
  }
  return found;
}

/** Same person when the last names are alike and every word of the shorter name has a like word in order. */
export function sameName(x: string[], y: string[]): boolean {
  if (!alikeWords(x.at(-1)!, y.at(-1)!)) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  let at = 0;
  for (const w of short) {
    while (at < long.length && !alikeWords(w, long[at])) at++;
    if (at++ >= long.length) return false;
  }
  return true;
}

/** Clearly different people: no word of one name is even loosely like a word of the other. */
export function differentNames(x: string[], y: string[]): boolean {
  return !x.some((w) => y.some((v) => similarity(w, v, 0.5) >= 0.5));
}

/**
 * Titles that cannot both be right for one person: both sides hold a specific office and no office of one
 * is the other's, or a longer form of it ("Foreign Minister" is a "Minister", "Lieutenant General" a
 * "General") unless the longer form changes the rank ("Vice President" is not a "President").
 * Generic roles (leader, chief, official, envoy…) never conflict: they describe rather than name an office.
 */
export function titlesDisagree(x: string[], y: string[]): boolean {
  const [sx, sy] = [x.filter((t) => !GENERIC.has(t)), y.filter((t) => !GENERIC.has(t))];
  if (sx.length === 0 || sy.length === 0) return false;
  return !sx.some((t) => sy.some((u) => sameOffice(t, u)));
}

/** A run of lower-case words without the titles it opens with ("foreign minister shah qureshi" -> "shah qureshi"). */
export function withoutTitles(words: string[]): string[] {
  let from = 0;
  for (let n = LONGEST_TITLE; n > 0; n--) {
    if (from + n < words.length && TITLES[words.slice(from, from + n).join(' ')]) {
      from += n;
      n = LONGEST_TITLE + 1;
    }
  }
  return words.slice(from);
}

/** True when a run of lower-case words ends in a title ("kazakh president", "foreign minister"): an office, not a name. */
export function endsWithTitle(words: string[]): boolean {
  for (let n = Math.min(LONGEST_TITLE, words.length); n > 0; n--) if (TITLES[words.slice(-n).join(' ')]) return true;
  return false;
}

/** Roles such as leader, chief, official or envoy, which describe someone rather than name an office. */
export function isGenericTitle(title: string): boolean {
  return GENERIC.has(title);
}

/**
 * An office that many people hold at once (minister, senator, judge, general, spokesperson): two people
 * with that title are not two answers to one question, unless the same body is named as theirs.
 */
export function isSharedTitle(title: string): boolean {
  return SHARED.has(title);
}

/** Same office, or one office and a longer form of it that keeps its rank. */
export function sameOffice(t: string, u: string): boolean {
  const [short, long] = t.length <= u.length ? [t, u] : [u, t];
  if (short === long) return true;
  if (!long.endsWith(` ${short}`)) return false;
  return !long.slice(0, -short.length).split(' ').some((w) => RANK_CHANGING.has(w));
}

/**
 * Whether two name words are spelling variants: similarity >= 0.75 by edit distance with transpositions
 * (Ahmad/Ahmed, Jeffrey/Jeffery, Mohammad/Muhammad), or an initial and a word it starts.
 */
export function alikeWords(w: string, v: string): boolean {
  if (w.length === 1 || v.length === 1) return w[0] === v[0];
  return similarity(w, v, 0.75) >= 0.75;
}

/**
 * 1 minus the optimal-string-alignment distance (a swap of two letters costs 1) over the longer length; 0 for
 * two words that cannot reach `floor` since their lengths differ too much, and for two different words longer
 * than NAME_WORD_LENGTH, which are compared as written only.
 */
function similarity(w: string, v: string, floor: number): number {
  const longer = Math.max(w.length, v.length, 1);
  if (1 - Math.abs(w.length - v.length) / longer < floor) return 0;
  if (longer > NAME_WORD_LENGTH) return w === v ? 1 : 0;
  const d = Array.from({ length: w.length + 1 }, (_, i) => Array.from({ length: v.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= w.length; i++) {
    for (let j = 1; j <= v.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (w[i - 1] === v[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && w[i - 1] === v[j - 2] && w[i - 2] === v[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return 1 - d[w.length][v.length] / Math.max(w.length, v.length, 1);
}

const TITLES: Record<string, string> = wordTable({});
for (const line of [
  'president', 'vice president', 'prime minister|pm', 'deputy prime minister', 'chief minister', 'minister',
  'foreign minister', 'defence minister|defense minister', 'interior minister', 'home minister',
  'finance minister', 'information minister', 'spokesperson|spokesman|spokeswoman', 'secretary',
  'foreign secretary', 'secretary of state', 'secretary-general|secretary general', 'governor|gov', 'senator|sen',
  'congressman', 'congresswoman', 'representative|rep', 'mayor', 'ambassador', 'king', 'queen', 'prince',
  'princess', 'chancellor', 'chief justice', 'justice', 'judge', 'general|gen', 'lieutenant general|lt gen|lt-gen', 'lieutenant|lt|lieut',
  'major general|maj gen', 'brigadier|brig', 'colonel|col', 'captain|capt', 'admiral|adm', 'ceo', 'chairman',
  'chairperson', 'chairwoman', 'pope', 'emir',
  'leader', 'chief', 'head', 'official', 'envoy', 'commander', 'founder', 'co-founder', 'director', 'mullah',
]) {
  const [canonical, ...variants] = line.split('|');
  for (const form of [canonical, ...variants]) TITLES[form] = canonical;
}
const TITLE_STARTS = new Set(Object.keys(TITLES).map((t) => t.split(/[ -]/)[0]));
const GENERIC = new Set(['leader', 'chief', 'head', 'official', 'envoy', 'commander', 'founder', 'co-founder',
  'director', 'mullah']);
const SHARED = new Set(['minister', 'deputy prime minister', 'secretary', 'senator', 'congressman', 'congresswoman',
  'representative', 'ambassador', 'justice', 'judge', 'general', 'lieutenant general', 'lieutenant', 'major general',
  'brigadier', 'colonel', 'captain', 'admiral', 'prince', 'princess', 'spokesperson']);
const RANK_CHANGING = new Set(['vice', 'deputy', 'assistant', 'acting', 'interim', 'under', 'associate']);
const LONGEST_TITLE = 4;
/**
 * Longest word that similarity spells out letter by letter, at a cost of its length squared. The longest word
 * in the stories and corpora the site is measured on has 26 letters; a longer one is pasted text without spaces.
 */
export const NAME_WORD_LENGTH = 64;
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'ul', 'de', 'da', 'van', 'von', 'der', 'la']);

/** The longest title starting at `tokens[i]` (words joined by a space, a hyphen, or a dot and a space). */
function readTitle(text: string, tokens: WordToken[], i: number): { title: string; next: number } | undefined {
  if (i >= tokens.length || !TITLE_STARTS.has(tokens[i].text.toLowerCase())) return undefined;
  let best: { title: string; next: number } | undefined;
  let key = '';
  for (let j = i; j < tokens.length && j - i < LONGEST_TITLE; j++) {
    if (j > i && !/^(\.?\s+|-)$/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
    const word = tokens[j].text.toLowerCase();
    key = j === i ? word : `${key}${text[tokens[j - 1].end] === '-' ? '-' : ' '}${word}`;
    if (TITLES[key]) best = { title: TITLES[key], next: j + 1 };
  }
  return best;
}

/** A word of a name: capitalised and not a title, or a lower-case particle inside a name (bin, al, van). */
function nameWord(text: string, tokens: WordToken[], k: number, first: boolean): boolean {
  const t = tokens[k];
  if (!first && !/^(\.?\s+|-)$/.test(text.slice(tokens[k - 1].end, t.start))) return false;
  if (!first && /['’]s$/.test(tokens[k - 1].text)) return false;
  if (NAME_PARTICLES.has(t.text.toLowerCase()) && !first) return k + 1 < tokens.length && /^\p{Lu}/u.test(tokens[k + 1].text);
  return /^\p{Lu}/u.test(t.text) && !TITLES[t.text.toLowerCase()] && !NOT_NAMES.has(t.text);
}

/** Words of an institution's name: "Justice Department" and "General Assembly" hold no person's name. */
const ORGANISATION_WORDS = new Set([
  'department', 'ministry', 'office', 'party', 'assembly', 'council', 'command', 'forces', 'army', 'court',
  'house', 'committee', 'commission', 'agency', 'front', 'government', 'administration', 'bank', 'staff',
  'services', 'intelligence', 'union', 'nations', 'police', 'corps', 'secretariat', 'league', 'board',
]);

const NOT_NAMES = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'I',
]);
