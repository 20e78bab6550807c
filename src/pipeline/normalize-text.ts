import { stemmer } from 'stemmer';
import { wordTable } from './word-table.ts';

/** One word of a text, with the forms used to compare it with the words of another text. */
export interface WordToken {
  /** The word as written (a spelled-out number may span several words, e.g. `twenty-seven`). */
  text: string;
  /** Offsets of `text` in the source string (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Comparison form: NFKC, lower case, quotes folded, possessive dropped, American spelling, numbers as digits. */
  norm: string;
  /** Porter stem of `norm` (English only; other languages keep `norm`). */
  stem: string;
}

/** wordTokens, or a caller's memo of it (see text-memo.ts): what the matching steps read a claim's words with. */
export type ReadWords = (text: string, lang: string) => WordToken[];

/**
 * Splits `text` into its words with `Intl.Segmenter` (word-like segments only) and normalises each one so
 * that two reports' wordings can be compared: `Colour's` and `color`, `twenty-seven` and `27`,
 * `200,000` and `200000` get the same `norm`. Spelling and number rules apply to English (`en`, `en-GB`…).
 * Characters that are invisible inside a word (soft hyphen, zero-width space, word joiner, byte-order mark,
 * often left by copying from a web page) are read through: `ware\u200Bhouse` is the word `warehouse`, its
 * offsets and `text` still those of the source.
 */
export function wordTokens(text: string, lang = 'en'): WordToken[] {
  return INVISIBLE.test(text) ? readThroughInvisibles(text, lang) : visibleWordTokens(text, lang);
}

const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;
const INVISIBLES = /[\u00AD\u200B\u2060\uFEFF]/g;

function readThroughInvisibles(text: string, lang: string): WordToken[] {
  // origin[i] is the source offset of the i-th visible character.
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) if (!INVISIBLE.test(text[i]!)) origin.push(i);
  return visibleWordTokens(text.replace(INVISIBLES, ''), lang).map((token) => {
    const start = origin[token.start]!;
    const end = origin[token.end - 1]! + 1;
    return { ...token, text: text.slice(start, end), start, end };
  });
}

function visibleWordTokens(text: string, lang: string): WordToken[] {
  const { english, segmenter, forms } = language(lang);
  const words =
    (english ? latinWords(text) : undefined) ??
    [...segmenter.segment(text)]
      .filter((s) => s.isWordLike)
      .map((s) => ({ text: s.segment, start: s.index, end: s.index + s.segment.length }));
  const tokens: WordToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    let form = forms.get(word.text);
    if (!form) {
      const norm = normalizeWord(word.text, lang, english);
      form = {
        norm,
        stem: english ? stemmer(norm) : norm,
        startsNumber: english && NUMBER_STARTS.has(word.text.toLowerCase()),
      };
      if (forms.size >= WORD_FORMS_LIMIT) forms.clear();
      forms.set(word.text, form);
    }
    const number = form.startsNumber ? readNumberWords(text, words, i) : undefined;
    if (number) {
      const last = words[number.next - 1];
      const norm = String(number.value);
      tokens.push({ text: text.slice(word.start, last.end), start: word.start, end: last.end, norm, stem: norm });
      i = number.next - 1;
      continue;
    }
    tokens.push({ text: word.text, start: word.start, end: word.end, norm: form.norm, stem: form.stem });
  }
  return tokens;
}

/*
 * Caches of pure results, per language tag: building a segmenter costs more than segmenting a sentence, and
 * the same words recur across a story's claims. The word cache is bounded for long builds.
 */
interface Language {
  english: boolean;
  segmenter: Intl.Segmenter;
  forms: Map<string, { norm: string; stem: string; startsNumber: boolean }>;
}
const languages = new Map<string, Language>();
const WORD_FORMS_LIMIT = 100_000;

function language(lang: string): Language {
  let known = languages.get(lang);
  if (!known) {
    known = {
      english: lang.toLowerCase().split('-')[0] === 'en',
      segmenter: new Intl.Segmenter(lang, { granularity: 'word' }),
      forms: new Map(),
    };
    languages.set(lang, known);
  }
  return known;
}

