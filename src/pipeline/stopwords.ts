/*
 * Words that carry no claim of their own: function words, and the reporting verbs and connectives that news
 * writing puts around any fact ("said", "according", "meanwhile"). Entries are in `norm` form (see
 * normalize-text.ts): lower case, possessive dropped, number words already turned into digits, so no number
 * is listed here. Negations (not, no, never) are left out on purpose: they change what a claim states.
 */
const ENGLISH = `
a about above across after afterwards again against all almost along already also although always am among an
and another any anybody anyone anything anyway anywhere are around as at be became because become becomes been
before beforehand being below beside besides between beyond both but by can cannot could did do does doing done
down during each either else elsewhere enough etc even ever every everyone everything everywhere few for from
further furthermore had has have having he hence her here hereby herein hers herself him himself his how however
i if in indeed into is it its itself just last later latter least less let like likewise made make makes many may
me meanwhile might mine more moreover most mostly much must my myself namely near nearly neither nevertheless
next nonetheless nor now of off often on once only onto or other others otherwise our ours ourselves out over
own per perhaps quite rather really same several shall she should since so some somebody someone something
sometime sometimes somewhat somewhere still such than that the their theirs them themselves then thence there
thereafter thereby therefore therein these they this those though through throughout thus to together too
toward towards under unless until up upon us very via was we well were what whatever when whence whenever where
whereas whereby wherever whether which while whither who whoever whole whom whose why will with within without
would yet you your yours yourself yourselves
according added adds say saying says said tell telling tells told
`;

const LISTS: Record<string, ReadonlySet<string>> = {
  en: new Set(ENGLISH.split(/\s+/).filter(Boolean)),
};

const NONE: ReadonlySet<string> = new Set();

/** The stopword set for a BCP 47 language tag (by its primary subtag); empty for languages without a list. */
export function stopwords(lang: string): ReadonlySet<string> {
  return LISTS[lang.toLowerCase().split('-')[0]] ?? NONE;
}
