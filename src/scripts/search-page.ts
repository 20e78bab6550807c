import { filterGroups } from './search-claims.ts';
import type { FilterChoice } from './search-claims.ts';
import { connectSearchPanel } from './search-panel.ts';

/**
 * The search page (/search/): the same panel as the search dialog, for readers without the dialog and for
 * links. The query and the ticked filters live in the URL (`?q=…&outlet=…&story=…&status=…`), so a search
 * can be linked to and survives a reload.
 */

const panel = document.querySelector<HTMLElement>('[data-search-panel="page"]');

function choiceInUrl(url: URL): FilterChoice {
  return Object.fromEntries(filterGroups.map((group) => [group, url.searchParams.getAll(group)]));
}

function rememberInUrl(query: string, choice: FilterChoice): void {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  for (const group of filterGroups) {
    url.searchParams.delete(group);
    for (const value of choice[group] ?? []) url.searchParams.append(group, value);
  }
  window.history.replaceState(null, '', url);
}

if (panel) {
  const url = new URL(window.location.href);
  const input = panel.querySelector<HTMLInputElement>('[data-search-part="input"]');
  if (input) input.value = url.searchParams.get('q') ?? input.value;
  connectSearchPanel(panel, { choice: choiceInUrl(url), onChange: rememberInUrl });
}
