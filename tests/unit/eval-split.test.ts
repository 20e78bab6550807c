import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMsrp } from '../../scripts/read-msrp.ts';
import { binaryMetrics } from '../../scripts/binary-metrics.ts';

function corpusFile(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'msrp-')), 'pairs.tsv');
  writeFileSync(path, ['label\ts1\ts2', ...lines].join('\n'));
  return path;
}

test('the held-out part is chosen by the text of each pair alone, about one pair in five', () => {
  const lines = Array.from({ length: 2000 }, (_, i) => `${i % 2}\tSentence number ${i}.\tAnother sentence ${i * 7}.`);
  const all = readMsrp(corpusFile(lines));
  const reversed = readMsrp(corpusFile([...lines].reverse()));
  const heldOut = (pairs: typeof all) => new Set(pairs.filter((p) => p.heldOut).map((p) => p.s1));
  assert.deepEqual(heldOut(reversed), heldOut(all));
  const share = heldOut(all).size / all.length;
  assert.ok(share > 0.17 && share < 0.23, `held-out share ${share}`);
  assert.deepEqual([...new Set(all.map((p) => p.fold))].sort(), [0, 1, 2, 3, 4]);
});

test('a malformed corpus line is reported with its line number', () => {
  assert.throws(() => readMsrp(corpusFile(['1\tonly one sentence'])), /:2: expected/);
  assert.throws(() => readMsrp('/nonexistent/msrp.tsv'), /--msrp/);
});

test('figures count decisions against labels', () => {
  const m = binaryMetrics([true, true, false, false], [1, 0, 1, 0]);
  assert.deepEqual(m, { pairs: 4, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 });
});
