/**
 * Says `message` through the page's polite live region (`#cr-status`, present on every page).
 * The region is emptied first so that the same message, said twice in a row, is announced twice.
 */
export function announce(message: string): void {
  const region = document.getElementById('cr-status');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
