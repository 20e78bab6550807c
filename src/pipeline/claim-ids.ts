import { hash } from 'node:crypto';

/**
 * Stable ids for the claims of one report, in the order given: `<report slug>-<8 hex digits>`, the digits taken
 * from a SHA-256 of the claim's text (NFC, whitespace collapsed). An id depends only on the report and the
 * text, so editing or inserting other sentences leaves it unchanged and links to it keep working. The second,
 * third… copy of a text in the report gets `-2`, `-3`… The slug is reduced to lower-case ASCII letters, digits
 * and hyphens (accents dropped), so ids are valid HTML ids and need no escaping in a URL.
 */
export function claimIds(reportSlug: string, texts: string[]): string[] {
  const taken = new Set<string>();
  return texts.map((text) => newClaimId(reportSlug, text, taken));
}

/**
 * The id a claim gets when it is first published: as in `claimIds`, with `-2`, `-3`… added while the id is
 * in `taken` (ids already issued, in this report or by earlier builds). Adds the id it returns to `taken`.
 */
export function newClaimId(reportSlug: string, text: string, taken: Set<string>): string {
  const slug = reportSlug.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const safeSlug = slug.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
  const base = `${safeSlug}-${hash('sha256', claimKey(text)).slice(0, 8)}`;
  // The search for a free copy number goes on from where the last one for this base stopped (`taken` only
  // grows), so the thousandth copy of a sentence costs no more than the second.
  const tried = triedCopies(taken);
  let copy = tried.get(base) ?? 1;
  let id = copy === 1 ? base : `${base}-${copy}`;
  while (taken.has(id)) id = `${base}-${++copy}`;
  tried.set(base, copy);
  taken.add(id);
  return id;
}

const copiesTried = new WeakMap<Set<string>, Map<string, number>>();

/** Per id base, the last copy number newClaimId tried with this set of taken ids. */
function triedCopies(taken: Set<string>): Map<string, number> {
  let tried = copiesTried.get(taken);
  if (!tried) copiesTried.set(taken, (tried = new Map()));
  return tried;
}

/** The form of a claim's text that its id is made from: two texts with the same key are the same sentence. */
export function claimKey(text: string): string {
  const nfc = text.normalize('NFC');
  return UNEVEN_SPACING.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

/** White space other than single spaces between words: what claimKey collapses and trims (most claims have none). */
const UNEVEN_SPACING = /[^\S ]| {2}|^ | $/;
