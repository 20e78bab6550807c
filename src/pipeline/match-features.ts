import type { PreparedClaim } from './prepare-claim.ts';
import { alignedSide, alignWords, bestRuns } from './align-words.ts';

/**
 * Names of the values `matchFeatures` returns, in order; matcher-model.json stores one weight per name.
 * Every feature is symmetric in its two claims, so aligning A with B and B with A gives the same scores.
 */
export const FEATURE_NAMES = [
  'contentDice',
  'contentCoverMin',
  'contentCoverMax',
  'unmatchedContentMax',
  'unmatchedContentMin',
  'plainDice',
  'wordDice',
  'bigramDice',
  'trigramDice',
  'lcsLonger',
  'lcsShorter',
  'editSimilarity',
  'bleu',
  'meteor',
  'namesUnmatched',
  'numbersDiffer',
  'numbersOneSided',
  'negationDiffers',
  'polarityConflict',
  'logLength',
  'softCoverMin',
  'softCoverMax',
  'rareCoverMin',
  'rareCoverMax',
  'unsharedSimilarity',
  'sharedWeight',
  'uncoveredWeightMin',
  'uncoveredWeightMax',
  'wholeAgreement',
  'partAgreement',
  'clauseAgreement',
  'yearsDiffer',
] as const;

/**
 * The features of a pair of prepared claims, in the order of FEATURE_NAMES: how much of their content they
 * share (Dice, how much of each claim the other covers, how many content words are left over), phrasing and
 * word order (n-gram overlap, longest common subsequence, word edit distance, BLEU- and METEOR-like scores),
 * and the mismatches that change a claim (names, numbers, negation, a word negated on one
 * side only), plus length; last, whether both name years and none the same (two events, "won in 1980" /
 * "won in 2011").
 * Values are plain numbers, mostly in [0, 1]; counts are log-scaled.
 */
export function matchFeatures(a: PreparedClaim, b: PreparedClaim): number[] {
  const sharedContent = intersection(a.content, b.content);
  const onlyA = a.content.size - sharedContent;
  const onlyB = b.content.size - sharedContent;
  const plainA = a.content.size - a.names.size;
  const plainB = b.content.size - b.names.size;
  const sharedPlain = sharedPlainWords(a, b);
  let namesUnmatched = 0;
  for (const s of a.names) if (!b.content.has(s)) namesUnmatched++;
  for (const s of b.names) if (!a.content.has(s)) namesUnmatched++;
  const numbersShared = intersection(a.numbers, b.numbers);
  const bothNumbers = a.numbers.size > 0 && b.numbers.size > 0;
  const [la, lb] = [a.stems.length, b.stems.length];
  // Word order is read over the first ORDER_WORDS words of each claim (see there).
  const firstWords = (stems: string[]) => (stems.length > ORDER_WORDS ? stems.slice(0, ORDER_WORDS) : stems);
  const [orderA, orderB] = [firstWords(a.stems), firstWords(b.stems)];
  const [oa, ob] = [orderA.length, orderB.length];
  const lcs = longestCommonSubsequence(orderA, orderB);
  const shared: Shared = {
    words: intersection(a.words, b.words),
    bigrams: intersection(a.bigrams, b.bigrams),
    trigrams: intersection(a.trigrams, b.trigrams),
  };
  return [
    dice(sharedContent, a.content.size, b.content.size),
    ratio(sharedContent, Math.max(a.content.size, b.content.size)),
    ratio(sharedContent, Math.min(a.content.size, b.content.size)),
    Math.log1p(Math.max(onlyA, onlyB)),
    Math.log1p(Math.min(onlyA, onlyB)),
    dice(sharedPlain, plainA, plainB),
    dice(shared.words, a.words.size, b.words.size),
    dice(shared.bigrams, a.bigrams.size, b.bigrams.size),
    dice(shared.trigrams, a.trigrams.size, b.trigrams.size),
    ratio(lcs, Math.max(oa, ob)),
    ratio(lcs, Math.min(oa, ob)),
    1 - ratio(editDistance(orderA, orderB), Math.max(oa, ob)),
    (bleu(a, b, shared) + bleu(b, a, shared)) / 2,
    (meteor(orderA, orderB) + meteor(orderB, orderA)) / 2,
    Math.log1p(namesUnmatched),
    bothNumbers && (numbersShared < a.numbers.size || numbersShared < b.numbers.size) ? 1 : 0,
    (a.numbers.size > 0) !== (b.numbers.size > 0) ? 1 : 0,
    (a.negations > 0) !== (b.negations > 0) ? 1 : 0,
    negatesOther(a, b) || negatesOther(b, a) ? 1 : 0,
    Math.log1p((la + lb) / 2),
    ...alignmentFeatures(a, b),
    a.years.size > 0 && b.years.size > 0 && intersection(a.years, b.years) === 0 ? 1 : 0,
  ];
}

/**
 * Word alignment of the two claims (align-words.ts), each way, made symmetric by taking the lesser and the
 * greater of the two directions: how much of each claim the other says in any words (soft), in the same words
 * weighted by rarity (rare), how alike the words they do not share are, how much weight they share, and how much
 * each leaves unsaid; then the best agreement of the whole claims, of one with a run of clauses of the other (a
 * short sentence said within a long one), and of two runs (a fact both carry among others).
 */
