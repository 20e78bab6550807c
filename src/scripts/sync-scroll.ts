/**
 * "Scroll together": while the two reports stand side by side, each column becomes its own scroll area the
 * height of the viewport (`data-scroll-together="on"` on `.cr-columns`, see navigation.css) and scrolling either
 * one scrolls the other so that the claims they share stay level. The level is the reading line, a third of the
 * way down the columns: a matched claim whose top reaches it in one column has its counterpart's top there in
 * the other (map-scroll.ts); between matched claims the other column moves in proportion, and both columns
 * start and end together.
 * - Why separate scroll areas: with one page scroll, the two columns can only move together, so claims drift
 *   apart as soon as one report says more than the other; shifting one column under the page would hide the
 *   ends of the longer report. Separate areas let either column lead and keep both wholly readable.
 * - The switch `[data-scroll-together]` (ScrollToggle.astro, `aria-checked`) turns it on and off; the choice is remembered in
 *   localStorage (absent: on). Off, and wherever the columns do not stand side by side (narrow screens, print),
 *   the page scrolls as one, as without JavaScript.
 * - The place is kept when it turns on or off, and a claim named by the address is brought to the reading line
 *   (claim-address.ts calls revealClaim).
 * Scrolling that follows the other column is never animated: it moves exactly as the reader's own scroll does.
 */
import { onScrollToClaim } from './claim-address.ts';
import { counterpartsOf } from './claim-dom.ts';
import { mapScroll, monotoneAnchors, type Anchor } from './map-scroll.ts';

const storageKey = 'crossread-scroll-together';
const columnsBox = document.querySelector<HTMLElement>('.cr-side-by-side .cr-columns');
const toggle = document.querySelector<HTMLButtonElement>('button[data-scroll-together]');
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

/** The claim elements navigation and sync work on; the aligned reading's copies of claims are not in the columns. */
const columnClaim = '.cr-claim[id]';

/** The two reports side by side (pair-chooser.ts marks them `data-side`), first then second. */
function columns(): HTMLElement[] {
  if (!columnsBox) return [];
  return ['first', 'second'].flatMap((side) => columnsBox.querySelector<HTMLElement>(`:scope > .cr-report[data-side="${side}"]`) ?? []);
}

/** True when the pair's columns are the only ones rendered, next to each other (their tops level, their sides apart). */
function sideBySide(): boolean {
  const [first, second] = columns();
  if (!first || !second) return false;
  const others = [...columnsBox!.querySelectorAll<HTMLElement>(':scope > .cr-report:not([data-side])')];
  if (others.some((other) => other.getClientRects().length > 0)) return false;
  const a = first.getBoundingClientRect();
  const b = second.getBoundingClientRect();
  return a.width > 0 && b.width > 0 && Math.abs(a.top - b.top) < 2 && (a.right <= b.left || b.right <= a.left);
}

function preferred(): boolean {
  try {
    return window.localStorage.getItem(storageKey) !== 'off';
  } catch {
    return true;
  }
}

function remember(on: boolean): void {
  try {
    if (on) window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, 'off');
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}

/** True while the columns scroll together. */
export function scrollingTogether(): boolean {
  return columnsBox?.dataset.scrollTogether === 'on';
}

/** Distance of the reading line below the top of a column's scroll area. */
function readingLine(column: HTMLElement): number {
  return Math.round(column.clientHeight / 3);
}

/** The column's scroll offset that puts the top of `element` (inside it) on the reading line. */
function offsetToLine(column: HTMLElement, element: HTMLElement): number {
  return element.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop - readingLine(column);
}

function maxScroll(column: HTMLElement): number {
  return Math.max(column.scrollHeight - column.clientHeight, 0);
}

/** Anchors from the first column to the second, measured once per layout. */
let anchors: Anchor[] | undefined;

function measureAnchors(first: HTMLElement, second: HTMLElement): Anchor[] {
  const pairs: Anchor[] = [];
  for (const claim of first.querySelectorAll<HTMLElement>(columnClaim)) {
    for (const counterpart of counterpartsOf(claim)) {
      if (!second.contains(counterpart)) continue;
      pairs.push({ from: offsetToLine(first, claim), to: offsetToLine(second, counterpart) });
    }
  }
  return monotoneAnchors(pairs, maxScroll(first), maxScroll(second));
}

/** Scroll offsets set on a column by this script, so that its own scroll event does not lead back. */
const expected = new Map<HTMLElement, number>();

