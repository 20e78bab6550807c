import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedSets } from '../../src/pipeline/linked-sets.ts';

test('keys joined directly or through others are one set; the rest stay apart', () => {
  const sets = linkedSets<string>();
  sets.join('95', '93');
  sets.join('100', '98');
  sets.join('93', '94');
  assert.equal(sets.setOf('95'), sets.setOf('94'));
  assert.equal(sets.setOf('100'), sets.setOf('98'));
  assert.notEqual(sets.setOf('95'), sets.setOf('100'));
  assert.equal(sets.setOf('never joined'), 'never joined');
});

test('a chain of a hundred thousand joins is one set, read without running out of stack', () => {
  const sets = linkedSets<number>();
  for (let k = 1; k < 100_000; k++) sets.join(k, k - 1);
  assert.equal(sets.setOf(0), sets.setOf(99_999));
});