/*
 * Word boundaries without the segmenter, for text in the characters it knows: segmenting costs far more than
 * the rest of matching a pair. The classes and joins are those of the Unicode word-break rules (UAX #29) as
 * Intl.Segmenter applies them to these characters: letters and digits run together; a MidLetter or MidNumLet
 * mark joins two letters (`U.S`, `don't`, `a:b`); a MidNum or MidNumLet mark joins two digits (`200,000`,
 * `2.5`). Any other character (the underscore included: the segmenter treats lone and repeated ones
 * differently) sends the text to the segmenter, so the words are always the segmenter's words.
 */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const MID_LETTER = 3;
const MID_NUM_LET = 4;
const MID_NUM = 5;
const UNKNOWN = 6;
const CHAR_CLASS = buildCharClasses();

function buildCharClasses(): Uint8Array {
  const classes = new Uint8Array(0x2030).fill(UNKNOWN);
  const set = (chars: string, c: number) => {
    for (const ch of chars) classes[ch.charCodeAt(0)] = c;
  };
  for (let c = 0x20; c < 0x7f; c++) classes[c] = OTHER;
  set('\t\n\r\u00a0\u2013\u2014\u201c\u201d\u2026', OTHER);
  for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) classes[c] = LETTER;
  set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', LETTER);
  set('0123456789', DIGIT);
  set(':', MID_LETTER);
  set(".'\u2018\u2019", MID_NUM_LET);
  set(',;', MID_NUM);
  set('_', UNKNOWN);
  return classes;
}

/** The word-like segments of `text` (see above), or undefined when it holds a character left to the segmenter. */
function latinWords(text: string): Word[] | undefined {
  const n = text.length;
  const classes = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const c = code < CHAR_CLASS.length ? CHAR_CLASS[code] : UNKNOWN;
    if (c === UNKNOWN) return undefined;
    classes[i] = c;
  }
  const words: Word[] = [];
  let i = 0;
  while (i < n) {
    let c = classes[i];
    if (c !== LETTER && c !== DIGIT) {
      i++;
      continue;
    }
    const start = i;
    let last = c;
    i++;
    while (i < n) {
      c = classes[i];
      if (c === LETTER || c === DIGIT) {
        last = c;
        i++;
        continue;
      }
      const next = classes[i + 1];
      const joinsLetters = last === LETTER && next === LETTER && (c === MID_LETTER || c === MID_NUM_LET);
      const joinsDigits = last === DIGIT && next === DIGIT && (c === MID_NUM || c === MID_NUM_LET);
      if (!joinsLetters && !joinsDigits) break;
      i += 2;
    }
    words.push({ text: text.slice(start, i), start, end: i });
  }
  return words;
}

/**
 * Arabic-script spellings of one word that keyboards and outlets vary on: the Arabic yeh, alef maksura and kaf
 * that Arabic keyboards type for the Persian/Urdu/Pashto ی and ک, and the optional vowel signs and tatweel.
 */
const ARABIC_LETTER_FOLDS: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک' };
const ARABIC_VARIANTS = /[يىك\u0640\u064B-\u065F\u0670]/g;

