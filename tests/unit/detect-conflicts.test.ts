import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conflictFacts, detectConflicts, MAX_MENTIONS, MAX_NAMED } from '../../src/pipeline/detect-conflicts.ts';
import { compareStory } from '../../src/pipeline/compare-story.ts';
import type { Conflict, ConflictKind, ReportInput } from '../../src/pipeline/types.ts';
import { readContent } from '../helpers/read-content.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';

interface ConflictCase {
  name: string;
  a: string;
  b: string;
  conflicts: Conflict[];
}

const fixtures = new URL('../fixtures/conflicts/', import.meta.url);
const casesFile = new URL('cases.json', fixtures);
const fixture = JSON.parse(readFileSync(casesFile, 'utf8'));
const cases: ConflictCase[] = fixture.cases;

if (process.env.UPDATE) {
  for (const c of cases) c.conflicts = detectConflicts(c.a, c.b);
  writeFileSync(casesFile, `${JSON.stringify(fixture, null, 2)}\n`);
}

for (const c of cases) {
  const what = c.conflicts.length === 0 ? 'no conflict' : c.conflicts.map((k) => `${k.kind} "${k.a}" / "${k.b}"`).join(', ');
  test(`conflicts: ${c.name} gives ${what}`, () => {
    assert.deepEqual(detectConflicts(c.a, c.b), c.conflicts);
  });
}

test('the fixture expects every kind of conflict, and holds pairs that must give none', () => {
  const kinds = new Set(cases.flatMap((c) => c.conflicts.map((k) => k.kind)));
  assert.deepEqual(kinds, new Set<ConflictKind>(['number', 'date', 'name', 'attribution']));
  assert.ok(cases.filter((c) => c.conflicts.length === 0).length >= 10);
});

test('the examples of issue 3 are told apart as the issue says', () => {
  const claim = (source: string, quantity: string) => `${source}, the valley is home to ${quantity} people.`;
  assert.deepEqual(
    detectConflicts(claim('Officials said', 'at least 200,000'), claim('Officials said', 'between 150,000 and 200,000')),
    [{ kind: 'number', a: 'at least 200,000', b: 'between 150,000 and 200,000' }],
  );
  assert.deepEqual(detectConflicts(claim('Officials said', '2 lakh'), claim('Officials said', '200,000')), []);
  assert.deepEqual(detectConflicts('Twenty-seven soldiers died.', '27 soldiers died.'), []);
  assert.deepEqual(
    detectConflicts(
      'Drones were used, news agency PTI reported citing US Central Command.',
      'According to US Central Command, drones were used.',
    ),
    [{ kind: 'attribution', a: 'news agency PTI reported citing US Central Command', b: 'According to US Central Command' }],
  );
});

test('conflicts come in the reading order of the first claim', () => {
  for (const c of cases) {
    const starts = c.conflicts.map((k) => c.a.indexOf(k.a));
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y), c.name);
  }
  assert.ok(cases.some((c) => c.conflicts.length >= 3), 'some case has several conflicts');
});

test('swapping the two claims swaps the sides of each conflict', () => {
  const key = (k: Conflict) => `${k.kind}\u0000${k.a}\u0000${k.b}`;
  for (const c of cases) {
    const swapped = detectConflicts(c.b, c.a).map((k) => key({ ...k, a: k.b, b: k.a }));
    assert.deepEqual(new Set(swapped), new Set(c.conflicts.map(key)), c.name);
  }
});

test('every conflict marks short exact substrings of its claims, once, for any pair of claims', () => {
  // Property over every ordered pair of fixture claims, related or not: whatever is found must be markable.
  const claims = [...new Set(cases.flatMap((c) => [c.a, c.b]))];
  let checked = 0;
  for (const a of claims) {
    for (const b of claims) {
      const conflicts = detectConflicts(a, b);
      const keys = conflicts.map((k) => JSON.stringify(k));
      assert.equal(new Set(keys).size, keys.length, `duplicate conflict for\n  ${a}\n  ${b}`);
      for (const k of conflicts) {
        assert.ok(k.a.length > 0 && a.includes(k.a), `"${k.a}" is not in\n  ${a}`);
        assert.ok(k.b.length > 0 && b.includes(k.b), `"${k.b}" is not in\n  ${b}`);
        assert.ok(k.a.length < a.length && k.b.length < b.length, `a conflict spans a whole claim: ${k.a} / ${k.b}`);
        checked++;
      }
    }
  }
  assert.ok(checked > cases.length, 'the property was checked on many conflicts');
});

test('a language the finders do not read gives no conflicts rather than wrong ones', () => {
  assert.deepEqual(detectConflicts('Le vote a eu lieu jeudi.', 'Le vote a eu lieu vendredi.', 'fr'), []);
  assert.equal(detectConflicts('The vote was held on Thursday.', 'The vote was held on Friday.', 'en-GB').length, 1);
});

/**
 * The stories in content/ with the conflicts a person has read and confirmed as real disagreements. Every
 * conflict the site would show for such a story must be in its list, and every listed one must be shown.
 */
const reviewed: Record<string, Conflict[]> = JSON.parse(readFileSync(new URL('stories.json', fixtures), 'utf8')).stories;

