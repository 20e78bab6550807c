/**
 * What a search result says about each claim of a report page in the index (search-records.ts), carried in two
 * Pagefind meta fields of the page, since Pagefind filters and meta belong to a page, not to a claim:
 * - `reports`: the outlets of the story's reports in the story's order, as a JSON array;
 * - `claims`: one token per claim, in reading order (the order of the page's anchors), separated by spaces:
 *   the indexes in `reports` of the other reports that carry the claim joined by `.`, each followed by `?` when
 *   the site is not sure that report carries it (a possible match only), or `-` when no other report does;
 *   then `!` when the reports disagree on a detail of it. `1.2?! -` reads: the first claim is also in report 1
 *   and possibly in report 2, which disagree with it on a detail; the second is in this report only. Tokens
 *   without `?`, from indexes built before possible matches, read as certain.
 * Both sides import this module (it has no imports, so the search bench can load it into a page as it is).
 */

export interface ClaimNote {
  /** Indexes, in the story's report order, of the other reports that carry the claim. */
  others: number[];
  /** Those of `others` tied to the claim by possible matches only. */
  possible: number[];
  /** True when the claim is matched to another report's claim with which it conflicts. */
  conflict: boolean;
}

export function claimNotesMeta(outlets: string[], notes: ClaimNote[]): { reports: string; claims: string } {
  const carrier = (note: ClaimNote, index: number) => `${index}${note.possible.includes(index) ? '?' : ''}`;
  const token = (note: ClaimNote) => `${note.others.length > 0 ? note.others.map((index) => carrier(note, index)).join('.') : '-'}${note.conflict ? '!' : ''}`;
  return { reports: JSON.stringify(outlets), claims: notes.map(token).join(' ') };
}

/**
 * The other outlets (and, of those, the ones only possibly carrying it) and the conflict flag of each claim of a
 * page, in reading order; empty when unreadable.
 */
export function readClaimNotes(meta: Record<string, string | undefined>): { others: string[]; possible: string[]; conflict: boolean }[] {
  let outlets: unknown;
  try {
    outlets = JSON.parse(meta.reports ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(outlets)) return [];
  return (meta.claims ?? '')
    .split(' ')
    .filter(Boolean)
    .map((token) => {
      const conflict = token.endsWith('!');
      const carriers = conflict ? token.slice(0, -1) : token;
      const indexes = carriers === '-' ? [] : carriers.split('.');
      const outlet = (index: string) => String(outlets[Number(index.replace(/\?$/, ''))] ?? '');
      const others = indexes.map(outlet).filter(Boolean);
      const possible = indexes.filter((index) => index.endsWith('?')).map(outlet).filter(Boolean);
      return { others, possible, conflict };
    });
}
