import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { projectPaths } from '../helpers/project-paths.ts';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, collapse, listPages, readPage, textOf } from '../helpers/read-dist.ts';

describe('report text on the page', () => {
  test("no page carries a script other than Astro's bundled module scripts and the site's own colour-scheme script", () => {
    const schemeScript = readFileSync(join(projectPaths.root, 'src', 'scripts', 'scheme-before-paint.js'), 'utf8');
    const foreign: string[] = [];
    for (const page of listPages()) {
      for (const script of selectAll('script', page.tree)) {
        const src = attribute(script, 'src') ?? '';
        const type = attribute(script, 'type');
        if (type === 'module' && src.startsWith('/_astro/') && textOf(script) === '') continue;
        if (!src && !type && toString(script) === schemeScript) continue;
        foreign.push(`${page.urlPath}: <script${type ? ` type="${type}"` : ''}${src ? ` src="${src}"` : ''}> ${textOf(script).slice(0, 80)}`);
      }
    }
    assert.deepEqual(foreign, []);
  });

  for (const story of readContent()) {
    test(`claim text of ${story.slug} is shown as text, never as markup`, () => {
      const comparison = readComparison(story.slug);
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const [home = ''] = claimContextPath(comparison, claim.id).split('#');
          const places = [
            // span.cr-part: the stretch a shorter claim of the other report states (a part match).
            [home, select(`p.cr-claim[id="${claim.id}"] .cr-claim-text`, readPage(home)), ['mark', 'span.cr-part']],
          ] as const;
          for (const [where, container, allowed] of places) {
            assert.ok(container, `${where}: claim ${claim.id} not found`);
            // selectAll includes the container itself; only what is inside it matters here.
            const elements = selectAll('*', container)
              .filter((element) => element !== container)
              .map((element) => (element.tagName === 'span' && (attribute(element, 'className') ?? '').split(' ').includes('cr-part') ? 'span.cr-part' : element.tagName));
            assert.deepEqual(
              elements.filter((tag) => !(allowed as readonly string[]).includes(tag)),
              [],
              `${where}: claim ${claim.id} holds unexpected elements`,
            );
            assert.ok(textOf(container).includes(collapse(claim.text)), `${where}: claim ${claim.id} text altered`);
          }
        }
      }
      // Quoted in the details of the claims of other reports: text alone, and the claim's text exactly.
      const texts = new Set(comparison.reports.flatMap((report) => report.claims.map((claim) => collapse(claim.text))));
      const pages = new Set(comparison.reports.flatMap((report) => report.claims.map((claim) => claim.context.split('#')[0]!)));
      let quotes = 0;
      for (const path of pages) {
        for (const quote of selectAll('.cr-claim-detail .cr-counterpart-text > span', readPage(path))) {
          assert.deepEqual(selectAll('*', quote).filter((element) => element !== quote).map((element) => element.tagName), [], `${path}: a quote holds elements`);
          assert.ok(texts.has(textOf(quote)), `${path}: a quote is no claim's text: ${textOf(quote)}`);
          quotes++;
        }
      }
      if (comparison.reports.length > 2) assert.ok(quotes > 0, 'no detail quotes a claim of a report not beside it');
    });
  }
});
