import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimContextPath, comparisonSchema, readComparison, readComparisonJson } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { readPage, textOf } from '../helpers/read-dist.ts';
import { select } from 'hast-util-select';

for (const story of readContent()) {
  describe(`comparison.json of ${story.slug}`, () => {
    test('has the published shape: story, articles with their claims, and matches', () => {
      const result = comparisonSchema.safeParse(readComparisonJson(story.slug));
      assert.ok(
        result.success,
        result.success ? '' : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
      );
      assert.equal(result.data.story.slug, story.slug);
    });

    test('lists every report file of the story, each claim once with a unique id and its permalink', () => {
      const comparison = readComparison(story.slug);
      assert.deepEqual(
        comparison.reports.map((report) => report.slug).sort(),
        story.reports.map((report) => report.slug).sort(),
      );
      const ids = comparison.reports.flatMap((report) => report.claims.map((claim) => claim.id));
      assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), [], 'duplicate claim ids');
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const permalink = new URL(claim.permalink);
          assert.equal(permalink.pathname + permalink.hash, claimContextPath(comparison, claim.id), `${claim.id}: permalink`);
          assert.equal(claim.context, claimContextPath(comparison, claim.id));
        }
      }
    });

    test('matches only existing claims of two different articles, each pair once', () => {
      const comparison = readComparison(story.slug);
      const reportOf = new Map(
        comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, report.slug] as const)),
      );
      const order = comparison.reports.map((report) => report.slug);
      const seen = new Set<string>();
      for (const match of comparison.matches) {
        const [first, second] = match.claims;
        const pair = `${first} / ${second}`;
        assert.ok(reportOf.has(first), `match refers to missing claim ${first}`);
        assert.ok(reportOf.has(second), `match refers to missing claim ${second}`);
        assert.notEqual(reportOf.get(first), reportOf.get(second), `match ${pair} is within one article`);
        assert.ok(
          order.indexOf(reportOf.get(first) ?? '') < order.indexOf(reportOf.get(second) ?? ''),
          `match ${pair} is not in the order of the story's articles`,
        );
        assert.ok(['verbatim', 'edited', 'paraphrase', 'part'].includes(match.kind), `match ${pair}: kind ${match.kind}`);
        if (match.part) {
          assert.ok(match.claims.includes(match.part.claim), `match ${pair}: its part names ${match.part.claim}, neither of its claims`);
          const text = comparison.reports.flatMap((report) => report.claims).find((claim) => claim.id === match.part?.claim)?.text ?? '';
          assert.ok(match.part.start < match.part.end && match.part.end <= text.length, `match ${pair}: part ${match.part.start}-${match.part.end} outside its claim`);
        }
        assert.ok(!seen.has(pair), `match ${pair} is listed twice`);
        seen.add(pair);
      }
    });

    test("gives each match's conflicts as the exact wording of its two claims", () => {
      const comparison = readComparison(story.slug);
      const texts = new Map(comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, claim.text] as const)));
      for (const match of comparison.matches) {
        for (const conflict of match.conflicts) {
          assert.ok(texts.get(match.claims[0])?.includes(conflict.a), `${match.claims[0]} does not contain "${conflict.a}"`);
          assert.ok(texts.get(match.claims[1])?.includes(conflict.b), `${match.claims[1]} does not contain "${conflict.b}"`);
        }
      }
    });

    test('puts every claim in exactly one group, with one cell per article that agrees with the matches', () => {
      const comparison = readComparison(story.slug);
      const reportOf = new Map(
        comparison.reports.flatMap((report) => report.claims.map((claim) => [claim.id, report.slug] as const)),
      );
      const grouped = comparison.groups.flatMap((group) => group.claims);
      assert.deepEqual([...grouped].sort(), [...reportOf.keys()].sort(), 'claims and grouped claims differ');
      const groupOf = new Map(comparison.groups.flatMap((group) => group.claims.map((id) => [id, group.id] as const)));
      for (const group of comparison.groups) {
        assert.equal(group.id, `group-${group.claims[0]}`);
        assert.deepEqual(group.cells.map((cell) => cell.article), comparison.reports.map((report) => report.slug), group.id);
        for (const cell of group.cells) {
          assert.ok(cell.claims.every((id) => reportOf.get(id) === cell.article), `${group.id}: a cell holds another article's claim`);
          if (cell.claims.length === 0) assert.equal(cell.kind, null, `${group.id}: an empty cell has a kind`);
          // A carried cell has a kind exactly when another article carries the group too.
          if (cell.claims.length > 0) assert.equal(cell.kind !== null, group.articles.length > 1, `${group.id} / ${cell.article}`);
        }
        assert.deepEqual(group.articles, group.cells.filter((cell) => cell.claims.length > 0).map((cell) => cell.article));
        const inside = comparison.matches.filter((match) => match.claims.every((id) => groupOf.get(id) === group.id));
        const conflicts = group.cells.flatMap((cell) => cell.conflicts);
        assert.equal(conflicts.length, 2 * inside.reduce((n, match) => n + match.conflicts.length, 0), `${group.id}: conflicts`);
      }
    });

    test('orders its articles by publication time, then outlet name', () => {
      const { reports } = readComparison(story.slug);
      const sorted = [...reports].sort(
        (a, b) => Date.parse(a.published) - Date.parse(b.published) || a.outlet.localeCompare(b.outlet),
      );
      assert.deepEqual(reports.map((report) => report.slug), sorted.map((report) => report.slug));
    });
  });
}

