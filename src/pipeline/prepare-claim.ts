import { wordTokens, type WordToken } from './normalize-text.ts';
import { stopwords } from './stopwords.ts';
import { findQuotations } from './find-quotations.ts';

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
  /** Word bigrams and trigrams of `stems`, joined by a space. */
  bigrams: Set<string>;
  trigrams: Set<string>;
  /** How many words negate (not, no, never, …n't). */
  negations: number;
  /** Content stems a negation bears on: those within three words after it ("did not resign", "failed to pay"). */
  negated: Set<string>;
  /** Normalised word sequences of the claim's quotations (see find-quotations.ts). */
  quotations: string[];
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
 * Reads `text` for matching; `lang` picks the stopwords and word rules (see normalize-text.ts). `tokens`, when
 * given, must be `wordTokens(text, lang)` (a caller that already has them saves reading the text again).
 */
export function prepareClaim(
  text: string,
  lang = 'en',
  tokens: readonly WordToken[] = wordTokens(text, lang),
): PreparedClaim {
  const stop = stopwords(lang);
  const stems: string[] = [];
  const content = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  let negations = 0;
  const negated = new Set<string>();
  let negationReach = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const capitalised = startsWith(t.text, CAPITALISED, isAsciiCapital);
    // An acronym is a name even when it spells a function word (US, IT), and its dots do not count (U.S.).
    const acronym = capitalised && ACRONYM.test(t.text);
    const stem = acronym ? t.norm.replace(/\./g, '') : t.stem;
    stems.push(stem);
    const negation = NEGATIONS.has(t.norm) || t.norm.endsWith("n't");
    if (startsWith(t.norm, NUMBER, isAsciiDigit)) numbers.add(t.norm);
    const isContent = (acronym || !stop.has(t.norm)) && ALPHANUMERIC.test(t.norm);
    if (negation) {
      negations++;
      negationReach = 3;
    } else if (negationReach > 0) {
      negationReach--;
      if (isContent) negated.add(stem);
    }
    if (!isContent) continue;
    content.add(stem);
    if (acronym || (i > 0 && capitalised)) names.add(stem);
  }
  const bigrams = new Set<string>();
  const trigrams = new Set<string>();
  for (let i = 1; i < stems.length; i++) {
    bigrams.add(`${stems[i - 1]} ${stems[i]}`);
    if (i > 1) trigrams.add(`${stems[i - 2]} ${stems[i - 1]} ${stems[i]}`);
  }
  const quotations = findQuotations(text, lang).map((q) => q.words.join(' '));
  return { stems, words: new Set(stems), content, names, numbers, bigrams, trigrams, negations, negated, quotations };
}
