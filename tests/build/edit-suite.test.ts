import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { buildEditSuite, edits, type EditSuite } from '../helpers/build-edit-suite.ts';
import { comparisonSchema, readComparison, type Comparison } from '../helpers/read-comparison.ts';
import { attribute, collapse, readPage, resolveDistFile, textOf } from '../helpers/read-dist.ts';

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
  /** The permalink the first build gave out, as a site path and fragment. */
  link: string;
}

function oldClaims(slug: string): OldClaim[] {
  const published = comparisonSchema.parse(JSON.parse(readFileSync(join(suite.before, `${slug}.json`), 'utf8')));
  return published.articles.flatMap((article) => article.claims.map((claim) => ({ id: claim.id, text: claim.text, report: article.slug, link: new URL(claim.permalink).pathname + new URL(claim.permalink).hash })));
}

/** The page an old link opens (it must exist: no 404) and the element its fragment lands on. */
function landing(old: OldClaim) {
  const [path = '', anchor = ''] = old.link.split('#');
  assert.ok(resolveDistFile(path, suite.dist), `${path} is missing: the old link ${old.link} would give a 404`);
  const page = readPage(path, suite.dist);
  return { page, target: select(`[id="${anchor}"]`, page) };
}

function currentText(comparison: Comparison, id: string): string | undefined {
  return comparison.reports.flatMap((report) => report.claims).find((claim) => claim.id === id)?.text;
}

function assertLandsOnClaim(comparison: Comparison, old: OldClaim, text: string) {
  const where = `${comparison.slug}: ${old.link}`;
  assert.equal(currentText(comparison, old.id), text, `${where} is not the current claim it should be`);
  const { page, target } = landing(old);
  assert.ok(target && select('.cr-claim-text', target), `${where}: lands on no claim`);
  assert.equal(textOf(select('.cr-claim-text', target)), collapse(text), `${where}: the claim it lands on`);
  assert.ok(select(`details.cr-claim-detail[data-detail-of="${old.id}"]`, page), `${where}: the claim's detail is not on the page`);
  return page;
}

for (const edit of edits) {
  describe(`after a correction (${edit})`, () => {
    test('every claim link published before the correction still lands: on its claim with its detail, or on a note under Corrections saying it was removed', () => {
      for (const story of suite.stories.filter((candidate) => candidate.edit === edit)) {
        const comparison = readComparison(story.slug, suite.dist);
        const olds = oldClaims(story.slug);
        assert.ok(olds.length > 0);
        for (const old of olds) {
          const isTarget = story.target && old.report === story.report && old.text === story.target.before;
          if (!isTarget) {
            assertLandsOnClaim(comparison, old, old.text);
            continue;
          }
          const after = story.target!.after;
          if (after !== undefined) {
            const page = assertLandsOnClaim(comparison, old, after);
            const earlier = select(`details[data-detail-of="${old.id}"] .cr-earlier`, page);
            assert.ok(earlier && collapse(textOf(earlier)).includes(collapse(old.text)), `${old.id}: the earlier wording is not in its detail`);
            const note = select(`.cr-corrections [id="cr-corrected-${old.id}"]`, page);
            assert.ok(note, `${old.id}: no note under Corrections`);
            assert.ok(textOf(note).includes(collapse(old.text)) && textOf(note).includes(collapse(after)), `${old.id}: the note does not give both wordings`);
            assert.equal(attribute(select(`[id="${old.id}"] a.cr-corrected`, page), 'href'), `#cr-corrected-${old.id}`, `${old.id}: the claim does not say it was corrected`);
            continue;
          }
          assert.equal(currentText(comparison, old.id), undefined, `${old.id} should be gone from the report`);
          const { page, target } = landing(old);
          assert.ok(target && attribute(target, 'dataCorrection') === 'removed', `${old.link}: lands on no note saying the claim was removed`);
          assert.ok(select(`.cr-corrections [id="${old.id}"]`, page), `${old.id}: the note is not under Corrections`);
          assert.match(textOf(target), /removed/i);
          assert.ok(textOf(target).includes(collapse(old.text)), `${old.id}: the text as it was is not shown`);
          const links = selectAll('a[href]', target).map((link) => attribute(link, 'href') ?? '');
          assert.ok(links.some((href) => href.startsWith(`/stories/${story.slug}/`)), `${old.id}: no link to the report as it is now`);
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
