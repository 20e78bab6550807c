/**
 * The colour scheme switch of the site header (SchemeToggle.astro): System, Light or Dark. The choice is kept in
 * localStorage under `schemeKey` and shown on <html> as `data-scheme`, which tokens.css turns into the page's
 * `color-scheme`; no attribute means follow the system. scheme-before-paint.js applies the stored choice before
 * the first paint of every page; this module sets up the switch (none without JavaScript), shows it and keeps it, the page
 * and other open tabs in step.
 */

/** The storage key; scheme-before-paint.js reads the same one. */
export const schemeKey = 'crossread-scheme';

export type SchemeChoice = 'system' | 'light' | 'dark';

function isChoice(value: unknown): value is SchemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The stored choice; 'system' when none is stored or storage is unavailable (private modes may refuse it). */
export function storedScheme(): SchemeChoice {
  try {
    const value = localStorage.getItem(schemeKey);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Puts `choice` on the page and remembers it; the page follows the system again on 'system'. */
export function chooseScheme(choice: SchemeChoice): void {
  showScheme(choice);
  try {
    if (choice === 'system') localStorage.removeItem(schemeKey);
    else localStorage.setItem(schemeKey, choice);
  } catch {
    // Not remembered, but still applied to this page.
  }
}

function showScheme(choice: SchemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.scheme;
  else root.dataset.scheme = choice;
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-scheme-toggle] input[type="radio"]')) {
    input.checked = input.value === choice;
  }
}

for (const toggle of document.querySelectorAll<HTMLElement>('[data-scheme-toggle]')) {
  toggle.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value;
    if (isChoice(value)) chooseScheme(value);
  });
  toggle.dataset.ready = '';
}
showScheme(storedScheme());

// A choice made in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key === schemeKey || event.key === null) showScheme(storedScheme());
});