function normalizeWord(word: string, lang: string, english: boolean): string {
  let w = word.normalize('NFKC').toLocaleLowerCase(lang).replace(/[\u2018\u2019\u201B\u02BC\u2032`´]/g, "'");
  if (!english) w = w.replace(ARABIC_VARIANTS, (char) => ARABIC_LETTER_FOLDS[char] ?? '');
  w = w.replace(/'s$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) return w.replace(/,/g, '');
  return english ? americanSpelling(w) : w;
}

/*
 * British -> American spelling. Whole-word pairs first, then rules for word families, each limited to listed
 * roots or guarded by endings, because a blind suffix swap breaks ordinary words (hour, genre, promise, raise).
 */
const WORD_PAIRS: Record<string, string> = wordTable({
  grey: 'gray', greys: 'grays', greyish: 'grayish', programme: 'program', programmes: 'programs',
  tyre: 'tire', tyres: 'tires', aluminium: 'aluminum', plough: 'plow', ploughs: 'plows', ploughed: 'plowed',
  sceptic: 'skeptic', sceptics: 'skeptics', sceptical: 'skeptical', scepticism: 'skepticism',
  mould: 'mold', moulds: 'molds', mouldy: 'moldy', smoulder: 'smolder', smouldering: 'smoldering',
  judgement: 'judgment', judgements: 'judgments', ageing: 'aging', enrol: 'enroll', enrolment: 'enrollment',
  fulfil: 'fulfill', fulfils: 'fulfills', fulfilment: 'fulfillment', instalment: 'installment',
  instalments: 'installments', skilful: 'skillful', wilful: 'willful', moustache: 'mustache', pyjamas: 'pajamas',
  manoeuvre: 'maneuver', manoeuvres: 'maneuvers', manoeuvred: 'maneuvered', manoeuvring: 'maneuvering',
  jewellery: 'jewelry', artefact: 'artifact', artefacts: 'artifacts', sulphur: 'sulfur', cosy: 'cozy',
  practise: 'practice', practised: 'practiced', practises: 'practices', practising: 'practicing',
  paediatric: 'pediatric', paediatrician: 'pediatrician', encyclopaedia: 'encyclopedia', anaemia: 'anemia',
  anaemic: 'anemic', haemorrhage: 'hemorrhage', haemoglobin: 'hemoglobin', oestrogen: 'estrogen',
  diarrhoea: 'diarrhea', orthopaedic: 'orthopedic', leukaemia: 'leukemia', foetus: 'fetus', foetal: 'fetal',
  anaesthetic: 'anesthetic', anaesthesia: 'anesthesia', mediaeval: 'medieval', oesophagus: 'esophagus',
  gaol: 'jail', whilst: 'while', amongst: 'among', kerb: 'curb', furore: 'furor',
});

/** colour, favourite, honourable, labourers…: only these roots, since hour, four, tour, detour keep -our. */
const OUR_RULE = new RegExp(`^(dis|un|mal)?(${alternatives(
  'col hon fav lab neighb behavi harb rum hum vap flav arm endeav vig sav savi od val rig splend tum parl clam ' +
    'ard cand ferv',
)})our`);
/** centre, metres, centred, litre…: listed roots, since genre, acre, ogre, massacre keep -re. */
const RE_RULE = new RegExp(`^(kilo|centi|milli|micro)?(${alternatives(
  'cent met lit theat fib calib somb spect meag lust sab goit mit reconnoit sepulch',
)})r(e|es|ed|ing)$`);
/** catalogue, dialogues, catalogued: listed roots, since rogue, vogue, league keep -gue. */
const OGUE_RULE = /^(catal|dial|anal|prol|epil|monol|travel)ogu(e|es|ed|ing)$/;
const ENCE_RULE = /^(defen|offen|preten|licen)ce(s|less)?$/;
const YSE_RULE = /^(anal|paral|catal|electrol|dial|hydrol|psychoanal)ys(e|es|ed|ing|er|ers)$/;
/** travelled, cancelling, modeller: American English does not double the final l of these roots. */
const LL_RULE = new RegExp(`^(${alternatives(
  'travel cancel label model fuel signal channel counsel level marvel total tunnel quarrel equal dial duel rival ' +
    'shovel libel pedal panel parcel pencil jewel revel enamel initial spiral stencil swivel unravel grovel bevel ' +
    'chisel kennel snorkel yodel',
)})l(ed|ing|er|ers|ous)$`);
/** -ise verbs and -isation nouns; the base (…ise) must be long enough and not one of the words that keep -ise. */
const ISE_RULE = /^(.{4,})is(e|es|ed|ing|er|ers|ation|ations|ational)$/;
const ISE_KEEP_ENDINGS = ['aise', 'oise', 'uise', 'wise', 'vise', 'prise'];
const ISE_KEEP_WORDS = new Set([
  'promise', 'compromise', 'premise', 'demise', 'surmise', 'advertise', 'chastise', 'expertise', 'merchandise',
  'paradise', 'franchise', 'treatise', 'valise', 'anise', 'sunrise', 'moonrise', 'uprise', 'mortise', 'exercise',
  'precise', 'concise', 'excise', 'incise', 'circumcise',
]);

function alternatives(words: string): string {
  return words.split(/\s+/).join('|');
}

function americanSpelling(w: string): string {
  if (WORD_PAIRS[w]) return WORD_PAIRS[w];
  let out = w
    .replace(OUR_RULE, (_m, pre = '', root) => `${pre}${root}or`)
    .replace(RE_RULE, (_m, pre = '', root, end) => `${pre}${root}er${end === 'e' ? '' : end === 'es' ? 's' : end}`)
    .replace(OGUE_RULE, (_m, root, end) => `${root}og${end === 'e' ? '' : end === 'es' ? 's' : end}`)
    .replace(ENCE_RULE, (_m, root, end = '') => `${root}se${end}`)
    .replace(YSE_RULE, (_m, root, end) => `${root}yz${end}`)
    .replace(LL_RULE, (_m, root, end) => `${root}${end}`);
  const ise = ISE_RULE.exec(out);
  if (ise) {
    const base = `${ise[1]}ise`;
    if (!ISE_KEEP_WORDS.has(base) && !ISE_KEEP_ENDINGS.some((e) => base.endsWith(e))) out = `${ise[1]}iz${ise[2]}`;
  }
  return out;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Record<string, number> = wordTable({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });

type Word = { text: string; start: number; end: number };

/** The words a spelled-out number can start with: readNumberWords reads nothing from any other. */
const NUMBER_STARTS = new Set([...UNITS, ...TENS.filter(Boolean), 'hundred', ...Object.keys(SCALES)]);

/**
 * Reads a spelled-out cardinal starting at `words[i]` ("three", "twenty-seven", "two hundred and five",
 * "forty thousand"). Only words joined by a space or a hyphen form one number, and only in an order that
 * makes sense ("five six" is two numbers). Returns the value and the index after the last word used.
 */
function readNumberWords(text: string, words: Word[], i: number): { value: number; next: number } | undefined {
  let total = 0;
  let group = 0;
  let prev: 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and' = 'start';
  let lastScale = Infinity;
  let committed: { value: number; next: number } | undefined;
  for (let j = i; j < words.length; j++) {
    if (j > i && !/^[\s-]$|^\s+$/.test(text.slice(words[j - 1].end, words[j].start))) break;
    const w = words[j].text.toLowerCase();
    const unit = UNITS.indexOf(w);
    const tens = TENS.indexOf(w);
    if (unit >= 1 && unit < 10 && ['start', 'tens', 'hundred', 'scale', 'and'].includes(prev)) {
      if (prev === 'tens' && group % 10 !== 0) break;
      group += unit;
      prev = 'unit';
    } else if ((unit === 0 || unit >= 10) && ['start', 'hundred', 'scale', 'and'].includes(prev)) {
      if (unit === 0 && prev !== 'start') break;
      group += unit;
      prev = 'teen';
    } else if (tens >= 2 && ['start', 'hundred', 'scale', 'and'].includes(prev)) {
      group += tens * 10;
      prev = 'tens';
    } else if (w === 'hundred' && ['start', 'unit', 'teen'].includes(prev) && group < 100) {
      group = (group || 1) * 100;
      prev = 'hundred';
    } else if (w in SCALES && prev !== 'and' && prev !== 'scale' && SCALES[w] < lastScale) {
      total += (group || 1) * SCALES[w];
      lastScale = SCALES[w];
      group = 0;
      prev = 'scale';
    } else if (w === 'and' && (prev === 'hundred' || prev === 'scale')) {
      prev = 'and';
      continue;
    } else {
      break;
    }
    committed = { value: total + group, next: j + 1 };
  }
  return committed;
}
