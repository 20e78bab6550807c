/**
 * Search page: queries the Pagefind index of claim pages with Pagefind's JS API.
 * Pagefind is imported only once a search starts (a query in the URL, focus on the box, or typing).
 * Results link to each claim inside its story (`meta.target`) and name its outlet and story (`meta.outlet`,
 * `meta.title`); query words are wrapped in `<mark>`.
 * Pagefind also matches words of meta values (story title, outlet, target URL); a result counts only when
 * the claim text itself matched (`words` not empty), so a story-title word does not return every claim.
 * Everything shown is built with DOM nodes and `textContent`: indexed text is third-party.
 */

interface PagefindFragment {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  /** Positions of matching words in the indexed claim text; empty when only meta values matched. */
  words: number[];
  data: () => Promise<PagefindFragment>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (query: string, options?: { filters?: Record<string, unknown> }) => Promise<{ results: PagefindResult[] } | null>;
}

const shownResults = 50;
const typingDelay = 250;

const form = document.getElementById('cr-search-form') as HTMLFormElement | null;
const input = document.getElementById('cr-search-input') as HTMLInputElement | null;
const filterSet = document.getElementById('cr-search-filters') as HTMLFieldSetElement | null;
const status = document.getElementById('cr-search-status');
const list = document.getElementById('cr-search-results');

