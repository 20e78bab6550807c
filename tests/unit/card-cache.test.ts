import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { cachedCard } from '../../src/cards/card-cache.ts';
import type { CardElement } from '../../src/cards/story-card.ts';

const tree = (text: string): CardElement => ({ type: 'div', props: { style: { display: 'flex' }, children: text } });

test('a card drawn once is not drawn again, and a card with other content is', async () => {
  const text = `card-cache test ${randomUUID()}`;
  let draws = 0;
  const draw = async () => {
    draws++;
    return Buffer.from(`png of ${draws}`);
  };
  const first = await cachedCard(tree(text), draw);
  const again = await cachedCard(tree(text), draw);
  assert.equal(draws, 1);
  assert.deepEqual(again, first);
  await cachedCard(tree(`${text}, edited`), draw);
  assert.equal(draws, 2);
});
