import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCredits } from '../../src/pipeline/find-credit.ts';

test('a credit line names the agency whose copy the report ran', () => {
  assert.deepEqual(findCredits(['The talks failed.', 'With inputs from PTI']), ['PTI']);
  assert.deepEqual(findCredits(['(With inputs from agencies and ANI)']), ['ANI']);
  assert.deepEqual(findCredits(['LARNE (Reuters) - Ferry crews walked out on Monday.']), ['Reuters']);
  assert.deepEqual(findCredits(['Crossings resumed on Tuesday. — AP']), ['AP']);
  assert.deepEqual(findCredits(['Agence France-Presse contributed to this report.']), ['AFP']);
});

test('an agency cited as a source inside the story is not a credit', () => {
  assert.deepEqual(findCredits(['Crews walked out, news agency PTI reported citing the union.']), []);
  assert.deepEqual(findCredits(['The union leader told Reuters the strike would go on.']), []);
  assert.deepEqual(findCredits(['The Associated Press (AP) said the vote was close.']), []);
});

test('after "with inputs from" any name the outlet writes is the credit, each agency once', () => {
  assert.deepEqual(findCredits(['With inputs from Dawn', 'With inputs from PTI, Dawn']), ['Dawn', 'PTI']);
});
