import { filterGroups, preloadClaims, searchClaims, shown } from './search-claims.ts';
import type { ClaimSearchResult, FilterChoice, FilterGroup } from './search-claims.ts';
import { searchResultItem } from './search-result-item.ts';

/**
 * Runs a search panel (SearchForm.astro) on the search page or in the search dialog: searches as the reader
 * types, draws the results and the filter checkboxes with their counts, and says the outcome in the panel's
 * polite live region. Arrow keys move from the box to the results and between them.
 *
 * The panel's parts carry `data-search-part` (form, input, filters, status, results); each filter group is a
 * fieldset with `data-group`. Checkboxes are updated in place, never redrawn, so the focused one stays focused.
 */

export interface SearchPanelOptions {
  /** Values ticked at the start. */
  choice?: FilterChoice;
  /** Called with what was searched each time the query or the choice changes (the page keeps its URL in step). */
  onChange?: (query: string, choice: FilterChoice) => void;
}

const typingDelay = 200;

/** Readable names of `status` values; other values are shown as they are. */
const statusLabels: Record<string, string> = {
  shared: 'Shared with other reports',
  unique: 'Only in one report',
  conflict: 'Reports disagree on a detail',
};
const statusOrder = Object.keys(statusLabels);

function valueLabel(group: FilterGroup, value: string): string {
  return group === 'status' ? (statusLabels[value] ?? value) : value;
}

function compareValues(group: FilterGroup, a: string, b: string): number {
  if (group !== 'status') return a.localeCompare(b);
  const rank = (value: string) => (statusOrder.includes(value) ? statusOrder.indexOf(value) : statusOrder.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const found = root.querySelector<T>(`[data-search-part="${name}"]`);
  if (!found) throw new Error(`search panel without its ${name}`);
  return found;
}

function summary(result: ClaimSearchResult, query: string, narrowed: boolean): string {
  const filtered = narrowed ? ' with the chosen filters' : '';
  if (result.total === 0) return `No claims found for “${query}”${filtered}.`;
  // When a query matches more report pages than are read (search-claims.ts), the total is a lower bound.
  const count = `${result.partial ? 'More than ' : ''}${result.total} ${result.total === 1 ? 'claim' : 'claims'}`;
  let text = `${count} found for “${query}”${filtered}`;
  text += result.total > shown ? `; showing the first ${shown}.` : '.';
  if (result.partial) text += ' The counts beside the filters cover the best matches only.';
  return text;
}

export function connectSearchPanel(root: HTMLElement, options: SearchPanelOptions = {}): void {
  const form = part<HTMLFormElement>(root, 'form');
  const input = part<HTMLInputElement>(root, 'input');
  const filters = part<HTMLDetailsElement>(root, 'filters');
  const status = part(root, 'status');
  const list = part(root, 'results');
  const chosen = new Map(filterGroups.map((group) => [group, new Set(options.choice?.[group] ?? [])]));
  let latest = 0;
  let timer: number | undefined;

  const choice = (): FilterChoice => Object.fromEntries(filterGroups.map((group) => [group, [...(chosen.get(group) ?? [])]]));
  const narrowed = () => filterGroups.some((group) => (chosen.get(group)?.size ?? 0) > 0);

  function checkbox(group: FilterGroup, value: string): HTMLLabelElement {
    const label = document.createElement('label');
    label.className = 'cr-check';
    label.dataset.value = value;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = group;
    box.value = value;
    box.checked = chosen.get(group)?.has(value) ?? false;
    box.addEventListener('change', () => {
      if (box.checked) chosen.get(group)?.add(value);
      else chosen.get(group)?.delete(value);
      void run();
    });
    const name = document.createElement('span');
    const count = document.createElement('span');
    count.className = 'cr-search-filter-count';
    name.append(valueLabel(group, value), ' ', count);
    label.append(box, name);
    return label;
  }

  /** Shows the values with matches (and the ticked ones) in a stable order, inserting and removing around the rest. */
  function updateGroup(group: FilterGroup, counts: Record<string, number>): void {
    const fieldset = filters.querySelector<HTMLFieldSetElement>(`fieldset[data-group="${group}"]`);
    const holder = fieldset?.querySelector('.cr-search-filter-options');
    if (!fieldset || !holder) return;
    const ticked = chosen.get(group) ?? new Set<string>();
    const values = [...new Set([...Object.keys(counts).filter((value) => (counts[value] ?? 0) > 0), ...ticked])].sort((a, b) =>
      compareValues(group, a, b),
    );
    const existing = new Map<string, HTMLLabelElement>();
    for (const label of [...holder.querySelectorAll<HTMLLabelElement>('label[data-value]')]) {
      const value = label.dataset.value ?? '';
      if (values.includes(value) || label.contains(document.activeElement)) existing.set(value, label);
      else label.remove();
    }
    let cursor = holder.firstElementChild;
    for (const value of values) {
      let label = existing.get(value);
      if (label) {
        cursor = label.nextElementSibling;
      } else {
        label = checkbox(group, value);
        holder.insertBefore(label, cursor);
      }
      const count = label.querySelector('.cr-search-filter-count');
      if (count) count.textContent = `(${counts[value] ?? 0})`;
    }
    fieldset.hidden = holder.children.length === 0;
  }

  function showFilters(result: ClaimSearchResult | undefined): void {
    for (const group of filterGroups) updateGroup(group, result?.counts[group] ?? {});
    filters.hidden = !result || (result.total === 0 && !narrowed());
    const ticked = filterGroups.reduce((sum, group) => sum + (chosen.get(group)?.size ?? 0), 0);
    const note = filters.querySelector('[data-search-part="chosen"]');
    if (note) note.textContent = ticked > 0 ? ` (${ticked} chosen)` : '';
  }

  async function run(): Promise<void> {
    window.clearTimeout(timer);
    const current = ++latest;
    const query = input.value.trim();
    options.onChange?.(query, choice());
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      showFilters(undefined);
      return;
    }
    let result: ClaimSearchResult;
    try {
      result = await searchClaims(query, choice());
    } catch {
      if (current === latest) status.textContent = 'Search is not available: the search index could not be loaded.';
      return;
    }
    if (current !== latest) return;
    list.replaceChildren(...result.hits.map((hit, index) => searchResultItem(hit, query, `${list.id}-${index}`)));
    showFilters(result);
    status.textContent = summary(result, query, narrowed());
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    preloadClaims(input.value).catch(() => undefined);
    timer = window.setTimeout(() => void run(), typingDelay);
  });

  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('.cr-search-result-link')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    let next: HTMLElement | undefined;
    if (event.target === input && event.key === 'ArrowDown') next = links[0];
    else if (at >= 0) next = event.key === 'ArrowDown' ? links[at + 1] : at === 0 ? input : links[at - 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  });

  // Filters sit beside the results on wide screens, open; on a phone they start folded above the results.
  if (window.matchMedia('(min-width: 48rem)').matches) filters.open = true;
  if (input.value.trim() || narrowed()) void run();
  else preloadClaims().catch(() => undefined);
}
