/**
 * Story page enhancements; reading works without them.
 * - Pointing at a claim, or moving focus into it, sets `data-lit` on its counterparts, and on the stretch of a
 *   longer counterpart that it states (its part span, see ClaimText.astro).
 * - A claim named by the address is shown, opened and highlighted by claim-address.ts.
 * - Arriving from search with `?highlight=<query>` (and usually a claim's hash), the query's words are marked
 *   (see highlight-query.ts) in the target claim and its counterparts, or in every report column when the hash
 *   names no claim; the count is announced. A "Clear search highlight" button (in the target claim's tools, or
 *   above the columns) and the Escape key remove the marks and the parameter from the address.
 */
import { announce } from './announce.ts';
import { claimInAddress } from './claim-address.ts';
import { counterpartsOf, partsStatedBy } from './claim-dom.ts';
import { canHighlight, clearQueryHighlight, highlightQuery } from './highlight-query.ts';

const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function claimAt(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>('.cr-claim') : null;
}

let hovered: HTMLElement | null = null;
let focused: HTMLElement | null = null;
let lit: HTMLElement[] = [];

function updateLit(): void {
  for (const element of lit) element.removeAttribute('data-lit');
  lit = [hovered, focused].flatMap((claim) => (claim ? counterpartsOf(claim).flatMap((other) => [other, ...partsStatedBy(other, claim.id)]) : []));
  for (const element of lit) element.setAttribute('data-lit', 'true');
}

document.addEventListener('pointerover', (event) => {
  const claim = claimAt(event.target);
  if (claim === hovered) return;
  hovered = claim;
  updateLit();
});

document.addEventListener('pointerout', (event) => {
  if (!hovered || claimAt(event.relatedTarget) === hovered) return;
  hovered = null;
  updateLit();
});

document.addEventListener('focusin', (event) => {
  focused = claimAt(event.target);
  updateLit();
});

document.addEventListener('focusout', (event) => {
  focused = claimAt(event.relatedTarget);
  updateLit();
});

/** Report text a search may have matched: claims, headlines, standfirsts and headings, never interface text. */
const reportText = '.cr-claim-text, .cr-report-title, .cr-standfirst, .cr-report-heading';

function highlightSearch(target: HTMLElement | null): void {
  const query = new URLSearchParams(window.location.search).get('highlight')?.trim() ?? '';
  if (query === '' || !canHighlight) return;
  const counterparts = target ? counterpartsOf(target) : [];
  const scope = target
    ? [target, ...counterparts].flatMap((claim) => [...claim.querySelectorAll('.cr-claim-text')])
    : document.querySelectorAll(`.cr-columns :is(${reportText})`);
  const count = highlightQuery(scope, query);
  if (count === 0) return;
  const matches = `${count} ${count === 1 ? 'match' : 'matches'} of “${query}”`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cr-clear-highlight';
  button.textContent = 'Clear search highlight';
  button.addEventListener('click', () => clearSearch(button));
  const tools = target?.querySelector('.cr-claim-tools');
  if (tools) {
    tools.prepend(button);
  } else {
    const note = document.createElement('p');
    note.className = 'cr-search-note';
    note.append(`Highlighted ${matches}. `, button);
    document.querySelector('.cr-columns')?.before(note);
    // No claim to go to: go to the reports, where the marks are.
    note.scrollIntoView({ block: 'start', behavior: reduceMotion.matches ? 'auto' : 'smooth' });
  }
  const where = counterparts.length > 0 ? ' in this claim and the claims that match it' : target ? ' in this claim' : '';
  announce(`Highlighted ${matches}${where}. Press Escape to clear.`);
  document.addEventListener('keydown', clearOnEscape);
}

function clearOnEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  // Escape closes dialogs and menus first, and belongs to form fields.
  if (document.querySelector('dialog[open]') || (event.target instanceof Element && event.target.closest('input, select, textarea'))) return;
  clearSearch(null);
}

/** Removes the marks, the controls and `highlight` from the address (history entry replaced, hash kept). */
function clearSearch(from: HTMLButtonElement | null): void {
  clearQueryHighlight();
  document.removeEventListener('keydown', clearOnEscape);
  const tools = from?.closest('.cr-claim-tools');
  for (const element of document.querySelectorAll('.cr-search-note, .cr-clear-highlight')) element.remove();
  // The button took focus with it: give it to the next control in the same claim, or to the main content.
  if (from) (tools?.querySelector<HTMLElement>('a, button:not([hidden])') ?? document.getElementById('main'))?.focus({ preventScroll: true });
  const url = new URL(window.location.href);
  url.searchParams.delete('highlight');
  window.history.replaceState(window.history.state, '', url.href);
  announce('Search highlight cleared');
}

highlightSearch(claimInAddress() ?? null);
