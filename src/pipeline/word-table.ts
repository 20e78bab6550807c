/**
 * A lookup table keyed by words of report text, with no prototype: a plain object literal answers
 * `table['constructor']` or `'__proto__' in table` from Object.prototype, so a report holding such a word would be
 * read as if the table listed it (and crashed the build). Entries are copied; the result is read-only by contract.
 */
export function wordTable<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
