import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/match-pairs.ts', import.meta.url));
const run = (input: string) => spawnSync(process.execPath, [script], { input, encoding: 'utf8' });

const SAME = 'The council approved the budget on Tuesday.\tOn Tuesday the council approved the budget.';
const APART = 'The council approved the budget on Tuesday.\tFloods closed the coastal highway overnight.';

test('match-pairs prints one decision and score per input line, in input order', () => {
  const result = run(`${SAME}\n${APART}\r\n${SAME}\n`);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, 3);
  for (const line of lines) assert.match(line, /^[01]\t(0|1)\.\d{4}\t(verbatim|edited|paraphrase|part|none)$/);
  assert.deepEqual(lines.map((line) => line[0]), ['1', '0', '1']);
  assert.equal(lines[0], lines[2]);
});

test('a pair gets the same answer whatever other lines come with it', () => {
  const alone = run(`${APART}\n`).stdout;
  const crowded = run(`${SAME}\n${SAME}\n${APART}\n`).stdout.split('\n')[2];
  assert.equal(`${crowded}\n`, alone);
});

test('a line without a tab is an error naming the line, with exit code 1', () => {
  const result = run(`${SAME}\nno tab on this line\n${SAME}\n`);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /line 2\b/);
  assert.match(result.stderr, /tab/);
});

test('a line with more than one tab is an error too, so a labelled corpus is not read as pairs by mistake', () => {
  const result = run(`1\t${SAME}\n`);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /line 1\b/);
});
