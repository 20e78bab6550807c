/**
 * The items grouped under each key `keysOf` gives them (one item may be under several keys, each once per key it
 * returns), each list in the items' order. Appends in place: grouping n items costs n, where rebuilding a list per
 * item (`[...list, item]`) costs the square of the longest list.
 */
export function listsBy<T, K>(items: Iterable<T>, keysOf: (item: T, index: number) => Iterable<K>): Map<K, T[]> {
  const lists = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    for (const key of keysOf(item, index++)) {
      const list = lists.get(key);
      if (list) list.push(item);
      else lists.set(key, [item]);
    }
  }
  return lists;
}
