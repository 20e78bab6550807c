/**
 * The one owner of "a claim is in the address" on a page showing reports side by side. When the fragment names
 * a claim of the report columns, on load and on every `hashchange`, `showClaim` (also called directly):
 * 1. shows the view that holds it (the pair side by side, registered by pair-chooser.ts, and the reading mode's
 *    report, registered by reading-mode.ts);
 * 2. opens its detail (`details[data-detail-of]`, ClaimDetail.astro);
 * 3. sets `data-highlight="target"` on it, `"counterpart"` on its counterparts and `"part"` on the stretches of
 *    them it states (any earlier highlight is cleared);
 * 4. scrolls to it (the columns' own scrolling when they scroll together, registered by sync-scroll.ts; the
 *    middle of the viewport otherwise).
 * A fragment naming another element of a view (a report's title) shows that view and scrolls to it; one naming
 * an element outside the reports (a note under Corrections) is scrolled to again on load, once the layout has
 * settled. Every report of the story is on its page, so every claim id the story holds is here. Without
 * JavaScript the browser's own scrolling to the anchor and `:target` do the essentials.
 */
import { counterpartsOf, fragmentId, partsStatedBy } from './claim-dom.ts';

type ShowView = (element: HTMLElement) => void;
type ScrollToClaim = (claim: HTMLElement, instant: boolean) => void;

const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const section = document.querySelector<HTMLElement>('.cr-side-by-side');

const showViews: ShowView[] = [];
const showView: ShowView = (element) => {
  for (const show of showViews) show(element);
};
let scrollToClaim: ScrollToClaim = (claim, instant) =>
  claim.scrollIntoView({ block: 'center', behavior: instant || reduceMotion.matches ? 'instant' : 'smooth' });

/** pair-chooser.ts, reading-mode.ts: how to show the view holding an element of the columns (each is called, in turn). */
export function onShowView(show: ShowView): void {
  showViews.push(show);
}

/** sync-scroll.ts: how to bring a claim of the columns into view. */
export function onScrollToClaim(scroll: ScrollToClaim): void {
  scrollToClaim = scroll;
}

/** The claim of the report columns the address names, if any. */
export function claimInAddress(): HTMLElement | undefined {
  const element = elementInAddress();
  return element?.matches('.cr-claim[id]') ? element : undefined;
}

function elementInAddress(): HTMLElement | undefined {
  const id = fragmentId(window.location.hash);
  const element = id ? document.getElementById(id) : null;
  return element && section?.contains(element) ? element : undefined;
}

/** Shows the view (reading mode) that holds an element of the columns, nothing more. */
export function revealView(element: HTMLElement): void {
  showView(element);
}

/** Puts claim `id` in the address without a history entry, a scroll or anything shown (stepping by key). */
export function putClaimInAddress(id: string): void {
  const url = new URL(window.location.href);
  url.hash = id;
  window.history.replaceState(window.history.state, '', url.href);
}

/** Shows a claim of the columns as an address naming it does (see above); `scroll: false` leaves the scrolling to the caller. */
export function showClaim(claim: HTMLElement, { instant = false, scroll = true } = {}): void {
  showView(claim);
  const detail = document.querySelector<HTMLDetailsElement>(`details[data-detail-of="${CSS.escape(claim.id)}"]`);
  if (detail) detail.open = true;
  for (const element of document.querySelectorAll('[data-highlight]')) element.removeAttribute('data-highlight');
  claim.setAttribute('data-highlight', 'target');
  for (const counterpart of counterpartsOf(claim)) {
    counterpart.setAttribute('data-highlight', 'counterpart');
    for (const part of partsStatedBy(counterpart, claim.id)) part.setAttribute('data-highlight', 'part');
  }
  if (scroll) scrollToClaim(claim, instant);
}

/** Shows what the address names; on load (`loading`) the claim is marked at once and scrolled to a frame later. */
function showAddressed(loading: boolean): void {
  const element = elementInAddress();
  if (!element) {
    for (const lit of document.querySelectorAll('[data-highlight]')) lit.removeAttribute('data-highlight');
    // Another element of the page (a note under Corrections): the browser reached it before the columns became
    // scroll areas and the page shortened, so it is reached again.
    const other = document.getElementById(fragmentId(window.location.hash) ?? '');
    if (loading && other) window.requestAnimationFrame(() => other.scrollIntoView({ block: 'start', behavior: 'instant' }));
    return;
  }
  if (!element.matches('.cr-claim[id]')) {
    showView(element);
    element.scrollIntoView({ block: 'start', behavior: 'instant' });
    return;
  }
  showClaim(element, { instant: loading, scroll: !loading });
  // A frame later the columns may have become scroll areas, which the browser's own scrolling knew nothing of.
  if (loading) window.requestAnimationFrame(() => scrollToClaim(element, true));
}

if (section) {
  // After every module has registered how to show a view and scroll. The page's module scripts (several, each
  // importing this one) all run while the document is already "interactive" and before DOMContentLoaded, which
  // is therefore the moment; `load` covers a module run later, once the document is complete.
  let shown = false;
  const onLoad = () => {
    if (shown) return;
    shown = true;
    showAddressed(true);
  };
  if (document.readyState === 'complete') onLoad();
  else {
    document.addEventListener('DOMContentLoaded', onLoad, { once: true });
    window.addEventListener('load', onLoad, { once: true });
  }
  window.addEventListener('hashchange', () => showAddressed(false));
}
