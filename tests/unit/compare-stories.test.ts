import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { msrpBackground } from '../../scripts/generate-stories.ts';
import { syntheticStory, syntheticStoryInput } from '../../scripts/synthetic-stories.ts';
import { compareStories } from '../../src/build/compare-stories.ts';
import { comparisonDigest } from '../../src/build/comparison-cache.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { StoryInput } from '../../src/pipeline/types.ts';
import { ledgerSchema } from '../../src/schemas/ledger.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';

const background = msrpBackground();

function storyInput(index: number): StoryInput {
  return syntheticStoryInput(syntheticStory(11, index, background));
}

const folders: string[] = [];
function cacheDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'crossread-comparisons-'));
  folders.push(folder);
  return folder;
}
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

test('a story compared once is read back from the cache by the next build, the same in every detail', async () => {
  const dir = cacheDir();
  const inputs = [0, 1, 2].map(storyInput);
  const first = await compareStories(inputs, { cacheDir: dir });
  const second = await compareStories(inputs, { cacheDir: dir });
  assert.deepEqual(first.map((entry) => Boolean(entry.fresh)), [true, true, true]);
  assert.deepEqual(second.map((entry) => Boolean(entry.fresh)), [false, false, false]);
  assert.deepEqual(second.map((entry) => entry.story), first.map((entry) => entry.story));
  assert.deepEqual(second.map((entry) => entry.resultDigest), first.map((entry) => entry.resultDigest));
  assert.deepEqual(first.map((entry) => entry.story), inputs.map((input) => compareStory(input, { vectors: loadWordVectors() })));
});

test('editing one report compares that story again and no other', async () => {
  const dir = cacheDir();
  const inputs = [0, 1, 2].map(storyInput);
  const before = await compareStories(inputs, { cacheDir: dir });
  const edited = structuredClone(inputs);
  edited[1]!.reports[0]!.body += '\n\nOfficials later corrected the figures given earlier in the day.\n';
  const afterEdit = await compareStories(edited, { cacheDir: dir });
  assert.deepEqual(afterEdit.map((entry) => Boolean(entry.fresh)), [false, true, false]);
  assert.notEqual(afterEdit[1]!.resultDigest, before[1]!.resultDigest);
  assert.equal(afterEdit[0]!.resultDigest, before[0]!.resultDigest);
  const claims = afterEdit[1]!.story.reports.find((report) => report.slug === edited[1]!.reports[0]!.slug)!.claims;
  assert.equal(claims.at(-1)?.text, 'Officials later corrected the figures given earlier in the day.');
});

test('a change to anything besides the text, such as a report title, is a new input too', () => {
  const input = storyInput(0);
  const retitled = structuredClone(input);
  retitled.reports[0]!.title += ' (updated)';
  assert.notEqual(comparisonDigest(retitled), comparisonDigest(input));
  assert.equal(comparisonDigest(structuredClone(input)), comparisonDigest(input));
});

test('many stories are compared in worker threads with the same results as in this thread', async () => {
  const inputs = Array.from({ length: 12 }, (_, index) => storyInput(index));
  const compared = await compareStories(inputs, { cacheDir: cacheDir() });
  assert.deepEqual(compared.map((entry) => entry.story), inputs.map((input) => compareStory(input, { vectors: loadWordVectors() })));
});

test('a story that cannot be compared stops the build with an error naming it, from a worker thread too', async () => {
  const inputs = Array.from({ length: 12 }, (_, index) => storyInput(index));
  inputs[5] = { ...inputs[5]!, reports: inputs[5]!.reports.slice(0, 1) };
  await assert.rejects(compareStories(inputs, { cacheDir: cacheDir() }), (error: Error) => {
    assert.match(error.message, new RegExp(`story "${inputs[5]!.slug}": the story has only one report`));
    return true;
  });
});

test('a story compared again with the ledger its comparison wrote comes out the same, so the build may store it under that input too', () => {
  for (const input of [0, 1, 2, 3].map(storyInput)) {
    const first = compareStory(input, { vectors: loadWordVectors() });
    // As the next build reads it: written as JSON, read back through the ledger's schema.
    const written = ledgerSchema.parse(JSON.parse(JSON.stringify({ reports: first.ledger.reports })));
    assert.deepEqual(compareStory({ ...input, ledger: { reports: written.reports } }, { vectors: loadWordVectors() }), first, input.slug);
  }
});
