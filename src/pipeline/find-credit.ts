import { wordTable } from './word-table.ts';

/**
 * The news agencies a credit may name, by every name a report writes for them, each with the name the site shows.
 * A credit naming another source ("With inputs from our correspondent") is read as that source's own words.
 */
const AGENCIES = wordTable<string>({
  pti: 'PTI',
  'press trust of india': 'PTI',
  ani: 'ANI',
  'asian news international': 'ANI',
  ians: 'IANS',
  uni: 'UNI',
  reuters: 'Reuters',
  ap: 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  dpa: 'dpa',
  xinhua: 'Xinhua',
  anadolu: 'Anadolu',
  'anadolu agency': 'Anadolu',
  efe: 'EFE',
  kyodo: 'Kyodo',
  'kyodo news': 'Kyodo',
  yonhap: 'Yonhap',
  bernama: 'Bernama',
  tass: 'TASS',
  pa: 'PA',
  'pa media': 'PA',
  'press association': 'PA',
  bloomberg: 'Bloomberg',
});

/** Words that join two credited names in one credit: "PTI and ANI", "Reuters, AFP". */
const JOINED = /\s*(?:,|&|\band\b)\s*/iu;

/**
 * The agencies a report credits for its text, in the order its claims name them, each once. A credit is what an
 * outlet prints to say whose copy it ran, not a source it cites: "With inputs from PTI", "(with inputs from
 * agencies)", a dateline's "(Reuters) -", "AFP contributed to this report", or a line that is only the agency's
 * name ("— AP", "PTI"). "PTI reported" or "told Reuters" is a source inside the story, and is not read as a credit.
 * Only names in AGENCIES count, except after "with inputs from", where the outlet has said it is a credit: there
 * any capitalised name is taken as written ("With inputs from Dawn" gives "Dawn").
 */
export function findCredits(claims: readonly string[]): string[] {
  const found: string[] = [];
  const add = (name: string | undefined) => {
    if (name !== undefined && !found.includes(name)) found.push(name);
  };
  for (const claim of claims) {
    for (const match of claim.matchAll(/\bwith inputs? from\s+([^.;:()\n]+)/giu)) {
      for (const part of match[1]!.split(JOINED)) {
        const name = part.trim().replace(/^(?:the\s+)?(?:news\s+)?agenc(?:y|ies)\s*/iu, '');
        add(agency(name) ?? (/^\p{Lu}/u.test(name) ? name : undefined));
      }
    }
    // A dateline's "(Reuters) -", or "(AP)" opening or closing the claim; "the Associated Press (AP) said" names a source.
    for (const match of claim.matchAll(/\(([^()]{2,40})\)(\s*[—–:-]|[\s.]*$|)/gu)) {
      if (match[2] !== '' || claim.slice(0, match.index).trim() === '') add(agency(match[1]!));
    }
    // Looked for only where the phrase stands: the pattern would otherwise be tried at every letter of a long claim.
    if (/contributed to this/iu.test(claim)) {
      for (const match of claim.matchAll(/([\p{L} .&-]{2,40}?)\s+contributed to this (?:report|story)/giu)) add(agency(match[1]!.trim()));
    }
    // A claim that is only a name, or ends in a dash and a name: the sign-off of agency copy.
    add(agency(claim.replace(/^[\s—–-]+|[\s.]+$/gu, '')));
    const signOff = /[—–-]\s*([\p{L} .&-]{2,40}?)[\s.]*$/u.exec(claim);
    if (signOff) add(agency(signOff[1]!.trim()));
  }
  return found;
}

/** The agency `name` is written for, or undefined. */
function agency(name: string): string | undefined {
  return AGENCIES[name.trim().toLowerCase().replace(/\s+/gu, ' ')];
}
