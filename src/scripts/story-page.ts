/**
 * Story page enhancements; reading works without them.
 * - Pointing at a claim, or moving focus into it, sets `data-lit` on its counterparts.
 * - When the URL hash names a claim (on load and on `hashchange`), that claim gets
 *   `data-highlight="target"` and its counterparts `data-highlight="counterpart"`, and it is scrolled into view.
 * - On load, a hash that names no element but looks like a claim id sends the reader to that claim's page
 *   (`<story>claims/<id>/`, the story's address taken from `data-story-url` on the side-by-side section): claims since
 *   removed from a report, or of reports this page does not show, have only that page.
 * - "Copy link" buttons are shown when the clipboard is available; they copy the claim's absolute permalink,
 *   which is its claim page.
 */
import { announce } from './announce.ts';

const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

function claimAt(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>('.cr-claim') : null;
}

function counterpartsOf(claim: HTMLElement): HTMLElement[] {
  const ids = (claim.dataset.counterparts ?? '').split(' ').filter((id) => id !== '');
  return ids.flatMap((id) => document.getElementById(id) ?? []);
}

let hovered: HTMLElement | null = null;
let focused: HTMLElement | null = null;
let lit: HTMLElement[] = [];

function updateLit(): void {
  for (const element of lit) element.removeAttribute('data-lit');
  lit = [hovered, focused].flatMap((claim) => (claim ? counterpartsOf(claim) : []));
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

function highlightFromHash(): void {
  for (const element of document.querySelectorAll('[data-highlight]')) element.removeAttribute('data-highlight');
  let id: string;
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return;
  }
  const claim = id ? document.getElementById(id) : null;
  if (!claim?.classList.contains('cr-claim')) return;
  claim.setAttribute('data-highlight', 'target');
  for (const counterpart of counterpartsOf(claim)) counterpart.setAttribute('data-highlight', 'counterpart');
  claim.scrollIntoView({ block: 'center', behavior: reduceMotion.matches ? 'auto' : 'smooth' });
}

/** What claim-ids.ts issues: `<report slug>-<8 hex digits>`, `-2`, `-3`… for repeats. Other hashes are left alone. */
const claimIdPattern = /^[a-z0-9][a-z0-9-]*-[0-9a-f]{8}(?:-[0-9]+)?$/;

/** True when the hash was a claim id missing from this page and the reader is on the way to its claim page. */
function leaveForClaimPage(): boolean {
  let id: string;
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return false;
  }
  const story = document.querySelector<HTMLElement>('[data-story-url]')?.dataset.storyUrl;
  if (!story || !claimIdPattern.test(id) || document.getElementById(id)) return false;
  window.location.replace(new URL(`${story}claims/${id}/`, window.location.href).href);
  return true;
}

if (!leaveForClaimPage()) highlightFromHash();
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
