import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { publishedComparison } from '../../src/data/comparison-json.ts';
import { searchRecords } from '../../src/data/search-records.ts';
import { CONFIDENT_MATCH } from '../../src/pipeline/score-claims.ts';
import { readClaimNotes } from '../../src/scripts/search-claim-notes.ts';
import { handMadeStory } from '../helpers/hand-made-story.ts';

const story = handMadeStory(
  [
    { slug: 'alpha', outlet: 'Alpha Times', claims: ['The council approved the budget on Monday, and the mayor resigned.', 'Roadworks start in June.'] },
    { slug: 'beta', outlet: 'The Beta Post', claims: ['The council approved the budget on Monday.', 'Work on the roads begins in June.'] },
    { slug: 'gamma', outlet: 'Gamma Daily', claims: ['Roadworks will begin in June.'] },
  ],
  [
    { claims: ['alpha-0', 'beta-0'], kind: 'part', score: 0.912345, part: { claim: 'alpha-0', words: 'The council approved the budget on Monday' } },
    { claims: ['alpha-1', 'beta-1'], kind: 'paraphrase', score: CONFIDENT_MATCH - 0.0004 },
    { claims: ['alpha-1', 'gamma-0'], kind: 'edited', score: 0.97 },
  ],
);
const published = publishedComparison(story, 'https://crossread.example/');

describe('comparison.json', () => {
  test('a part match publishes its kind and the stretch of the longer claim that the shorter one states', () => {
    const [part] = published.matches;
    assert.equal(part?.kind, 'part');
    assert.deepEqual(part?.part, { claim: 'alpha-0', start: 0, end: 'The council approved the budget on Monday'.length });
  });

  test('a match that is not a part match has no part field', () => {
    assert.ok(published.matches.slice(1).every((match) => !('part' in match)));
  });

  test('a score just under the confident level is published under it, as the site shows it: a possible match', () => {
    assert.equal(published.matches[0]?.score, 0.912);
    assert.ok(published.matches[1]!.score < CONFIDENT_MATCH, `published ${published.matches[1]!.score}`);
  });
});

describe('search records', () => {
  const notesOf = (slug: string) => {
    const record = searchRecords(published).find((candidate) => candidate.content.includes(`id="${slug}-0"`))!;
    const meta = Object.fromEntries(
      [...record.content.matchAll(/<meta data-pagefind-meta="(\w+)\[content\]" content="([^"]*)">/g)].map(([, key, value]) => [key!, value!.replaceAll('&quot;', '"')]),
    );
    return readClaimNotes(meta);
  };

  test('a search result names an outlet tied to the claim by a possible match only as a possible match', () => {
    assert.deepEqual(notesOf('alpha')[1], { others: ['The Beta Post', 'Gamma Daily'], possible: ['The Beta Post'], conflict: false });
  });

  test('an outlet carrying the claim by a confident match, a part match included, is named as before', () => {
    assert.deepEqual(notesOf('alpha')[0], { others: ['The Beta Post'], possible: [], conflict: false });
    assert.deepEqual(notesOf('gamma')[0], { others: ['Alpha Times'], possible: [], conflict: false });
  });

  test('notes written before possible matches existed still read, as certain', () => {
    assert.deepEqual(readClaimNotes({ reports: '["A","B","C"]', claims: '1.2! -' }), [
      { others: ['B', 'C'], possible: [], conflict: true },
      { others: [], possible: [], conflict: false },
    ]);
  });
});
