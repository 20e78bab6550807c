/**
 * Story page enhancements; reading works without them.
 * - Pointing at a claim, or moving focus into it, sets `data-lit` on its counterparts, and on the stretch of a
 *   longer counterpart that it states (its part span, see ClaimText.astro).
 * - When the URL hash names a claim (on load and on `hashchange`), that claim gets
 *   `data-highlight="target"`, its counterparts `data-highlight="counterpart"` and the part spans it states in
 *   them `data-highlight="part"`, and it is scrolled into view.
 * - On load, a hash that names no element but looks like a claim id sends the reader to that claim's page
 *   (`<story>claims/<id>/`, the story's address taken from `data-story-url` on the side-by-side section): claims since
 *   removed from a report, or of reports this page does not show, have only that page.
 * - "Copy link" buttons are shown when the clipboard is available; they copy the claim's absolute permalink,
 *   which is its claim page.
 * - Arriving from search with `?highlight=<query>` (and usually a claim's hash), the query's words are marked
 *   (see highlight-query.ts) in the target claim and its counterparts, or in every report column when the hash
 *   names no claim; the count is announced. A "Clear search highlight" button (in the target claim's tools, or
 *   above the columns) and the Escape key remove the marks and the parameter from the address.
 */
import { announce } from './announce.ts';
import { counterpartsOf, fragmentId, partsStatedBy } from './claim-dom.ts';
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

/** Highlights the claim the hash names, and returns it. */
function highlightFromHash(): HTMLElement | null {
  for (const element of document.querySelectorAll('[data-highlight]')) element.removeAttribute('data-highlight');
  const id = fragmentId(window.location.hash);
  const claim = id ? document.getElementById(id) : null;
  if (!claim?.classList.contains('cr-claim')) return null;
  claim.setAttribute('data-highlight', 'target');
  for (const counterpart of counterpartsOf(claim)) {
    counterpart.setAttribute('data-highlight', 'counterpart');
    for (const part of partsStatedBy(counterpart, claim.id)) part.setAttribute('data-highlight', 'part');
  }
  claim.scrollIntoView({ block: 'center', behavior: reduceMotion.matches ? 'auto' : 'smooth' });
  return claim;
}

/** What claim-ids.ts issues: `<report slug>-<8 hex digits>`, `-2`, `-3`… for repeats. Other hashes are left alone. */
const claimIdPattern = /^[a-z0-9][a-z0-9-]*-[0-9a-f]{8}(?:-[0-9]+)?$/;

/** True when the hash was a claim id missing from this page and the reader is on the way to its claim page. */
function leaveForClaimPage(): boolean {
  const id = fragmentId(window.location.hash);
  const story = document.querySelector<HTMLElement>('[data-story-url]')?.dataset.storyUrl;
  if (!story || !id || !claimIdPattern.test(id) || document.getElementById(id)) return false;
  window.location.replace(new URL(`${story}claims/${id}/`, window.location.href).href);
  return true;
}

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

if (!leaveForClaimPage()) highlightSearch(highlightFromHash());
window.addEventListener('hashchange', highlightFromHash);

if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.cr-copy')) button.hidden = false;

  document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button.cr-copy') : null;
    if (!button?.dataset.permalink) return;
    const url = new URL(button.dataset.permalink, window.location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      button.setAttribute('data-copied', 'true');
      window.setTimeout(() => button.removeAttribute('data-copied'), 2000);
      announce('Link copied');
    } catch {
      announce('Could not copy the link. Use the Share link instead.');
    }
  });
}
