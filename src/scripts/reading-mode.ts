/**
 * The reading-mode switch of a pair of reports, where they cannot stand side by side (below `narrowQuery`,
 * the breakpoint of reading-mode.css). Without this script the switch's links lead to each view.
 * - The switch shows the aligned reading or one report, and keeps the reader's place: the claim at the top of
 *   the view (the first reaching below the sticky switch) is at the top after the switch, where it stood, or,
 *   when the new view does not hold it, its counterpart there (the earliest), or else the nearest claim before
 *   it in the aligned reading that the view holds, just under the switch.
 * - The choice (`aligned` or a report's slug) is remembered for the session and applied on every story page
 *   showing that report.
 * - An address (through claim-address.ts) or a link naming a claim, or a report's title, shows the report that
 *   holds it, so that a permalink always lands on a visible claim.
 * - Where the switch's row scrolls sideways (many reports), the outlet shown, and the one Tab reaches, is scrolled
 *   into the row's view, clear of its faded ends.
 * State is written as `data-reading` ("aligned" or "report") on the section, `data-reading-current` on the
 * report shown, and `aria-current` on the switch's link.
 */
import { theOutlet } from '../data/format.ts';
import { announce } from './announce.ts';
import { onShowView } from './claim-address.ts';
import { counterpartsOf, fragmentId } from './claim-dom.ts';

const narrowQuery = window.matchMedia('(width < 64em)');
const storageKey = 'crossread-reading-mode';
const section = document.querySelector<HTMLElement>('.cr-side-by-side');
const switcher = section?.querySelector<HTMLElement>('.cr-reading-switch');

if (section && switcher) enhance(section, switcher);