let pagefind: Promise<Pagefind> | undefined;
let outletBoxes: HTMLInputElement[] = [];
let filtersReady: Promise<void> | undefined;
let latest = 0;
let timer: number | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind.js`) as Promise<Pagefind>).then(
    async (api) => {
      // Rank by the claim text alone: meta values are the same for every claim of a story or outlet.
      await api.options({ ranking: { metaWeights: { title: 0, outlet: 0, target: 0 } } });
      return api;
    },
  );
  return pagefind;
}

async function claimMatches(api: Pagefind, query: string, outlets: string[]): Promise<PagefindResult[]> {
  const response = await api.search(query, outlets.length > 0 ? { filters: { outlet: { any: outlets } } } : {});
  return (response?.results ?? []).filter((result) => result.words.length > 0);
}

/** Matches of `query` in each outlet, for the counts beside the outlet checkboxes. */
async function countsByOutlet(api: Pagefind, query: string): Promise<Record<string, number>> {
  const outlets = outletBoxes.map((box) => box.value);
  const counts = await Promise.all(outlets.map(async (outlet) => (await claimMatches(api, query, [outlet])).length));
  return Object.fromEntries(outlets.map((outlet, index) => [outlet, counts[index] ?? 0]));
}

function outletLabel(outlet: string, count: number | undefined): string {
  return count === undefined ? outlet : `${outlet} (${count})`;
}

function renderFilters(counts: Record<string, number>, selected: Set<string>): void {
  if (!filterSet) return;
  const holder = filterSet.querySelector('.cr-search-filter-options') ?? filterSet;
  const outlets = Object.keys(counts).sort((a, b) => a.localeCompare(b));
  const labels = outlets.map((outlet) => {
    const label = document.createElement('label');
    label.className = 'cr-check';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'outlet';
    box.value = outlet;
    box.checked = selected.has(outlet);
    box.addEventListener('change', () => void runSearch());
    const text = document.createElement('span');
    text.textContent = outletLabel(outlet, counts[outlet]);
    label.append(box, text);
    return label;
  });
  outletBoxes = labels.flatMap((label) => label.querySelector('input') ?? []);
  holder.replaceChildren(...labels);
  filterSet.hidden = outlets.length === 0;
}

function updateCounts(counts: Record<string, number> | undefined): void {
  for (const box of outletBoxes) {
    const text = box.nextElementSibling;
    if (text) text.textContent = outletLabel(box.value, counts?.[box.value] ?? 0);
  }
}

/** Draws the outlet checkboxes once, ticking the outlets named in the URL (`?outlet=`). */
function ensureFilters(api: Pagefind): Promise<void> {
  const selected = new Set(new URL(window.location.href).searchParams.getAll('outlet'));
  filtersReady ??= api.filters().then((all) => renderFilters(all.outlet ?? {}, selected));
  return filtersReady;
}

function selectedOutlets(): string[] {
  return outletBoxes.filter((box) => box.checked).map((box) => box.value);
}

/** Appends `text` to `parent`, wrapping the words at `locations` (whitespace-separated word indexes) in `<mark>`. */
function appendHighlighted(parent: HTMLElement, text: string, locations: number[]): void {
  const marked = new Set(locations);
  let plain = '';
  let word = 0;
  for (const part of text.split(/(\s+)/)) {
    if (part === '') continue;
    const isWord = !/^\s+$/.test(part);
    // Punctuation around a matched word stays outside its mark.
    const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(part) ?? [];
    if (!isWord || !marked.has(word) || core === '') {
      plain += part;
    } else {
      if (plain + before) parent.append(plain + before);
      const mark = document.createElement('mark');
      mark.textContent = core;
      parent.append(mark);
      plain = after;
    }
    if (isWord) word += 1;
  }
  if (plain) parent.append(plain);
}

function resultItem(fragment: PagefindFragment): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'cr-search-result';
  const link = document.createElement('a');
  link.className = 'cr-search-result-link';
  link.href = fragment.meta.target ?? fragment.url;
  appendHighlighted(link, fragment.content, fragment.locations);
  const meta = document.createElement('p');
  meta.className = 'cr-search-result-meta';
  const outlet = document.createElement('span');
  outlet.className = 'cr-search-result-outlet';
  outlet.textContent = fragment.meta.outlet ?? '';
  const story = document.createElement('span');
  story.className = 'cr-search-result-story';
  story.textContent = fragment.meta.title ?? '';
  meta.append(outlet, story);
  item.append(link, meta);
  return item;
}

function summary(total: number, query: string, outlets: string[]): string {
  const where = outlets.length > 0 ? ` in ${outlets.join(' or ')}` : '';
  if (total === 0) return `No claims found for “${query}”${where}.`;
  const found = `${total} ${total === 1 ? 'claim' : 'claims'} found for “${query}”${where}`;
  return total > shownResults ? `${found}; showing the first ${shownResults}.` : `${found}.`;
}

function rememberInUrl(query: string, outlets: string[]): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('outlet');
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  for (const outlet of outlets) url.searchParams.append('outlet', outlet);
  window.history.replaceState(null, '', url);
}

async function runSearch(): Promise<void> {
  if (!input || !status || !list) return;
  const run = ++latest;
  const query = input.value.trim();
  let api: Pagefind;
  try {
    api = await loadPagefind();
    await ensureFilters(api);
  } catch {
    status.textContent = 'Search is not available: the search index has not been built.';
    return;
  }
  if (run !== latest) return;
  const outlets = selectedOutlets();
  rememberInUrl(query, outlets);
  if (!query) {
    list.replaceChildren();
    status.textContent = '';
    updateCounts((await api.filters()).outlet);
    return;
  }
  const [matches, counts] = await Promise.all([claimMatches(api, query, outlets), countsByOutlet(api, query)]);
  if (run !== latest) return;
  const fragments = await Promise.all(matches.slice(0, shownResults).map((result) => result.data()));
  if (run !== latest) return;
  list.replaceChildren(...fragments.map(resultItem));
  updateCounts(counts);
  status.textContent = summary(matches.length, query, outlets);
}

if (form && input) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void runSearch();
  });
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runSearch(), typingDelay);
  });
  input.addEventListener(
    'focus',
    () => {
      loadPagefind()
        .then(ensureFilters)
        .catch(() => undefined);
    },
    { once: true },
  );

  const initial = new URL(window.location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void runSearch();
  }
}
