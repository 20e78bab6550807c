/**
 * Reading claims from the page, for the story page's scripts: the counterparts of a claim (a column's claim
 * lists them in its detail's links, its copy in the aligned reading in `data-counterparts`), the part spans of a longer claim
 * that a shorter one states (`.cr-part`, naming the shorter claims in `data-part-of`), and the id an address's
 * fragment names.
 */

/** The ids of the claims of other reports that say the same thing as this one, in the order the page gives them. */
export function counterpartIds(claim: HTMLElement): string[] {
  const listed = claim.dataset.counterparts;
  if (listed !== undefined) return listed.split(' ').filter((id) => id !== '');
  // A column's claim: its detail links to each counterpart, so the page does not list them twice.
  const detail = document.querySelector(`details[data-detail-of="${CSS.escape(claim.id)}"]`);
  const links = detail ? [...detail.querySelectorAll<HTMLAnchorElement>('a.cr-counterpart-link')] : [];
  return links.flatMap((link) => fragmentId(link.getAttribute('href') ?? '') ?? []);
}

/** Those claims' elements in the report columns, where the page has them. */
export function counterpartsOf(claim: HTMLElement): HTMLElement[] {
  return counterpartIds(claim).flatMap((id) => document.getElementById(id) ?? []);
}

/** The marked stretches of `claim` (a longer claim) that the claim with id `id` states: where its part is said. */
export function partsStatedBy(claim: HTMLElement, id: string): HTMLElement[] {
  return [...claim.querySelectorAll<HTMLElement>('.cr-part[data-part-of]')].filter((part) => (part.dataset.partOf ?? '').split(' ').includes(id));
}

/** The id a fragment (`#…`, as in `location.hash`) names, decoded; undefined when empty or not decodable. */
export function fragmentId(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash.slice(1)) || undefined;
  } catch {
    return undefined;
  }
}
