/**
 * Marks the words of a search query in page text through the CSS Custom Highlight API, as the highlight
 * `cr-search` (styled by `::highlight(cr-search)`): the DOM is left exactly as it was, so claim text, ids and
 * the text-fragment links built from them stay intact. Where the API is missing nothing is marked.
 *
 * A query word is what whitespace separates, its leading and trailing punctuation dropped, kept when it has at
 * least two letters or digits. It matches, without regard to case, at the start of a word of the text (`heli`
 * matches `Helicopters`), and the whole word is marked. Letters are Unicode letters with their combining marks,
 * so Urdu, Arabic or Cyrillic words match like English ones.
 */

/** Characters of a word: letters, combining marks (Arabic-script vowel signs), digits, and the joiners Urdu uses. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}\\u200C\\u200D]';

/**
 * Same-length folds applied to both the query and the text, so offsets in the folded text are offsets in the
 * page: the typographic apostrophe, and the Arabic yeh and kaf that Arabic keyboards type for Urdu's ی and ک.
 */
const FOLDS: Record<string, string> = { '’': "'", 'ي': 'ی', 'ى': 'ی', 'ك': 'ک' };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

function fold(text: string): string {
  return text.replace(FOLDABLE, (char) => FOLDS[char] ?? char);
}

/** The distinct words of `query` worth marking, in the order given. */
export function queryWords(query: string): string[] {
  const words = fold(query.normalize('NFC'))
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter((word) => (word.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2);
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Start and end offsets (end excluded) of every word of `text` that begins with one of `words`. */
export function wordMatches(text: string, words: readonly string[]): Array<[number, number]> {
  if (words.length === 0) return [];
  const alternatives = [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})${WORD_CHAR}*`, 'giu');
  return [...fold(text).matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

/** Whether this browser can mark text without touching the DOM. */
export const canHighlight = typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * Marks the words of `query` inside `elements` (each searched on its own, its text nodes read as one string so
 * a word split by inline markup still matches) and returns how many words were marked; 0 and nothing marked
 * when the browser lacks the API. Replaces any earlier `cr-search` highlight.
 */
export function highlightQuery(elements: Iterable<Element>, query: string): number {
  if (!canHighlight) return 0;
  const words = queryWords(query);
  const ranges: Range[] = [];
  for (const element of elements) {
    const nodes: Array<{ node: Text; start: number }> = [];
    let text = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: text.length });
      text += node.nodeValue ?? '';
    }
    for (const [start, end] of wordMatches(text, words)) {
      const first = nodes.findLast((entry) => entry.start <= start);
      const last = nodes.findLast((entry) => entry.start < end);
      if (!first || !last) continue;
      const range = new Range();
      range.setStart(first.node, start - first.start);
      range.setEnd(last.node, end - last.start);
      ranges.push(range);
    }
  }
  clearQueryHighlight();
  if (ranges.length > 0) CSS.highlights.set('cr-search', new Highlight(...ranges));
  return ranges.length;
}

export function clearQueryHighlight(): void {
  if (canHighlight) CSS.highlights.delete('cr-search');
}
