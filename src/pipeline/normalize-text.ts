import { stemmer } from 'stemmer';

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

/**
 * Splits `text` into its words with `Intl.Segmenter` (word-like segments only) and normalises each one so
 * that two reports' wordings can be compared: `Colour's` and `color`, `twenty-seven` and `27`,
 * `200,000` and `200000` get the same `norm`. Spelling and number rules apply to English (`en`, `en-GB`…).
 */
export function wordTokens(text: string, lang = 'en'): WordToken[] {
  const english = lang.toLowerCase().split('-')[0] === 'en';
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  const words = [...segmenter.segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => ({ text: s.segment, start: s.index, end: s.index + s.segment.length }));
  const tokens: WordToken[] = [];
  for (let i = 0; i < words.length; i++) {
    const number = english ? readNumberWords(text, words, i) : undefined;
    if (number) {
      const first = words[i];
      const last = words[number.next - 1];
      const norm = String(number.value);
      tokens.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end, norm, stem: norm });
      i = number.next - 1;
      continue;
    }
    const key = `${lang}\u0000${words[i].text}`;
    let forms = wordForms.get(key);
    if (!forms) {
      const norm = normalizeWord(words[i].text, lang, english);
      forms = { norm, stem: english ? stemmer(norm) : norm };
      if (wordForms.size >= WORD_FORMS_LIMIT) wordForms.clear();
      wordForms.set(key, forms);
    }
    tokens.push({ ...words[i], ...forms });
  }
  return tokens;
}

/*
 * Caches of pure results: building a segmenter costs more than segmenting a sentence, and a story's claims
 * are compared several times (alignment, each diff, figures). The word cache is bounded for long builds.
 */
const segmenters = new Map<string, Intl.Segmenter>();
const wordForms = new Map<string, { norm: string; stem: string }>();
const WORD_FORMS_LIMIT = 100_000;

function normalizeWord(word: string, lang: string, english: boolean): string {
  let w = word.normalize('NFKC').toLocaleLowerCase(lang).replace(/[\u2018\u2019\u201B\u02BC\u2032`´]/g, "'");
  w = w.replace(/'s$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) return w.replace(/,/g, '');
  return english ? americanSpelling(w) : w;
}

/*
 * British -> American spelling. Whole-word pairs first, then rules for word families, each limited to listed
 * roots or guarded by endings, because a blind suffix swap breaks ordinary words (hour, genre, promise, raise).
 */
const WORD_PAIRS: Record<string, string> = {
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
};

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
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

type Word = { text: string; start: number; end: number };

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
