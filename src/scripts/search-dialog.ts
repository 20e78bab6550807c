/**
 * Opens the site-wide search dialog (SearchDialog.astro) from the header's Search button and the `/` key, and
 * gives focus back to where it was when the dialog closes (Esc, the Close button, a click on the backdrop).
 * Everything else (search-panel.ts, and through it Pagefind) is imported the first time the dialog opens.
 * On the search page, which is the same panel, the button and `/` go to the page's own search box instead.
 */
import { isTyping, modalDialog } from './modal-dialog.ts';

const dialog = document.querySelector<HTMLDialogElement>('#cr-search-dialog');
const searchOpener = document.querySelector<HTMLFormElement>('[data-search-opener]');
let connected: Promise<void> | undefined;
const showDialog = dialog && modalDialog(dialog, '[data-search-close]');

function panelInput(panel: string): HTMLInputElement | null {
  return document.querySelector(`[data-search-panel="${panel}"] [data-search-part="input"]`);
}

function openSearch(): void {
  const pageInput = panelInput('page');
  const input = pageInput ?? panelInput('dialog');
  if (!pageInput && dialog && showDialog && !dialog.open) {
    showDialog();
    const panel = dialog.querySelector<HTMLElement>('[data-search-panel]');
    connected ??= import('./search-panel.ts').then(({ connectSearchPanel }) => {
      if (panel) connectSearchPanel(panel);
    });
  }
  input?.focus();
  input?.select();
}

if (dialog && searchOpener) {
  const button = searchOpener.querySelector('button');
  button?.setAttribute('aria-haspopup', 'dialog');
  button?.setAttribute('aria-keyshortcuts', '/');
  searchOpener.dataset.ready = '';
  searchOpener.addEventListener('submit', (event) => {
    event.preventDefault();
    openSearch();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return;
    if (dialog.open || isTyping(event.target)) return;
    event.preventDefault();
    openSearch();
  });
}
