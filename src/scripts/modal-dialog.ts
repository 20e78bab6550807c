/** What the site's modal dialogs share (the search dialog, the keyboard help). */

/** True when a key pressed with focus on `target` would type into it. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/**
 * Makes `dialog` close on its Close button (`closeSelector`), on Esc (the browser's) and on a click on its
 * backdrop, giving focus back to what had it when it opened. Returns the function that opens it, which does
 * nothing while it is open.
 */
export function modalDialog(dialog: HTMLDialogElement, closeSelector: string): () => void {
  let returnTo: Element | null = null;
  dialog.querySelector(closeSelector)?.addEventListener('click', () => dialog.close());
  // A click on the dialog element itself (not its content) is a click on the backdrop.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    returnTo = null;
  });
  return () => {
    if (dialog.open) return;
    returnTo = document.activeElement;
    dialog.showModal();
  };
}