function follow(leader: HTMLElement): void {
  const [first, second] = columns();
  if (!first || !second) return;
  anchors ??= measureAnchors(first, second);
  const forward = leader === first;
  const follower = forward ? second : first;
  const used = forward ? anchors : anchors.map(({ from, to }) => ({ from: to, to: from }));
  const target = Math.round(mapScroll(used, maxScroll(leader), maxScroll(follower), leader.scrollTop));
  if (Math.abs(follower.scrollTop - target) < 1) return;
  expected.set(follower, target);
  follower.scrollTo({ top: target, behavior: 'instant' });
}

function onColumnScroll(event: Event): void {
  if (!scrollingTogether()) return;
  const column = event.currentTarget as HTMLElement;
  const mine = expected.get(column);
  expected.delete(column);
  if (mine !== undefined && Math.abs(column.scrollTop - mine) <= 1.5) return;
  follow(column);
}

/**
 * Brings a claim of the columns into view: with the columns scrolling together, the columns into the viewport
 * and the claim to the reading line of its column (the other follows); otherwise the claim to the middle of the
 * viewport. Smooth unless the reader prefers reduced motion or `instant` is asked.
 */
export function revealClaim(claim: HTMLElement, instant = false): void {
  const behavior: ScrollBehavior = instant || reduceMotion.matches ? 'instant' : 'smooth';
  const column = claim.closest<HTMLElement>('.cr-report');
  if (!scrollingTogether() || !column || !columnsBox?.contains(column)) {
    claim.scrollIntoView({ block: 'center', behavior });
    return;
  }
  const box = columnsBox.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) window.scrollTo({ top: window.scrollY + box.top, behavior });
  column.scrollTo({ top: Math.min(Math.max(offsetToLine(column, claim), 0), maxScroll(column)), behavior });
}

/** The claim of the first column at the reading position: the first whose bottom is below the line. */
function claimAtReadingLine(): HTMLElement | undefined {
  const [first] = columns();
  if (!first) return undefined;
  const line = scrollingTogether()
    ? first.getBoundingClientRect().top + readingLine(first)
    : Math.max(first.getBoundingClientRect().top, 0) + window.innerHeight / 3;
  return [...first.querySelectorAll<HTMLElement>(columnClaim)].find((claim) => claim.getBoundingClientRect().bottom > line);
}

/**
 * Turns scrolling together on or off to match the preference and the layout, keeping the claim `keep` finds in
 * view. `keep` is called only when the mode changes: finding the claim measures every claim of a column.
 */
function update(keep?: () => HTMLElement | undefined): void {
  if (!columnsBox || !toggle) return;
  const possible = sideBySide();
  const on = possible && toggle.getAttribute('aria-checked') === 'true';
  const changing = on !== scrollingTogether();
  // Found before anything moves: the switch below and the control's showing or hiding move every claim.
  const kept = changing ? keep?.() : undefined;
  toggle.closest<HTMLElement>('[data-scroll-together-control]')?.toggleAttribute('hidden', !possible);
  if (!changing) return;
  anchors = undefined;
  if (on) columnsBox.dataset.scrollTogether = 'on';
  else delete columnsBox.dataset.scrollTogether;
  // Switching from page scroll to column scroll (or back) would otherwise leave the reader somewhere else.
  if (kept) revealClaim(kept, true);
  if (on && columns()[0]) follow(columns()[0]);
}

if (columnsBox && toggle) {
  toggle.setAttribute('aria-checked', String(preferred()));
  for (const column of columnsBox.querySelectorAll<HTMLElement>(':scope > .cr-report')) column.addEventListener('scroll', onColumnScroll, { passive: true });
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-checked') !== 'true';
    toggle.setAttribute('aria-checked', String(on));
    remember(on);
    update(claimAtReadingLine);
  });

  update();
  // A claim the address names (claim-address.ts) is brought to the reading line of its column.
  onScrollToClaim(revealClaim);

  // Layout changes (width, fonts, a note inserted into a claim) move the claims: measure again when they settle.
  let queued = false;
  const relayout = () => {
    anchors = undefined;
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(() => {
      queued = false;
      update(claimAtReadingLine);
    });
  };
  window.addEventListener('resize', relayout);
  // Another pair side by side (pair-chooser.ts): the columns are others, their scroll places the defaults.
  columnsBox.closest('.cr-side-by-side')?.addEventListener('cr-pair-change', relayout);
  new ResizeObserver(relayout).observe(columnsBox);
}
