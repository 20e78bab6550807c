import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { buildFixtureSite, fixtureStories } from '../helpers/build-fixture-site.ts';
import type { BuiltCopy } from '../helpers/build-fixture-site.ts';
import { assertGrid } from '../helpers/check-grid.ts';
import { assertStoryColumns } from '../helpers/check-story-columns.ts';
import { claimContextPath, comparisonSchema, readComparison, readComparisonJson } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, collapse, idsOf, parseHtmlFile, readPage, resolveDistFile, textOf } from '../helpers/read-dist.ts';

/**
 * Stories under tests/fixtures/stories/ are built into a copy of the project, next to the real content: they
 * exercise what content/ may not have yet (three reports or more, conflicts on purpose).
 */
let site: BuiltCopy;
before(async () => {
  site = await buildFixtureSite();
}, { timeout: 300_000 });

/**
 * Fixture stories written to overlap and disagree: they must show every wording label and kind of conflict, and
 * a claim every report carries. (The others test other things, such as a report in another language.)
 */
const disagreeing = new Set(['panjshir-three-outlets']);

for (const slug of readdirSync(fixtureStories).sort()) {
  const reportFiles = readdirSync(join(fixtureStories, slug)).filter((name) => name.endsWith('.md'));

  describe(`the fixture story ${slug}, built`, () => {
    test('publishes its comparison with every report, matches with conflicts, and claim groups', () => {
      const result = comparisonSchema.safeParse(readComparisonJson(slug, site.dist));
      assert.ok(result.success, result.success ? '' : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      const comparison = readComparison(slug, site.dist);
      assert.deepEqual(comparison.reports.map((r) => `${r.slug}.md`).sort(), [...reportFiles].sort());
      const texts = new Map(comparison.reports.flatMap((r) => r.claims.map((c) => [c.id, c.text] as const)));
      const conflicts = comparison.matches.flatMap((match) => match.conflicts.map((conflict) => ({ match, conflict })));
      if (disagreeing.has(slug)) {
        assert.deepEqual(new Set(conflicts.map(({ conflict }) => conflict.kind)), new Set(['number', 'date', 'name', 'attribution']));
        const kinds = new Set(comparison.matches.map((match) => match.kind));
        for (const kind of ['verbatim', 'edited', 'paraphrase'] as const) assert.ok(kinds.has(kind), `no ${kind} match in ${slug}`);
      }
      for (const { match, conflict } of conflicts) {
        assert.ok(texts.get(match.claims[0])?.includes(conflict.a), `"${conflict.a}" is not in ${match.claims[0]}`);
        assert.ok(texts.get(match.claims[1])?.includes(conflict.b), `"${conflict.b}" is not in ${match.claims[1]}`);
      }
      const grouped = comparison.groups.flatMap((group) => group.claims);
      assert.deepEqual([...grouped].sort(), [...texts.keys()].sort(), 'every claim in exactly one group');
      if (disagreeing.has(slug)) {
        assert.ok(
          comparison.groups.some((group) => group.articles.length === comparison.reports.length),
          'no claim group is carried by every report',
        );
      }
      const kinds = new Set(comparison.groups.flatMap((group) => group.cells.map((cell) => cell.kind)));
      assert.ok(kinds.has(null), 'no claim of one report only in the groups');
    });

    test('shows the claim x outlet grid with every group, outlet and conflict', () => {
      assertGrid(readPage(`/stories/${slug}/`, site.dist), readComparison(slug, site.dist));
    });

    test('shows every report on the story page, the first two side by side, marks and conflicts measured against all the others', () => {
      assertStoryColumns(readPage(`/stories/${slug}/`, site.dist), readComparison(slug, site.dist));
    });

    test('chooses the pair inside the story page: a link to every report, two labelled selects, no page per pair', (t) => {
      const comparison = readComparison(slug, site.dist);
      assert.equal(resolveDistFile(`/stories/${slug}/compare/`, site.dist), undefined, 'a pair page was built');
      if (comparison.reports.length < 3) return void t.diagnostic('two reports: one pair, no chooser (checked below)');
      const chooser = select('nav.cr-chooser', readPage(`/stories/${slug}/`, site.dist));
      assert.ok(chooser, 'no pair chooser');
      assert.deepEqual(selectAll('.cr-chooser-pairs a', chooser).map((link) => textOf(link)), comparison.reports.map((report) => report.outlet));
      assert.equal(selectAll('form.cr-chooser-form label select', chooser).length, 2, 'two labelled selects for JavaScript to show');
      for (const select_ of selectAll('form.cr-chooser-form select', chooser)) {
        assert.deepEqual(selectAll('option', select_).map((option) => attribute(option, 'value')), comparison.reports.map((report) => report.slug));
      }
    });

    test('gives every claim of every report an anchor where its permalink leads, and a detail there naming its counterparts and conflicts', () => {
      const comparison = readComparison(slug, site.dist);
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const [path = '', id = ''] = claimContextPath(comparison, claim.id).split('#');
          assert.equal(claim.context, `${path}#${id}`, `${claim.id}: comparison.json context`);
          assert.equal(new URL(claim.permalink).pathname + new URL(claim.permalink).hash, `${path}#${id}`, `${claim.id}: comparison.json permalink`);
          const file = resolveDistFile(path, site.dist);
          assert.ok(file && idsOf(parseHtmlFile(file)).has(claim.id), `${claim.id}: no anchor at ${path}`);
          const claimPage = select(`details.cr-claim-detail[data-detail-of="${claim.id}"]`, readPage(path, site.dist));
          assert.ok(claimPage, `${claim.id}: no detail at ${path}`);
          assert.equal(attribute(select('a.cr-permalink', claimPage), 'href'), `${path}#${id}`);
          const matches = comparison.matches.filter((match) => match.claims.includes(claim.id));
          for (const match of matches) {
            const item = select(`li.cr-counterpart[data-report]:has(a[href$="#${match.claims.find((c) => c !== claim.id)}"])`, claimPage);
            assert.ok(item, `${claim.id}: counterpart of ${match.claims.join(' / ')} missing in the detail`);
            assert.ok(textOf(item).includes(match.kind), `${claim.id}: the counterpart does not say "${match.kind}"`);
            for (const conflict of match.conflicts) {
              const own = match.claims[0] === claim.id ? conflict.a : conflict.b;
              assert.ok(
                selectAll(`.cr-conflict-note[data-conflict="${conflict.kind}"]`, item).some((note) => textOf(note).includes(collapse(own))),
                `${claim.id}: the detail does not name the ${conflict.kind} conflict "${own}"`,
              );
            }
          }
        }
      }
    });
  });
}

describe('a story of two reports beside the fixture stories', () => {
  test('has no pair chooser and no pair pages', () => {
    const fixtures = readdirSync(fixtureStories).map((slug) => ({ slug, reports: readdirSync(join(fixtureStories, slug)).filter((name) => name.endsWith('.md')) }));
    const twoReports = [...readContent(), ...fixtures].filter((story) => story.reports.length === 2);
    assert.ok(twoReports.length > 0);
    for (const story of twoReports) {
      assert.equal(select('.cr-chooser', readPage(`/stories/${story.slug}/`, site.dist)), undefined, story.slug);
      assert.ok(!existsSync(join(site.dist, 'stories', story.slug, 'compare')), `${story.slug} has pair pages`);
    }
  });
});
