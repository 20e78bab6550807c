/**
 * Sharing a claim from its detail (ClaimDetail.astro); the source link, the link to the claim and the citation
 * work without it (the source link then opens the report, not its sentence: see source-link.ts).
 * - "Copy link" copies the claim's absolute permalink (its place on the page showing its report); "Copy
 *   citation" copies the quoted claim, the citation shown and the absolute permalink. Both are added (when a detail first opens) where
 *   the clipboard is available, and say what they did through `#cr-status`.
 * - "Share…" hands title, text (the quoted claim and its outlet, so a post carries the quotation) and the
 *   permalink to the Web Share API; it is added only where `navigator.share` exists and accepts that data. A
 *   share the reader cancels says nothing.
 * Buttons carry `data-share-action`; the permalink (the detail's "Link to this claim") is resolved against the
 * page's own address, so it names the host the reader is on.
 */
import { quoted } from '../data/format.ts';
import { announce } from './announce.ts';
import { linkToSentence } from './source-link.ts';

/** What a claim's detail passes on, read from the page: its permalink, the claim's text and its report's outlet. */
function shareData(button: HTMLButtonElement): ShareData {
  const detail = button.closest<HTMLElement>('details[data-detail-of]');
  const claim = document.getElementById(detail?.dataset.detailOf ?? '');
  const text = claim?.querySelector('.cr-claim-text')?.textContent ?? '';
  const outlet = claim?.closest('.cr-report')?.querySelector('.cr-report-outlet')?.textContent?.trim() ?? '';
  const story = document.querySelector('main h1')?.textContent?.trim() ?? document.title;
  return {
    title: `${outlet}: ${story}`,
    text: `${quoted(text)} (${outlet})`,
    url: new URL(detail?.querySelector<HTMLAnchorElement>('a.cr-permalink')?.getAttribute('href') ?? '', window.location.href).href,
  };
}

function canShare(button: HTMLButtonElement): boolean {
  if (typeof navigator.share !== 'function') return false;
  try {
    return typeof navigator.canShare !== 'function' || navigator.canShare(shareData(button));
  } catch {
    return false;
  }
}

function makeButton(action: string, label: string): HTMLButtonElement {
  const made = document.createElement('button');
  made.type = 'button';
  made.className = 'cr-share-button';
  made.dataset.shareAction = action;
  made.textContent = label;
  return made;
}

/** The buttons a detail's tools gain, once, where the browser can carry them out. */
function addButtons(detail: HTMLElement): void {
  if (detail.querySelector('button[data-share-action]')) return;
  const links = detail.querySelector('.cr-share-buttons');
  const cite = detail.querySelector('.cr-cite');
  if (!links || !cite) return;
  if (navigator.clipboard) links.append(makeButton('copy-link', 'Copy link'));
  const share = makeButton('share', 'Share…');
  links.append(share);
  if (!canShare(share)) share.remove();
  if (navigator.clipboard) cite.append(' ', makeButton('copy-citation', 'Copy citation'));
}

/** The citation as copied: the quoted claim, the citation shown, and the claim's absolute permalink. */
function citation(detail: HTMLElement | null): string {
  const claim = document.getElementById(detail?.dataset.detailOf ?? '');
  const text = claim?.querySelector('.cr-claim-text')?.textContent ?? '';
  const link = new URL(detail?.querySelector('a.cr-permalink')?.getAttribute('href') ?? '', window.location.href).href;
  return [quoted(text), detail?.querySelector('.cr-cite-text')?.textContent ?? '', `On Crossread: ${link}`].join('\n');
}

async function copy(button: HTMLButtonElement, text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.setAttribute('data-copied', 'true');
    window.setTimeout(() => button.removeAttribute('data-copied'), 2000);
    announce(done);
  } catch {
    announce('Could not copy. Select the text and copy it instead.');
  }
}

/** A detail opening: its buttons, and its source link pointed at the sentence. */
function opened(detail: HTMLElement): void {
  linkToSentence(detail);
  addButtons(detail);
}

// `toggle` does not bubble: listened for while capturing. A detail open already (the address's claim) is
// completed now.
document.addEventListener(
  'toggle',
  (event) => {
    if (event.target instanceof HTMLDetailsElement && event.target.open && event.target.matches('[data-detail-of]')) opened(event.target);
  },
  { capture: true },
);
for (const detail of document.querySelectorAll<HTMLDetailsElement>('details[data-detail-of][open]')) opened(detail);

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-share-action]') : null;
  if (!button) return;
  switch (button.dataset.shareAction) {
    case 'copy-link':
      await copy(button, shareData(button).url ?? '', 'Link to this claim copied');
      break;
    case 'copy-citation': {
      await copy(button, citation(button.closest<HTMLElement>('details[data-detail-of]')), 'Citation copied');
      break;
    }
    case 'share':
      try {
        await navigator.share(shareData(button));
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) announce('Could not open the share menu.');
      }
      break;
  }
});
