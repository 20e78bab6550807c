/**
 * Keys joined pair by pair into sets (union-find): `join(a, b)` puts a and b, and everything joined to either, in
 * one set; `setOf(key)` names the set a key is in by one of its keys, the same for every key of the set. A key
 * never joined is a set of its own. Iterative, so chains of any length cost no stack.
 */
export function linkedSets<K>(): { join: (a: K, b: K) => void; setOf: (key: K) => K } {
  const up = new Map<K, K>();
  const setOf = (key: K): K => {
    let top = key;
    for (let next = up.get(top); next !== undefined; next = up.get(top)) top = next;
    // Every key on the way points at the top from now on, so the next look is one step.
    for (let at = key; at !== top; ) {
      const next = up.get(at)!;
      up.set(at, top);
      at = next;
    }
    return top;
  };
  const join = (a: K, b: K) => {
    const [x, y] = [setOf(a), setOf(b)];
    if (x !== y) up.set(y, x);
  };
  return { join, setOf };
}