function enhance(section: HTMLElement, switcher: HTMLElement): void {
  const reports = [...section.querySelectorAll<HTMLElement>('.cr-columns > .cr-report')];
  const aligned = section.querySelector<HTMLElement>('.cr-aligned');
  const links = [...switcher.querySelectorAll<HTMLAnchorElement>('a[data-reading-mode]')];
  const modes = new Set(links.map((link) => link.dataset.readingMode ?? ''));
  let mode = '';

  const reportOf = (element: Element | null) => element?.closest<HTMLElement>('.cr-columns > .cr-report')?.dataset.report;

  function apply(next: string): void {
    mode = next;
    section.dataset.reading = next === 'aligned' ? 'aligned' : 'report';
    for (const report of reports) report.toggleAttribute('data-reading-current', report.dataset.report === next);
    for (const link of links) {
      if (link.dataset.readingMode === next) {
        link.setAttribute('aria-current', 'true');
        revealInRow(link);
      } else link.removeAttribute('aria-current');
    }
  }

  /** Claims of the view shown, in document order. */
  function shownClaims(): HTMLElement[] {
    if (mode === 'aligned') return aligned ? [...aligned.querySelectorAll<HTMLElement>('.cr-aligned-claim')] : [];
    const report = reports.find((candidate) => candidate.dataset.report === mode);
    return report ? [...report.querySelectorAll<HTMLElement>('.cr-claim')] : [];
  }

  const topLine = () => switcher.getBoundingClientRect().bottom;

  /** The first claim of the view that reaches below the switch: the one the reader is at. */
  function claimAtTop(): HTMLElement | undefined {
    const line = topLine();
    return shownClaims().find((claim) => claim.getBoundingClientRect().bottom > line);
  }

  const idOf = (claim: HTMLElement) => claim.dataset.claim ?? claim.id;

  /** The element showing claim `id`, or what stands for it, in the view `next`. */
  function placeOf(id: string, next: string): HTMLElement | undefined {
    const inAligned = aligned?.querySelector<HTMLElement>(`.cr-aligned-claim[data-claim="${CSS.escape(id)}"]`) ?? undefined;
    if (next === 'aligned') return inAligned;
    const heldBy = (claimId: string) => {
      const element = document.getElementById(claimId);
      if (element?.classList.contains('cr-claim') && reportOf(element) === next) return element;
      const counterparts = element ? counterpartsOf(element) : [];
      // The earliest in the report's reading order, which is document order.
      return counterparts
        .filter((other) => reportOf(other) === next)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    };
    const own = heldBy(id);
    if (own || !inAligned || !aligned) return own;
    // Neither the claim nor a counterpart is in that report: the nearest claim before it that is, else after.
    const sequence = [...aligned.querySelectorAll<HTMLElement>('.cr-aligned-claim')];
    const at = sequence.indexOf(inAligned);
    const around = [...sequence.slice(0, at).reverse(), ...sequence.slice(at + 1)];
    for (const claim of around) {
      const held = heldBy(claim.dataset.claim ?? '');
      if (held) return held;
    }
    return undefined;
  }

  function switchTo(next: string): void {
    if (next === mode) return;
    const anchor = narrowQuery.matches ? claimAtTop() : undefined;
    const offset = anchor?.getBoundingClientRect().top;
    // Measured before the views change: afterwards the switch may have left its sticky place for a while.
    const line = topLine();
    apply(next);
    if (!anchor || offset === undefined) return;
    const place = placeOf(idOf(anchor), next);
    if (!place) return;
    // The same claim stays where it was, unless it was cut by the switch: then it comes whole under it.
    const top = idOf(place) === idOf(anchor) && offset >= line ? offset : line;
    // Instant: the page changed under the reader, who must not see it slide.
    window.scrollTo({ top: window.scrollY + place.getBoundingClientRect().top - top, behavior: 'instant' });
  }

  /** The view that holds the element a fragment names, if it is a report's. */
  function viewOfHash(): string | undefined {
    const id = fragmentId(window.location.hash);
    if (!id) return undefined;
    const target = document.getElementById(id);
    if (aligned?.contains(target)) return 'aligned';
    return reportOf(target);
  }

  function remembered(): string | undefined {
    try {
      const stored = window.sessionStorage.getItem(storageKey);
      return stored !== null && modes.has(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  apply(viewOfHash() ?? remembered() ?? 'aligned');

  // A link reached by Tab is brought clear of the row's faded ends, after the browser's own scroll to it.
  switcher.addEventListener('focusin', (event) => {
    const link = event.target instanceof HTMLElement ? event.target : null;
    if (link && links.includes(link as HTMLAnchorElement)) requestAnimationFrame(() => revealInRow(link));
  });

  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const next = link.dataset.readingMode ?? 'aligned';
      switchTo(next);
      try {
        window.sessionStorage.setItem(storageKey, next);
      } catch {
        // Storage refused (private mode, quota): the choice lasts for this page only.
      }
      announce(`Showing ${next === 'aligned' ? 'both reports, claim by claim' : `${theOutlet(link.textContent?.trim() ?? '')} report`}`);
    });
  }

  // A link to a claim or a report title in a view not shown: show that view first, so the browser can scroll
  // to the target (and story-page.ts highlight it) as it would anyway.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href*="#"]') : null;
      if (!link || switcher.contains(link) || link.origin !== window.location.origin || link.pathname !== window.location.pathname) return;
      const id = fragmentId(link.hash);
      if (!id) return;
      const view = reportOf(document.getElementById(id));
      if (view && view !== mode) apply(view);
    },
    { capture: true },
  );

  // An address naming a claim or a report's title in a view not shown: claim-address.ts asks for that view.
  onShowView((element) => {
    const view = reportOf(element);
    if (view && view !== mode) apply(view);
  });
}

/**
 * Scrolls the switch row, where it scrolls sideways (many reports), so that `link` shows whole, clear of the
 * faded ends; only the row moves, never the page, which may be landing on a claim.
 */
function revealInRow(link: HTMLElement): void {
  const row = link.closest<HTMLElement>('.cr-reading-switch-list');
  if (!row || row.scrollWidth <= row.clientWidth) return;
  // Room kept at each end: the width of the row's fade, 3rem (reading-mode.css).
  const fadeRoom = 3 * parseFloat(getComputedStyle(document.documentElement).fontSize);
  const [item, box] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
  if (item.left < box.left + fadeRoom) row.scrollLeft -= box.left + fadeRoom - item.left;
  else if (item.right > box.right - fadeRoom) row.scrollLeft += item.right - (box.right - fadeRoom);
}