for (const story of readContent()) {
  describe(`the story at a glance in comparison.json of ${story.slug}`, () => {
    const published = () => comparisonSchema.parse(readComparisonJson(story.slug));

    test('agrees on exactly the groups more than half the articles carry, each line worded by one of its claims', () => {
      const json = published();
      const half = json.articles.length / 2;
      const carried = json.groups.filter((group) => group.articles.length >= 2 && group.articles.length > half);
      assert.deepEqual(json.agreed.map((line) => line.group).sort(), carried.map((group) => group.id).sort());
      for (const line of json.agreed) {
        const group = json.groups.find((g) => g.id === line.group)!;
        assert.ok(group.claims.includes(line.claim), `${line.group}: its wording is not one of its claims`);
        assert.deepEqual(line.articles, group.articles);
        assert.ok(line.independent <= line.articles.length);
      }
    });

    test('disputes every conflict of a group, each version with an article that gives it', () => {
      const json = published();
      for (const group of json.groups) {
        const kinds = new Set(group.cells.flatMap((cell) => cell.conflicts.map((conflict) => conflict.kind)));
        const points = json.disputed.filter((point) => point.group === group.id);
        assert.deepEqual(points.map((point) => point.kind).sort(), [...kinds].sort(), group.id);
        for (const point of points) for (const version of point.versions) assert.ok(group.claims.includes(version.claim));
      }
    });

    test('counts per article the claims no other article carries, pointing at the first', () => {
      const json = published();
      assert.deepEqual(json.unique.map((line) => line.article), json.articles.map((article) => article.slug));
      for (const line of json.unique) {
        const alone = json.groups.filter((group) => group.articles.length === 1 && group.articles[0] === line.article);
        assert.ok(line.count <= alone.flatMap((group) => group.claims).length);
        assert.equal(line.count === 0, line.first === null);
        if (line.first) assert.ok(alone.some((group) => group.claims.includes(line.first!)));
      }
    });
  });
}

test('each story card on the home page counts what the reports agree on, dispute and say alone, as comparison.json does', () => {
  const home = readPage('/');
  for (const story of readContent()) {
    const json = comparisonSchema.parse(readComparisonJson(story.slug));
    const card = select(`article.cr-story-card:has(a[href="/stories/${story.slug}/"])`, home);
    assert.ok(card, `no card for ${story.slug}`);
    const counts = textOf(select('.cr-story-card-counts', card));
    const unique = json.unique.reduce((sum, line) => sum + line.count, 0);
    assert.match(counts, new RegExp(`^${json.agreed.length} claims? most reports agree on · ${json.disputed.length} disputed points? · ${unique} claims? in one report only$`));
  }
});