for (const story of readContent().filter((s) => s.slug in reviewed)) {
  test(`story "${story.slug}" shows exactly the conflicts reviewed as real`, () => {
    const reports = story.reports.map((r): ReportInput => {
      const source = readFileSync(join(projectPaths.root, r.path), 'utf8');
      const field = (name: string) => new RegExp(`^${name}:\\s*"?(.*?)"?\\s*$`, 'm').exec(source)?.[1] ?? '';
      return {
        slug: r.slug, outlet: field('outlet'), title: field('title'), url: field('url'),
        published: new Date(field('published')), lang: field('lang') || 'en', body: r.body, source: r.path,
      };
    });
    const comparison = compareStory({ slug: story.slug, title: 't', summary: 's', date: new Date(0), reports }, { vectors: loadWordVectors() });
    const shown = new Map(comparison.matches.flatMap((m) => m.conflicts).map((k) => [JSON.stringify(k), k]));
    assert.deepEqual([...shown.values()], reviewed[story.slug]);
  });
}

test(`a timeline of more than ${MAX_MENTIONS} dates is compared as text: no date is paired, however they differ`, () => {
  const timeline = (weekday: string, units: number) =>
    `On Monday, 5 September 2021, and ${weekday}, 6 September 2021, `.repeat(units).trim();
  // Up to the bound, the dates are paired and the one that differs is found.
  assert.equal(conflictFacts(timeline('Tuesday', MAX_MENTIONS / 2), 'en').dates.length, MAX_MENTIONS);
  assert.deepEqual(detectConflicts(timeline('Tuesday', MAX_MENTIONS / 2), timeline('Friday', MAX_MENTIONS / 2)), [
    { kind: 'date', a: 'Tuesday, 6 September 2021', b: 'Friday, 6 September 2021' },
  ]);
  const long = timeline('Tuesday', 10_000);
  assert.equal(conflictFacts(long, 'en').dates.length, 0);
  assert.deepEqual(detectConflicts(long, timeline('Friday', 5_000)), []);
});

test(`a claim of 20,000 figures pairs none of them, and one of ${MAX_MENTIONS} keeps them all`, () => {
  const figures = (units: number) => '12 people died and 30 were injured, '.repeat(units).trim();
  assert.equal(conflictFacts(figures(MAX_MENTIONS / 2), 'en').quantities.length, MAX_MENTIONS);
  assert.equal(conflictFacts(figures(10_000), 'en').quantities.length, 0);
  assert.deepEqual(detectConflicts(figures(10_000), figures(5_000).replaceAll('30', '31')), []);
});

test(`titled names and attributions are compared only in a claim that holds at most ${MAX_NAMED} of them`, () => {
  const names = (units: number) => 'President Joe Biden met Minister Ali Khan, '.repeat(units).trim();
  const sources = (units: number) => 'according to Reuters, said AP, '.repeat(units).trim();
  assert.equal(conflictFacts(names(MAX_NAMED / 2), 'en').names.length, MAX_NAMED);
  assert.equal(conflictFacts(names(10_000), 'en').names.length, 0);
  assert.equal(conflictFacts(sources(MAX_NAMED / 2), 'en').attributions.length, MAX_NAMED);
  assert.equal(conflictFacts(sources(10_000), 'en').attributions.length, 0);
  assert.deepEqual(detectConflicts(sources(10_000), sources(5_000).replaceAll('AP', 'AFP')), []);
});

test('a conflict is found whichever claim is read first, when a word said twice could line up either way', () => {
  // "rents" is in both claims, twice in the first: the word alignment must not depend on the order.
  const [a, b] = ['Rents 7 rents.', 'Homes rents 12.'];
  assert.deepEqual(detectConflicts(a, b), [{ kind: 'number', a: '7', b: '12' }]);
  assert.deepEqual(detectConflicts(b, a), [{ kind: 'number', a: '12', b: '7' }]);
});

test('a figure the other claim also states is in no conflict, wherever it stands; an open bound states no figure', () => {
  const a = 'Currency swings would have an impact of 640 billion yen on profit this year, the firm said.';
  const b = 'The firm expects a rate of 110 yen to the euro this year, cutting profit by at least 640 billion yen.';
  assert.deepEqual(detectConflicts(a, b), []);
  assert.deepEqual(detectConflicts(b, a), []);
  // Of a part match only the parts are compared, but a figure of the other whole claim is still stated there.
  const part = 'Net profit rose to 2.31 trillion yen';
  const whole = `After ${part} last year, the carmaker expects it to drop to 1.5 trillion yen this year.`;
  const other = 'Net profit will fall to 1.5 trillion yen.';
  assert.deepEqual(detectConflicts(part, other), [{ kind: 'number', a: '2.31 trillion yen', b: '1.5 trillion yen' }]);
  assert.deepEqual(detectConflicts(part, other, 'en', undefined, { a: whole, b: other }), []);
  // "at least 12" agrees with 100 but does not say 100: the counts of people on board still differ.
  assert.deepEqual(detectConflicts('The plane carried 100 people.', 'The plane carried 98 people, killing at least 12 people.'), [
    { kind: 'number', a: '100', b: '98' },
  ]);
});
