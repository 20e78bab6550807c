import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { claimPagePath, claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, collapse, idsOf, listPages, parseHtmlFile, readPage, resolveDistFile, textOf } from '../helpers/read-dist.ts';

for (const story of readContent()) {
  describe(`the claims of ${story.slug}`, () => {
    test('every claim permalink lands on an element with that id on the page it names', () => {
      const comparison = readComparison(story.slug);
      const missing = comparison.reports
        .flatMap((report) => report.claims)
        .filter((claim) => {
          const [path = '', id = ''] = claimContextPath(comparison, claim.id).split('#');
          const file = resolveDistFile(path);
          return !file || !idsOf(parseHtmlFile(file)).has(id) || id !== claim.id;
        })
        .map((claim) => claim.id);
      assert.deepEqual(missing, [], 'these claims have no anchor where their permalink leads');
    });

    test('every claim has a claim page with the claim, its title and Open Graph description', () => {
      const comparison = readComparison(story.slug);
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const path = claimPagePath(story.slug, claim.id);
          assert.ok(resolveDistFile(path), `${path} does not exist`);
          const page = readPage(path);
          const meta = (property: string) =>
            attribute(select(`meta[property="${property}"], meta[name="${property}"]`, page), 'content');
          assert.ok(meta('og:title'), `${path}: og:title`);
          assert.ok(meta('og:description'), `${path}: og:description`);
          assert.ok(meta('description'), `${path}: meta description`);
          assert.ok(textOf(select('title', page)), `${path}: <title>`);
          assert.match(textOf(select('h1', page)), new RegExp(report.outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
          const quote = select('blockquote.cr-claim-quote', page);
          assert.ok(quote, `${path}: no blockquote.cr-claim-quote`);
          assert.ok(textOf(quote).includes(collapse(claim.text)), `${path}: the quote is not the claim text`);
          assert.equal(
            attribute(select('a.cr-in-context', page), 'href'),
            claimContextPath(comparison, claim.id),
            `${path}: a.cr-in-context`,
          );
        }
      }
    });
  });
}

describe('links between pages', () => {
  test('every internal link of every page points at an existing file and an existing id', () => {
    const broken: string[] = [];
    for (const page of listPages()) {
      const ownIds = idsOf(page.tree);
      const linking = selectAll('[href], [src], form[action]', page.tree);
      for (const element of linking) {
        const target = attribute(element, 'href') ?? attribute(element, 'src') ?? attribute(element, 'action') ?? '';
        if (target.startsWith('#')) {
          const id = decodeURIComponent(target.slice(1));
          if (id && !ownIds.has(id)) broken.push(`${page.urlPath}: ${target} (no such id on the page)`);
          continue;
        }
        if (!target.startsWith('/') || target.startsWith('//')) continue;
        const file = resolveDistFile(target);
        if (!file) {
          broken.push(`${page.urlPath}: ${target} (no such file)`);
          continue;
        }
        const fragment = target.split('#')[1];
        if (fragment && !idsOf(parseHtmlFile(file)).has(decodeURIComponent(fragment))) {
          broken.push(`${page.urlPath}: ${target} (no such id)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test('every page has a language, a skip link to the main content, a search form and a status region', () => {
    for (const page of listPages()) {
      const where = page.urlPath;
      assert.ok(attribute(select('html', page.tree), 'lang'), `${where}: <html> has no lang`);
      assert.ok(select('main#main', page.tree), `${where}: no main#main`);
      const skip = select('a[href="#main"]', page.tree);
      assert.ok(skip, `${where}: no skip link`);
      assert.match(textOf(skip), /skip/i, `${where}: skip link text`);
      const form = select('form[role="search"][action="/search/"]', page.tree);
      assert.ok(form, `${where}: no search form`);
      const input = select('input[type="search"][name="q"]', form);
      assert.ok(input, `${where}: no search input`);
      const id = attribute(input, 'id');
      const labelled =
        attribute(input, 'ariaLabel') || attribute(input, 'ariaLabelledBy') || (id && select(`label[for="${id}"]`, page.tree));
      assert.ok(labelled, `${where}: the search input has no label`);
      assert.ok(select('#cr-status[role="status"][aria-live="polite"]', page.tree), `${where}: no #cr-status`);
    }
  });

  test('the home page links to every story', () => {
    const home = readPage('/');
    for (const story of readContent()) {
      assert.ok(
        select(`article.cr-story-card a[href="/stories/${story.slug}/"]`, home),
        `no story card linking to /stories/${story.slug}/`,
      );
    }
  });

  test('a missing page is answered by a 404 page', () => {
    assert.ok(resolveDistFile('/404.html'), 'dist/404.html is missing');
  });
});
