import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordTokens, type WordToken } from '../../src/pipeline/normalize-text.ts';
import { stopwords } from '../../src/pipeline/stopwords.ts';
import {
  alignSlots, CONTEXT_WORDS, furthestReach, MAX_SLOT_WORDS, mentionContext, openingClause, slotsOf,
} from '../../src/pipeline/pair-mentions.ts';

const stop = stopwords('en');

/** Tokens whose normalised words count how often they are read: alignSlots reads one per pair it compares. */
function counted(text: string): { tokens: WordToken[]; reads: () => number } {
  let reads = 0;
  const tokens = wordTokens(text).map((t) => {
    const copy = { ...t };
    Object.defineProperty(copy, 'norm', { get: () => (reads++, t.norm) });
    return copy;
  });
  return { tokens, reads: () => reads };
}

/** The tokens, and the set of indexes a function reads of them. */
function watched(tokens: WordToken[]): { tokens: WordToken[]; read: Set<number> } {
  const read = new Set<number>();
  const proxy = new Proxy(tokens, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
      return Reflect.get(target, key, receiver);
    },
  });
  return { tokens: proxy, read };
}

/** The slots of the plain longest-common-subsequence table over every word, as alignSlots gives them unbounded. */
function referenceSlots(a: WordToken[], b: WordToken[]): [number[], number[]] {
  const length = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      length[i][j] = a[i].norm === b[j].norm ? length[i + 1][j + 1] + 1 : Math.max(length[i + 1][j], length[i][j + 1]);
    }
  }
  const [slotsA, slotsB]: number[][] = [[], []];
  let [i, j, k] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].norm === b[j].norm && length[i][j] === length[i + 1][j + 1] + 1) {
      slotsA[i++] = 2 * k + 1;
      slotsB[j++] = 2 * k + 1;
      k++;
    } else if (j >= b.length || (i < a.length && length[i + 1][j] >= length[i][j + 1])) slotsA[i++] = 2 * k;
    else slotsB[j++] = 2 * k;
  }
  return [slotsA, slotsB];
}

test('slots of claims shorter than the bound are those of the full common-subsequence table', () => {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const words = ['the', 'army', 'said', 'on', 'Friday', '12', 'people', 'died', 'and', 'killed'];
  const sentence = () => Array.from({ length: Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(' ');
  const key = (tokens: ReturnType<typeof wordTokens>) => tokens.map((t) => t.norm).join(' ');
  for (let round = 0; round < 300; round++) {
    const [a, b] = [wordTokens(sentence()), wordTokens(sentence())];
    // The claims are read in one order (ties of the subsequence fall to its first side), so swapping them swaps the slots.
    const [first, second] = key(a) <= key(b) ? [a, b] : [b, a];
    assert.deepEqual(alignSlots(first, second), referenceSlots(first, second));
    const [slotsA, slotsB] = alignSlots(a, b);
    assert.deepEqual(alignSlots(b, a), [slotsB, slotsA]);
  }
  const [a, b] = [wordTokens('The army said 12 people died on Friday'), wordTokens('The army said at least 15 people died')];
  assert.deepEqual(alignSlots(a, b), referenceSlots(a, b));
});

test('two copies of a claim of 20,000 words share every word, each word read a few times', () => {
  const text = 'On Monday, 5 September 2021, and Tuesday, 6 September 2021, '.repeat(2000);
  const [a, b] = [counted(text), counted(text)];
  const [slotsA, slotsB] = alignSlots(a.tokens, b.tokens);
  assert.equal(a.tokens.length, 20_000);
  assert.deepEqual(slotsA, a.tokens.map((_, i) => 2 * i + 1));
  assert.deepEqual(slotsB, slotsA);
  assert.ok(a.reads() + b.reads() <= 4 * 20_000, `${a.reads() + b.reads()} reads`);
});

test(`claims of 20,000 words that differ from the first compare at most ${MAX_SLOT_WORDS} words of each, word by word`, () => {
  const unit = 'the army said that 12 people died in the valley, ';
  const a = counted(unit.repeat(2000));
  const b = counted(`Officials told reporters ${unit.repeat(2000)}`);
  const [slotsA, slotsB] = alignSlots(a.tokens, b.tokens);
  const reads = a.reads() + b.reads();
  assert.ok(reads <= 2 * (MAX_SLOT_WORDS + 1) ** 2 + 4 * (a.tokens.length + b.tokens.length), `${reads} reads`);
  assert.equal(slotsA.length, a.tokens.length);
  assert.equal(slotsB.length, b.tokens.length);
  // Within the bound the words line up; past it, each side's words stand in a gap the other side has no word in.
  assert.equal(slotsA[0] % 2, 1);
  const restA = new Set(slotsA.slice(MAX_SLOT_WORDS));
  const restB = new Set(slotsB.slice(MAX_SLOT_WORDS + 3));
  assert.equal(restA.size, 1);
  assert.equal(restB.size, 1);
  assert.ok(!slotsB.some((s) => restA.has(s)) && !slotsA.some((s) => restB.has(s)));
});

test(`the words around a mention amid 20,000 function words are looked for among ${CONTEXT_WORDS} on each side`, () => {
  const text = `${'of the '.repeat(10_000)}12 people${' of the'.repeat(10_000)}`;
  const { tokens, read } = watched(wordTokens(text));
  const start = text.indexOf('12');
  const context = mentionContext(text, tokens, stop, start, start + 2);
  assert.deepEqual(context.after, ['peopl']);
  assert.deepEqual(context.earlier, []);
  // The binary search that finds the mention reads about log2(40,002) tokens per side.
  assert.ok(read.size <= 2 * CONTEXT_WORDS + 2 * 17, `${read.size} tokens read`);
});

test('the clause a date opens is found without reading the words before it, given where the content begins', () => {
  const text = `${'of the '.repeat(10_000)}in May, the army said it had left.`;
  const { tokens, read } = watched(wordTokens(text));
  const start = text.indexOf('May');
  const lead = tokens.findIndex((t) => !stop.has(t.norm));
  read.clear();
  assert.deepEqual(openingClause(text, tokens, stop, start, start + 3, lead), ['armi', 'left']);
  assert.ok(read.size <= 2 * 17 + 10, `${read.size} tokens read`);
});

test('the slots of a mention are read from its own words, found by binary search', () => {
  const text = 'the army said that 12 people died, '.repeat(5000);
  const tokens = wordTokens(text);
  const slots = tokens.map((_, i) => i);
  const { tokens: seen, read } = watched(tokens);
  const start = text.lastIndexOf('12 people');
  const found = slotsOf(seen, slots, start, start + '12 people'.length);
  assert.deepEqual(found.map((s) => tokens[s].text), ['12', 'people']);
  assert.ok(read.size <= 17 + 3, `${read.size} tokens read`);
});

test('the furthest reach of spans that start at or before an offset is that of a look at every span', () => {
  let seed = 3;
  const random = (n: number) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * n);
  for (let round = 0; round < 200; round++) {
    const spans = Array.from({ length: random(12) }, () => {
      const start = random(60);
      return { start, end: start + 1 + random(20) };
    });
    const reach = furthestReach(spans);
    for (let at = -1; at < 90; at++) {
      const expected = Math.max(-Infinity, ...spans.filter((s) => s.start <= at).map((s) => s.end));
      assert.equal(reach(at), expected, JSON.stringify({ spans, at }));
    }
  }
});
