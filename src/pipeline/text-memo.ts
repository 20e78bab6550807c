/**
 * Remembers what `read` returns for each text and language tag it is asked about, for as long as the
 * returned function is kept. compareStory makes one per story, so a claim read for alignment, diffs, labels,
 * conflicts and counts is read once, and nothing outlives the story (a build may read millions of
 * sentences). `read` must be pure, and callers must treat what it returns as read-only: every caller that
 * asks about the same text gets the same object.
 */
export function textMemo<T>(read: (text: string, lang: string) => T): (text: string, lang: string) => T {
  const byLang = new Map<string, Map<string, T>>();
  return (text, lang) => {
    let known = byLang.get(lang);
    if (!known) byLang.set(lang, (known = new Map()));
    let result = known.get(text);
    if (result !== undefined || known.has(text)) return result as T;
    result = read(text, lang);
    known.set(text, result);
    return result;
  };
}
