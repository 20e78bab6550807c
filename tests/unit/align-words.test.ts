import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignWords, bestRuns, credit, type WordAlignment } from '../../src/pipeline/align-words.ts';
import { prepareClaim, type Term } from '../../src/pipeline/prepare-claim.ts';

/** A made-up content word for each number: no stopword, no vector, its own stem. */
const word = (n: number): string => (n < 26 ? '' : word(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26)) + 'qx';
/** A claim of `clauses` clauses of `size` different words each, numbered from `from`. */
const claim = (clauses: number, size: number, from = 0) =>
  Array.from({ length: clauses }, (_, c) => Array.from({ length: size }, (_, k) => word(from + c * size + k)).join(' ')).join(', ');

/** The alignment with random similarities, as vectors would give them, stored as the alignment stores them. */
function randomAlignment(a: string, b: string, seed: number): WordAlignment {
  const alignment = alignWords(prepareClaim(a), prepareClaim(b));
  let state = seed;
  const similarity = alignment.similarity.map(() => ((state = (state * 48271) % 2147483647) / 2147483647) ** 3);
  return { ...alignment, similarity };
}

/** bestRuns as first written: each stretch of one side against every word of the other. */
function referenceRuns({ a, b, similarity }: WordAlignment) {
  const [na, nb] = [a.terms.length, b.terms.length];
  const [ca, cb] = [a.terms[na - 1]!.clause + 1, b.terms[nb - 1]!.clause + 1];
  const stretches = (count: number) => {
    const out: [number, number][] = [[0, count - 1]];
    for (let first = 0; first < count; first++) {
      for (let last = first; last < Math.min(count, first + 3); last++) if (first !== 0 || last !== count - 1) out.push([first, last]);
    }
    return out;
  };
  const said = (terms: Term[], clauses: number, other: [number, number][], sim: (i: number, j: number) => number, otherTerms: Term[]) =>
    other.map(([first, last]) => {
      const out = new Float64Array(clauses);
      terms.forEach((t, i) => {
        let best = 0;
        otherTerms.forEach((u, j) => {
          if (u.clause >= first && u.clause <= last && sim(i, j) > best) best = sim(i, j);
        });
        out[t.clause]! += t.weight * credit(best);
      });
      return out;
    });
  const [sa, sb] = [stretches(ca), stretches(cb)];
  const saidA = said(a.terms, ca, sb, (i, j) => similarity[i * nb + j]!, b.terms);
  const saidB = said(b.terms, cb, sa, (j, i) => similarity[i * nb + j]!, a.terms);
  const weights = (terms: Term[], clauses: number) => {
    const w = new Float64Array(clauses);
    for (const t of terms) w[t.clause]! += t.weight;
    return w;
  };
  const [wa, wb] = [weights(a.terms, ca), weights(b.terms, cb)];
  const share = (s: Float64Array, w: Float64Array, [first, last]: [number, number]) => {
    let [x, y] = [0, 0];
    for (let c = first; c <= last; c++) [x, y] = [x + s[c]!, y + w[c]!];
    return y === 0 ? 0 : x / y;
  };
  const agreement = (ka: number, kb: number) => {
    const [x, y] = [share(saidA[kb]!, wa, sa[ka]!), share(saidB[ka]!, wb, sb[kb]!)];
    return x + y === 0 ? 0 : (2 * x * y) / (x + y);
  };
  const whole = agreement(0, 0);
  let part = whole;
  for (let kb = 1; kb < sb.length; kb++) part = Math.max(part, agreement(0, kb));
  for (let ka = 1; ka < sa.length; ka++) part = Math.max(part, agreement(ka, 0));
  let clauses = part;
  for (let ka = 1; ka < sa.length; ka++) for (let kb = 1; kb < sb.length; kb++) clauses = Math.max(clauses, agreement(ka, kb));
  return { whole, part, clauses };
}

test('the agreement of clause runs is the same as comparing each stretch with every word of the other claim', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const a = claim(1 + (seed % 7), 1 + (seed % 4));
    const b = claim(1 + ((seed * 3) % 9), 1 + (seed % 3), 5);
    const alignment = randomAlignment(a, b, seed);
    const { whole, part, clauses } = bestRuns(alignment);
    assert.deepEqual({ whole, part, clauses }, referenceRuns(alignment), `seed ${seed}`);
  }
});

test('clause runs read each word pair once per side, however many clauses the claims have', () => {
  const alignment = alignWords(prepareClaim(claim(100, 2)), prepareClaim(claim(100, 2, 50)));
  let reads = 0;
  const similarity = new Proxy(alignment.similarity, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const runs = bestRuns({ ...alignment, similarity });
  assert.equal(alignment.a.terms.length, 200);
  assert.equal(reads, 2 * 200 * 200);
  assert.equal(runs.clauses, 1, 'a clause of one is a clause of the other');
});
