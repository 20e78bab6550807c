import type { ClaimHit } from './search-claims.ts';

/**
 * One search result: the claim with the query's words in `<mark>`, in its report's language, linking to the
 * claim in context with the query as `?highlight=` (the story page marks those words on arrival); then its
 * outlet and story, which other reports carry it, and a badge when the reports disagree on a detail of it.
 * Built with DOM nodes and `textContent` only: indexed text is third-party.
 */

/** Pagefind's word boundaries: any whitespace but U+FEFF. */
const wordGap = /([^\S\uFEFF]+)/;

/** Appends `text` to `parent`, wrapping the words at `locations` (Pagefind word positions) in `<mark>`. */
function appendHighlighted(parent: HTMLElement, text: string, locations: number[]): void {
  const marked = new Set(locations);
  let plain = '';
  let word = 0;
  for (const part of text.split(wordGap)) {
    if (part === '') continue;
    const isWord = !wordGap.test(part);
    // Punctuation around a matched word stays outside its mark.
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}\p{M}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/su.exec(part) ?? [];
    if (!isWord || !marked.has(word) || core === '') {
      plain += part;
    } else {
      if (plain + before) parent.append(plain + before);
      const mark = document.createElement('mark');
      mark.textContent = core;
      parent.append(mark);
      plain = after;
    }
    if (isWord) word += 1;
  }
  if (plain) parent.append(plain);
}

/** `target` (a site path, possibly with `#claim`) with `highlight=<query>` added; the hash stays last. */
function highlightLink(target: string, query: string): string {
  const url = new URL(target, window.location.href);
  url.searchParams.set('highlight', query);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "Also in 2 other reports: A, B (possible match)": an outlet tied by a possible match only is said to be one. */
function carriedBy(hit: ClaimHit): string {
  const count = hit.others.length;
  if (count === 0) return `Only in ${hit.outlet}`;
  const outlets = hit.others.map((outlet) => (hit.possible.includes(outlet) ? `${outlet} (possible match)` : outlet));
  return `Also in ${count} other ${count === 1 ? 'report' : 'reports'}: ${outlets.join(', ')}`;
}

/** The result's list item; `id` names its details line, which describes the link. */
export function searchResultItem(hit: ClaimHit, query: string, id: string): HTMLLIElement {
  const item = element('li', 'cr-search-result');
  item.dataset.status = hit.filters.status.join(' ');
  const link = element('a', 'cr-search-result-link');
  link.href = highlightLink(hit.target, query);
  const text = element('span', 'cr-search-result-text');
  if (hit.lang) text.lang = hit.lang;
  text.dir = 'auto';
  appendHighlighted(text, hit.text, hit.locations);
  link.append(text);

  const details = element('p', 'cr-search-result-meta');
  details.id = id;
  link.setAttribute('aria-describedby', id);
  details.append(element('span', 'cr-search-result-outlet', hit.outlet), element('span', 'cr-search-result-story', hit.story));
  const carried = element('span', 'cr-search-result-carried', `${carriedBy(hit)}.`);
  carried.dataset.carried = hit.others.length > 0 ? 'shared' : 'unique';
  details.append(carried);
  if (hit.filters.status.includes('conflict')) details.append(element('span', 'cr-badge cr-search-result-conflict', 'Reports disagree'));
  item.append(link, details);
  return item;
}
