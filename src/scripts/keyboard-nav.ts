/**
 * Keys for reading a pair of reports (listed in KeyboardHelp.astro's dialog):
 * `j`/`k` next/previous matched claim (one with a counterpart in the other report of the pair), `n`/`p`
 * next/previous claim of any kind, `c` (or Enter on a claim that has focus) its counterpart, `?` the help dialog.
 * - Keys are left alone while typing in a field, with Ctrl, Alt or Meta held, and while a dialog is open.
 * - The keys step through the claims of one report in reading order, in the view shown: a column side by side, or
 *   that report's claims in the aligned reading (reading-mode.ts). The report is the one of the claim with focus,
 *   else of the last claim reached by key, else the first; from no claim, the first claim still in view counts.
 * - A claim reached gets focus (tabindex=-1, set then) and a focus ring, is brought into view (sync-scroll.ts)
 *   and announced ("Match 3 of 13, Hindustan Times"). A column claim's id replaces the address's fragment
 *   (history.replaceState: no history entry per step, so Back leaves the page; reloading or copying the address
 *   keeps the place). `c` again goes back to the claim it came from.
 */
import { announce } from './announce.ts';
import { putClaimInAddress, revealView } from './claim-address.ts';
import { counterpartIds } from './claim-dom.ts';
import { isTyping, modalDialog } from './modal-dialog.ts';
import { counterpartTarget, ordinalOf, stepClaim, type Place } from './step-claim.ts';
import { revealClaim } from './sync-scroll.ts';

const section = document.querySelector<HTMLElement>('.cr-side-by-side');
const helpDialog = document.querySelector<HTMLDialogElement>('#cr-keys-dialog');

/** A claim of the columns (its id is the claim's) or of the aligned reading (`data-claim`). */
const unitSelector = ':is(.cr-claim[id], .cr-aligned-claim[data-claim])';

const claimId = (unit: HTMLElement) => unit.dataset.claim ?? unit.id;
const reportOf = (unit: HTMLElement) => unit.dataset.report ?? '';
const rendered = (element: Element) => element.getClientRects().length > 0;
/** Column or aligned reading: counterparts side by side are in another container, in the aligned reading in the same. */
const containerOf = (unit: HTMLElement) => unit.closest('.cr-report, .cr-aligned');


/** Claims on view, in document order. */
function units(): HTMLElement[] {
  return section ? [...section.querySelectorAll<HTMLElement>(unitSelector)].filter(rendered) : [];
}

/** True when the claim has a counterpart in the other report of the pair on this page. */
function isMatched(unit: HTMLElement): boolean {
  return counterpartIds(unit).some((id) => {
    const other = document.getElementById(id);
    return other !== null && section?.contains(other) === true && reportOf(other) !== reportOf(unit);
  });
}

function outletOf(slug: string): string {
  const outlet = section?.querySelector(`.cr-report[data-report="${CSS.escape(slug)}"] .cr-report-outlet`);
  return outlet?.textContent?.trim() || slug;
}

let lastReached: HTMLElement | null = null;
let cameFrom: string | undefined;

function focusedUnit(): HTMLElement | null {
  const active = document.activeElement;
  const unit = active instanceof Element ? active.closest<HTMLElement>(unitSelector) : null;
  return unit && section?.contains(unit) ? unit : null;
}

