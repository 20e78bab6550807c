import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { buildEditSuite, edits, type EditSuite } from '../helpers/build-edit-suite.ts';
import { claimContextPath, claimPagePath, comparisonSchema, readComparison, type Comparison } from '../helpers/read-comparison.ts';
import { attribute, collapse, idsOf, readPage, resolveDistFile, textOf } from '../helpers/read-dist.ts';

// Every story of content/ is copied once per edit, published, corrected and published again (see
// build-edit-suite.ts). Each link the first build published must still land as the issue describes.
let suite: EditSuite;
before(async () => {
  suite = await buildEditSuite();
});

interface OldClaim {
  id: string;
  text: string;
  report: string;
}

function oldClaims(slug: string): OldClaim[] {
  const published = comparisonSchema.parse(JSON.parse(readFileSync(join(suite.before, `${slug}.json`), 'utf8')));
  return published.articles.flatMap((article) => article.claims.map((claim) => ({ id: claim.id, text: claim.text, report: article.slug })));
}

function claimPage(slug: string, id: string) {
  const path = claimPagePath(slug, id);
  assert.ok(resolveDistFile(path, suite.dist), `${path} is missing: the old link would give a 404`);
  return readPage(path, suite.dist);
}

function currentText(comparison: Comparison, id: string): string | undefined {
  return comparison.reports.flatMap((report) => report.claims).find((claim) => claim.id === id)?.text;
}

function assertLandsOnClaim(comparison: Comparison, id: string, text: string): void {
  const where = `${comparison.slug}: ${id}`;
  assert.equal(currentText(comparison, id), text, `${where} is not the current claim it should be`);
  const page = claimPage(comparison.slug, id);
  assert.equal(collapse(textOf(select('blockquote.cr-claim-quote', page))), collapse(text), `${where}: claim page quote`);
  const [path = '', anchor = ''] = claimContextPath(comparison, id).split('#');
  const context = resolveDistFile(path, suite.dist);
  assert.ok(context && idsOf(readPage(path, suite.dist)).has(anchor), `${where}: no anchor on ${path}`);
}

for (const edit of edits) {
  describe(`after a correction (${edit})`, () => {
    test('every claim id published before the correction still lands: on its claim, or on a page saying it was removed', () => {
      for (const story of suite.stories.filter((candidate) => candidate.edit === edit)) {
        const comparison = readComparison(story.slug, suite.dist);
        const olds = oldClaims(story.slug);
        assert.ok(olds.length > 0);
        for (const old of olds) {
          const isTarget = story.target && old.report === story.report && old.text === story.target.before;
          if (!isTarget) {
            assertLandsOnClaim(comparison, old.id, old.text);
            continue;
          }
          const after = story.target!.after;
          if (after !== undefined) {
            assertLandsOnClaim(comparison, old.id, after);
            const earlier = select('.cr-earlier', claimPage(story.slug, old.id));
            assert.ok(earlier && collapse(textOf(earlier)).includes(collapse(old.text)), `${old.id}: the earlier wording is not shown`);
            continue;
          }
          assert.equal(currentText(comparison, old.id), undefined, `${old.id} should be gone from the report`);
          const page = claimPage(story.slug, old.id);
          assert.ok(select('[data-claim-state="removed"]', page), `${old.id}: not a removed-claim page`);
          assert.match(textOf(select('h1', page)), /removed/i);
          assert.ok(collapse(textOf(select('blockquote', page))).includes(collapse(old.text)), `${old.id}: the text as it was is not shown`);
          const links = selectAll('main a[href]', page).map((link) => attribute(link, 'href'));
          assert.ok(links.includes(`/stories/${story.slug}/`), `${old.id}: no link to the story`);
          assert.equal(attribute(select('meta[name="robots"]', page), 'content'), 'noindex');
        }
      }
    });

    test('the corrected report has one claim for each of its sentences, and new claims get ids never published before', () => {
      for (const story of suite.stories.filter((candidate) => candidate.edit === edit)) {
        const comparison = readComparison(story.slug, suite.dist);
        const oldIds = new Set(oldClaims(story.slug).map((claim) => claim.id));
        const ids = comparison.reports.flatMap((report) => report.claims.map((claim) => claim.id));
        assert.equal(new Set(ids).size, ids.length, 'claim ids repeat');
        const fresh = ids.filter((id) => !oldIds.has(id));
        assert.equal(fresh.length, edit === 'paragraph-inserted-above' ? 2 : 0, `new ids: ${fresh.join(', ')}`);
        if (edit === 'sentence-removed') assert.equal(ids.length, oldIds.size - 1);
      }
    });

    test("the story's ledger records every id it has published", () => {
      for (const story of suite.stories.filter((candidate) => candidate.edit === edit)) {
        const ledger = readFileSync(join(suite.root, 'content', 'stories', story.slug, 'claim-ledger.json'), 'utf8');
        for (const old of oldClaims(story.slug)) assert.ok(ledger.includes(`"id": "${old.id}"`), `${story.slug}: ${old.id}`);
      }
    });
  });
}
