import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { anchorClaims, contextLength, type Anchoring } from '../../src/pipeline/anchor-claims.ts';
import { claimIds } from '../../src/pipeline/claim-ids.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { ClaimLedger, ReportInput, ReportLedger, StoryInput } from '../../src/pipeline/types.ts';
import { projectPaths } from '../helpers/project-paths.ts';

const report = { slug: 'valley-times', outlet: 'Valley Times', title: 'Floods close schools' };
const original = readFileSync(join(projectPaths.root, 'tests', 'fixtures', 'anchoring', 'report.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');

/** The ledger a first build writes for `texts`. */
function firstBuild(texts: string[]): Anchoring {
  return anchorClaims(report, texts);
}

/** Ids the corrected report gives each original claim: the id found in `after`, or 'removed'. */
function fate(before: Anchoring, after: Anchoring): Map<string, string> {
  const now = new Map(after.ledger.claims.map((entry) => [entry.id, entry.text]));
  const removed = new Set(after.ledger.removed.map((entry) => entry.id));
  return new Map(
    before.ids.map((id) => {
      assert.ok(now.has(id) || removed.has(id), `${id} vanished from the ledger`);
      return [id, now.get(id) ?? 'removed'];
    }),
  );
}

function withEdit(texts: string[], index: number, text: string): string[] {
  return texts.map((old, i) => (i === index ? text : old));
}

describe('anchorClaims', () => {
  test('a report built for the first time gets the ids claimIds gives, all recorded with their neighbours', () => {
    const first = firstBuild(original);
    assert.deepEqual(first.ids, claimIds(report.slug, original));
    assert.deepEqual(first.methods, original.map(() => 'new'));
    assert.deepEqual(first.ledger.removed, []);
    assert.equal(first.ledger.claims[0]!.before, '');
    assert.equal(first.ledger.claims[1]!.before, original[0]!.slice(-contextLength));
    assert.equal(first.ledger.claims.at(-1)!.after, '');
  });

  test('an unchanged report keeps every id, found by exact text', () => {
    const first = firstBuild(original);
    const again = anchorClaims(report, original, first.ledger);
    assert.deepEqual(again.ids, first.ids);
    assert.deepEqual(again.ledger, first.ledger);
  });

  test('a paragraph inserted above everything leaves every old id on its claim and gives the new claims new ids', () => {
    const first = firstBuild(original);
    const added = ['Update: the dam held overnight, engineers said.', 'Residents were allowed home on Thursday.'];
    const after = anchorClaims(report, [...added, ...original], first.ledger);
    assert.deepEqual(after.ids.slice(2), first.ids);
    assert.equal(new Set(after.ids).size, after.ids.length);
    assert.deepEqual(after.methods.slice(0, 2), ['new', 'new']);
  });

  test('a typo fixed inside a claim keeps its id, and the ledger remembers the wording it replaced', () => {
    const typo = withEdit(original, 2, original[2]!.replace('spillways', 'spilways'));
    const first = firstBuild(typo);
    const after = anchorClaims(report, original, first.ledger);
    assert.equal(after.ids[2], first.ids[2]);
    assert.equal(after.methods[2], 'fuzzy');
    assert.deepEqual(after.earlier[2], [typo[2]]);
    assert.equal(after.ledger.claims[2]!.text, original[2]);
    assert.deepEqual(after.ledger.removed, []);
  });

  test('a word added to a claim keeps its id', () => {
    const first = firstBuild(original);
    const edited = withEdit(original, 7, original[7]!.replace('thousands', 'many thousands'));
    assert.deepEqual(anchorClaims(report, edited, first.ledger).ids, first.ids);
  });

  test('a sentence removed is recorded as removed, text as it was, and the others keep their ids', () => {
    const first = firstBuild(original);
    const after = anchorClaims(report, original.filter((_, i) => i !== 5), first.ledger);
    const fates = fate(first, after);
    assert.equal(fates.get(first.ids[5]!), 'removed');
    assert.equal(after.ledger.removed.find((entry) => entry.id === first.ids[5])?.text, original[5]);
    assert.deepEqual(after.ids, first.ids.filter((_, i) => i !== 5));
  });

  test('swapping the first and last paragraphs moves the claims with their ids', () => {
    const first = firstBuild(original);
    const order = [9, 10, 2, 3, 4, 5, 6, 7, 8, 0, 1];
    const after = anchorClaims(report, order.map((i) => original[i]!), first.ledger);
    assert.deepEqual(after.ids, order.map((i) => first.ids[i]));
    assert.deepEqual(after.ledger.removed, []);
  });

  test('a claim moved from the top to the bottom and corrected on the way keeps its id', () => {
    const first = firstBuild(original);
    const moved = [...original.slice(1), original[0]!.replace('Tuesday', 'Tuesday morning')];
    const after = anchorClaims(report, moved, first.ledger);
    assert.equal(after.ids.at(-1), first.ids[0]);
    assert.equal(after.methods.at(-1), 'fuzzy');
  });

  test('copies of a repeated sentence keep their own ids, told apart by their neighbours', () => {
    const first = firstBuild(original);
    const [firstCopy, secondCopy] = [4, 8].map((i) => first.ids[i]!);
    assert.notEqual(firstCopy, secondCopy);
    const withoutFirstCopy = original.filter((_, i) => i !== 4);
    const after = anchorClaims(report, withoutFirstCopy, first.ledger);
    assert.equal(after.ids[7], secondCopy, 'the second copy keeps its id');
    assert.deepEqual(after.ledger.removed.map((entry) => entry.id), [firstCopy]);
  });

  test('a report of hundreds of claims, every one corrected at once, keeps every id', () => {
    const counts = Array.from({ length: 400 }, (_, i) => `District ${i + 1} reported ${1000 + i * 7} ballots counted by noon on Sunday.`);
    const first = firstBuild(counts);
    // Every figure corrected: 160,000 pairs to compare all against all, far past MAX_COMPARED_PAIRS.
    const corrected = counts.map((text, i) => text.replace(`${1000 + i * 7}`, `${1000 + i * 7 + 3}`));
    const after = anchorClaims(report, corrected, first.ledger);
    assert.deepEqual(after.ids, first.ids);
    assert.ok(after.methods.every((method) => method === 'fuzzy'));
    assert.equal(after.earlier[123]?.[0], counts[123]);
  });

  test('hundreds of copies of one sentence keep their ids when a paragraph is added above them', () => {
    const copies = [...Array(300).fill('Polls close at eight.'), 'Results are expected overnight.'];
    const first = firstBuild(copies);
    const after = anchorClaims(report, ['Voters queued from dawn.', ...copies], first.ledger);
    assert.deepEqual(after.ids.slice(1), first.ids);
    assert.equal(after.methods[0], 'new');
  });

  test('a short claim is not re-anchored to a similar short sentence elsewhere', () => {
    const first = firstBuild(original);
    const edited = original.filter((_, i) => i !== 4 && i !== 8);
    edited.splice(1, 0, 'He said.');
    const after = anchorClaims(report, edited, first.ledger);
    assert.equal(after.methods[1], 'new');
    assert.deepEqual(after.ledger.removed.map((entry) => entry.id).sort(), [first.ids[4], first.ids[8]].sort());
  });

  test('a claim rewritten beyond recognition is removed and the new text gets a new id', () => {
    const first = firstBuild(original);
    const edited = withEdit(original, 10, 'A visit by the governor has been postponed because of the weather.');
    const after = anchorClaims(report, edited, first.ledger);
    assert.equal(after.methods[10], 'new');
    assert.equal(fate(first, after).get(first.ids[10]!), 'removed');
  });

  // The rewording is 0.77 similar to the original: below fuzzyRules.textAlone, above fuzzyRules.reworded.text.
  const reworded = 'The national weather service expects more storms over the weekend.';

  test('a claim reworded in place, with its neighbours unchanged, keeps its id', () => {
    const first = firstBuild(original);
    const edited = withEdit(original, 6, reworded);
    const after = anchorClaims(report, edited, first.ledger);
    assert.equal(after.ids[6], first.ids[6]);
    assert.equal(after.methods[6], 'fuzzy');
  });

  test('the same rewording away from its neighbours is refused', () => {
    const first = firstBuild(original);
    const edited = [reworded, ...original.filter((_, i) => i !== 6).reverse()];
    const after = anchorClaims(report, edited, first.ledger);
    assert.equal(after.methods[0], 'new');
  });

  test('a removed claim whose text comes back gets its old id back', () => {
    const first = firstBuild(original);
    const removed = anchorClaims(report, original.filter((_, i) => i !== 3), first.ledger);
    const restored = anchorClaims(report, original, removed.ledger);
    assert.deepEqual(restored.ids, first.ids);
    assert.deepEqual(restored.ledger.removed, []);
  });

  test('a new claim never takes an id the ledger already holds, even one whose claim was removed', () => {
    const first = firstBuild(original);
    // The claim's text changes, keeping its id; then a new sentence with the old text arrives elsewhere.
    const corrected = anchorClaims(report, withEdit(original, 2, original[2]!.replace('two', 'three')), first.ledger);
    const after = anchorClaims(report, [...corrected.ledger.claims.map((entry) => entry.text), original[2]!], corrected.ledger);
    assert.equal(new Set(after.ids).size, after.ids.length);
    assert.equal(after.ids[2], first.ids[2]);
    assert.notEqual(after.ids.at(-1), first.ids[2]);
  });

  test('a ledger that lists an id twice is an error naming the id', () => {
    const first = firstBuild(original);
    const broken: ReportLedger = { ...first.ledger, removed: [first.ledger.claims[0]!] };
    assert.throws(() => anchorClaims(report, original, broken), new RegExp(first.ids[0]!));
  });
});

describe('compareStory with a ledger', () => {
  const reportInput = (slug: string, outlet: string, lines: string[]): ReportInput => ({
    slug,
    outlet,
    title: `${outlet} report`,
    url: `https://example.com/${slug}`,
    published: new Date('2024-05-01'),
    lang: 'en',
    body: lines.join('\n\n'),
    source: `content/stories/floods/${slug}.md`,
  });
  const story = (reports: ReportInput[], ledger?: ClaimLedger): StoryInput => ({
    slug: 'floods',
    title: 'Floods',
    summary: 'Floods.',
    date: new Date('2024-05-01'),
    reports,
    ...(ledger && { ledger }),
  });
  const valley = reportInput('valley-times', 'Valley Times', original);
  const river = reportInput('river-post', 'River Post', original.slice(0, 4).reverse());
  const gazette = reportInput('gazette', 'Gazette', original.slice(5));

  test('a corrected claim keeps its id in the story and carries its earlier wording', () => {
    const first = compareStory(story([valley, river]));
    const corrected = { ...valley, body: withEdit(original, 1, original[1]!.replace('40', '45')).join('\n\n') };
    const after = compareStory(story([corrected, river], first.ledger));
    const before = first.reports.find((r) => r.slug === 'valley-times')!.claims[1]!;
    const now = after.reports.find((r) => r.slug === 'valley-times')!.claims[1]!;
    assert.equal(now.id, before.id);
    assert.deepEqual(now.earlier, [original[1]]);
  });

  test("a report that leaves the story keeps its ids in the ledger, all as removed", () => {
    const first = compareStory(story([valley, river, gazette]));
    const after = compareStory(story([valley, river], first.ledger));
    const left = after.ledger.reports.gazette!;
    assert.deepEqual(left.claims, []);
    assert.deepEqual(left.removed.map((entry) => entry.id), first.ledger.reports.gazette!.claims.map((entry) => entry.id));
    assert.equal(left.outlet, 'Gazette');
  });
});