function alignmentFeatures(a: PreparedClaim, b: PreparedClaim): number[] {
  const alignment = alignWords(a, b);
  const ab = alignedSide(alignment, 'a');
  const ba = alignedSide(alignment, 'b');
  const runs = bestRuns(alignment);
  const unsharedCount = ab.unsharedCount + ba.unsharedCount;
  return [
    Math.min(ab.soft, ba.soft),
    Math.max(ab.soft, ba.soft),
    Math.min(ab.rare, ba.rare),
    Math.max(ab.rare, ba.rare),
    unsharedCount === 0 ? 1 : (ab.unsharedSum + ba.unsharedSum) / unsharedCount,
    Math.log1p(ab.sharedWeight),
    Math.log1p(Math.min(ab.uncovered, ba.uncovered)),
    Math.log1p(Math.max(ab.uncovered, ba.uncovered)),
    runs.whole,
    runs.part,
    runs.clauses,
  ];
}

/**
 * Whether the claims share what the model needs to be asked about them: two content words, one of them a name
 * on neither side (sharedPlainWords). Pairs that share less are nearly always different claims, and they are
 * most pairs of a story, so they are settled without the features.
 */
export function hasEvidence(a: PreparedClaim, b: PreparedClaim): boolean {
  if (sharedPlainWords(a, b) === 0) return false;
  let n = 0;
  for (const s of a.content) if (b.content.has(s) && ++n >= 2) return true;
  return false;
}

/**
 * Content words the two claims share that are names on neither side: what they both state, beyond who and
 * where it is about.
 */
export function sharedPlainWords(a: PreparedClaim, b: PreparedClaim): number {
  let n = 0;
  for (const s of a.content) if (!a.names.has(s) && b.content.has(s) && !b.names.has(s)) n++;
  return n;
}

/** Whether `a` negates a word that `b` states plainly ("did not resign" against "resigned"). */
function negatesOther(a: PreparedClaim, b: PreparedClaim): boolean {
  for (const s of a.negated) if (b.content.has(s) && !b.negated.has(s)) return true;
  return false;
}

function intersection(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function dice(shared: number, na: number, nb: number): number {
  return na + nb === 0 ? 0 : (2 * shared) / (na + nb);
}

function ratio(x: number, total: number): number {
  return total === 0 ? 0 : x / total;
}

/**
 * Most words of each claim that the word-order features (longest common subsequence, edit distance, METEOR)
 * read: each compares every word of one claim with every word of the other. The longest claim of the stories
 * and corpora the site is measured on has 78 words; past 500, a sentence is no claim a reader compares word by
 * word, and its length and shared words still count in the other features.
 */
export const ORDER_WORDS = 500;

function longestCommonSubsequence(a: string[], b: string[]): number {
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (word === b[j - 1]) row[j] = prev[j - 1] + 1;
      else row[j] = prev[j] >= row[j - 1] ? prev[j] : row[j - 1];
    }
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[b.length];
}

function editDistance(a: string[], b: string[]): number {
  let prev = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const word = a[i - 1];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const replace = prev[j - 1] + (word === b[j - 1] ? 0 : 1);
      const drop = prev[j] + 1;
      const add = row[j - 1] + 1;
      row[j] = replace < drop ? (replace < add ? replace : add) : drop < add ? drop : add;
    }
    const done = prev;
    prev = row;
    row = done;
  }
  return prev[b.length];
}

/** How many distinct words, bigrams and trigrams two claims share. */
interface Shared {
  words: number;
  bigrams: number;
  trigrams: number;
}

/** Smoothed BLEU of `hyp` against `ref` over distinct 1- to 3-grams (`shared` between them), with the brevity penalty. */
function bleu(hyp: PreparedClaim, ref: PreparedClaim, shared: Shared): number {
  const p1 = (shared.words + 1) / (hyp.words.size + 1);
  const p2 = (shared.bigrams + 1) / (hyp.bigrams.size + 1);
  const p3 = (shared.trigrams + 1) / (hyp.trigrams.size + 1);
  const brevity = hyp.stems.length >= ref.stems.length ? 1 : Math.exp(1 - ref.stems.length / Math.max(1, hyp.stems.length));
  return brevity * Math.cbrt(p1 * p2 * p3);
}

/**
 * METEOR-like score of `hyp` against `ref`: the harmonic mean of word precision and recall, discounted for
 * fragmentation (matched words that come in many separate runs mean a different order).
 */
function meteor(hyp: string[], ref: string[]): number {
  const used = new Uint8Array(ref.length);
  let matches = 0;
  let chunks = 0;
  let last = -2;
  for (const w of hyp) {
    let k = -1;
    if (last + 1 < ref.length && !used[last + 1] && ref[last + 1] === w) k = last + 1;
    else for (let j = 0; j < ref.length; j++) if (!used[j] && ref[j] === w) { k = j; break; }
    if (k < 0) {
      last = -2;
      continue;
    }
    used[k] = 1;
    matches++;
    if (k !== last + 1) chunks++;
    last = k;
  }
  if (matches === 0) return 0;
  const p = matches / hyp.length;
  const r = matches / ref.length;
  const f = (2 * p * r) / (p + r);
  return f * (1 - 0.5 * (chunks / matches) ** 3);
}
