/**
 * Reading claims from the page, for the story page's scripts: the counterparts a claim element names in
 * `data-counterparts` (a column's claim or its copy in the aligned reading), and the id an address's fragment
 * names.
 */

/** The ids of the claims of other reports that say the same thing as this one, in the order the page gives them. */
export function counterpartIds(claim: HTMLElement): string[] {
  return (claim.dataset.counterparts ?? '').split(' ').filter((id) => id !== '');
}

/** Those claims' elements in the report columns, where the page has them. */
export function counterpartsOf(claim: HTMLElement): HTMLElement[] {
  return counterpartIds(claim).flatMap((id) => document.getElementById(id) ?? []);
}

/** The id a fragment (`#…`, as in `location.hash`) names, decoded; undefined when empty or not decodable. */
export function fragmentId(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash.slice(1)) || undefined;
  } catch {
    return undefined;
  }
}