function inView(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

/** The claim the reader is on: the focused one, else the last reached by key while it is still in view. */
function currentUnit(all: HTMLElement[]): HTMLElement | null {
  const focused = focusedUnit();
  if (focused && all.includes(focused)) return focused;
  if (lastReached && all.includes(lastReached) && inView(lastReached)) return lastReached;
  return null;
}

/** The claims of the report being read, in the container being read, and where the reader is among them. */
function stream(all: HTMLElement[]): { list: HTMLElement[]; place: Place } | undefined {
  const current = currentUnit(all);
  const anchor = current ?? (lastReached && all.includes(lastReached) ? lastReached : all[0]);
  if (!anchor) return undefined;
  const container = containerOf(anchor);
  const list = all.filter((unit) => reportOf(unit) === reportOf(anchor) && containerOf(unit) === container);
  if (current) return { list, place: { at: list.indexOf(current) } };
  // Nothing current: the first claim reaching below the top of its column's visible part.
  const top = Math.max(0, container instanceof HTMLElement ? container.getBoundingClientRect().top : 0);
  const before = list.findIndex((unit) => unit.getBoundingClientRect().bottom > top + 1);
  return { list, place: { before: before === -1 ? list.length : before } };
}

function reach(unit: HTMLElement, message: string): void {
  lastReached = unit;
  if (!unit.hasAttribute('tabindex')) unit.tabIndex = -1;
  unit.focus({ preventScroll: true });
  revealClaim(unit);
  if (unit.id) putClaimInAddress(unit.id);
  announce(message);
}

function describe(unit: HTMLElement, list: HTMLElement[], matchesOnly: boolean): string {
  const eligible = list.map((other) => !matchesOnly || isMatched(other));
  const { position, total } = ordinalOf(eligible, list.indexOf(unit));
  const outlet = outletOf(reportOf(unit));
  if (matchesOnly) return `Match ${position} of ${total}, ${outlet}`;
  return `Claim ${position} of ${total}, ${outlet}${isMatched(unit) ? ', matched' : ', no match in the other report'}`;
}

function step(direction: 1 | -1, matchesOnly: boolean): void {
  const found = stream(units());
  if (!found) return;
  const { list, place } = found;
  const eligible = list.map((unit) => !matchesOnly || isMatched(unit));
  const index = stepClaim(eligible, place, direction);
  const outlet = outletOf(reportOf(list[0]));
  const what = matchesOnly ? 'match' : 'claim';
  if (index === undefined) {
    announce(eligible.includes(true) ? `No ${direction === 1 ? 'next' : 'previous'} ${what} in ${outlet}` : `No matches in ${outlet}`);
    return;
  }
  cameFrom = undefined;
  reach(list[index], describe(list[index], list, matchesOnly));
}

function goToCounterpart(): void {
  const all = units();
  let from = currentUnit(all);
  if (!from) {
    const found = stream(all);
    const index = found && stepClaim(found.list.map(isMatched), found.place, 1);
    from = found && index !== undefined ? found.list[index] : null;
  }
  if (!from) return;
  const others = counterpartIds(from);
  const container = containerOf(from);
  const shown = all.filter((unit) => reportOf(unit) !== reportOf(from) && others.includes(claimId(unit)));
  // Side by side the counterpart is in the other column; in the aligned reading, beside the claim.
  const near = shown.filter((unit) => (containerOf(unit) === container) === container?.classList.contains('cr-aligned'));
  const candidates = near.length > 0 ? near : shown;
  const targetId = counterpartTarget(candidates.map(claimId), cameFrom);
  const target = candidates.find((unit) => claimId(unit) === targetId);
  const origin = claimId(from);
  if (target) {
    const list = all.filter((unit) => reportOf(unit) === reportOf(target) && containerOf(unit) === containerOf(target));
    cameFrom = origin;
    reach(target, describe(target, list, true));
    return;
  }
  // The counterpart exists but its report is not on view (one report shown on a narrow screen).
  const hidden = others.map((id) => document.getElementById(id)).find((other) => other && section?.contains(other) && reportOf(other) !== reportOf(from));
  if (!hidden) {
    const other = [...new Set(all.map(reportOf))].find((slug) => slug !== reportOf(from));
    announce(other ? `No match for this claim in ${outletOf(other)}` : 'No match for this claim on this page');
    return;
  }
  // Its report's view is shown, then it is reached as above.
  putClaimInAddress(hidden.id);
  revealView(hidden);
  window.requestAnimationFrame(() => {
    if (!rendered(hidden)) return;
    const list = units().filter((unit) => reportOf(unit) === reportOf(hidden) && containerOf(unit) === containerOf(hidden));
    cameFrom = origin;
    reach(hidden, describe(hidden, list, true));
  });
}

if (section && helpDialog) {
  const openHelp = modalDialog(helpDialog, '[data-keys-close]');
  for (const opener of document.querySelectorAll<HTMLButtonElement>('[data-keys-open]')) {
    opener.hidden = false;
    opener.addEventListener('click', openHelp);
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (document.querySelector('dialog[open]') || isTyping(event.target)) return;
    const onClaim = event.target instanceof HTMLElement && event.target.matches(unitSelector);
    const actions: Record<string, () => void> = {
      j: () => step(1, true),
      k: () => step(-1, true),
      n: () => step(1, false),
      p: () => step(-1, false),
      c: goToCounterpart,
      '?': openHelp,
    };
    // Enter belongs to links and buttons: only on a claim itself does it go to the counterpart.
    const action = event.key === 'Enter' ? (onClaim ? goToCounterpart : undefined) : actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });
}
