import assert from 'node:assert/strict';
import { existsSync, readdirSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { readContent } from '../helpers/read-content.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { brokenReferences, malformedExternalUrl } from '../helpers/broken-references.ts';
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

    test("every claim's permalink is its place on the page showing its report, and that page holds its detail with the claim and a link back to that place", () => {
      const comparison = readComparison(story.slug);
      for (const claim of comparison.reports.flatMap((report) => report.claims)) {
        const context = claimContextPath(comparison, claim.id);
        const permalink = new URL(claim.permalink);
        assert.equal(permalink.pathname + permalink.hash, context, `${claim.id}: permalink ${claim.permalink}`);
        assert.equal(claim.context, context, `${claim.id}: context`);
        const page = readPage(context.split('#')[0]!);
        const target = select(`[id="${claim.id}"]`, page);
        assert.equal(textOf(select('.cr-claim-text', target ?? page)), collapse(claim.text), `${context}: the claim there`);
        const detail = select(`details.cr-claim-detail[data-detail-of="${claim.id}"]`, page);
        assert.ok(detail, `${context}: no detail`);
        assert.equal(attribute(select('a.cr-permalink', detail), 'href'), context, `${context}: the detail's link to the claim`);
      }
    });

    test('no page per claim or per pair: the story folder holds the story page, its card and its comparison only', () => {
      assert.deepEqual(readdirSync(join(projectPaths.dist, 'stories', story.slug)).sort(), ['card.png', 'comparison.json', 'index.html']);
    });
  });
}

describe('links between pages', () => {
  test('every link, image, stylesheet and script of every page, and every url() of its styles, reaches a file of the site', () => {
    const { checked, broken } = brokenReferences();
    assert.ok(checked > 0, 'no reference was checked');
    assert.deepEqual(broken, []);
  });

  test('every reference of the site built with the fixture stories reaches a file of the site', { timeout: 300_000 }, async () => {
    const { checked, broken } = brokenReferences((await buildFixtureSite()).dist);
    assert.ok(checked > 0, 'no reference was checked');
    assert.deepEqual(broken, []);
  });

  test('the check finds a missing page, file, id, card or font, and an outside address written unencoded', () => {
    const dist = mkdtempSync(join(tmpdir(), 'crossread-broken-links-'));
    try {
      const page = (body: string, head = '') =>
        `<!doctype html><html lang="en"><head><title>t</title><link rel="canonical" href="http://example.test/">${head}</head><body>${body}</body></html>`;
      mkdirSync(join(dist, 'a'));
      mkdirSync(join(dist, '_astro'));
      writeFileSync(join(dist, 'a', 'index.html'), page('<p id="here">here</p>'));
      writeFileSync(join(dist, '_astro', 'site.css'), '@font-face{src:url(/_astro/font.woff2)} a{background:url("data:image/png;base64,AA")}');
      writeFileSync(
        join(dist, 'index.html'),
        page(
          '<a href="/a/#here">fine</a> <a href="a/#nowhere">no id</a> <a href="/b/">no page</a>' +
            '<img alt="" src="/a/" srcset="/a/ 1x, /big.png 2x"> <a href="https://example.org/r?s=&quot;x&quot;">outside</a>',
          '<link rel="stylesheet" href="/_astro/site.css"><meta property="og:image" content="http://example.test/card.png">',
        ),
      );
      assert.deepEqual(brokenReferences(dist).broken.sort(), [
        '/: <a href> "/b/" (no such file)',
        '/: <a href> "a/#nowhere" (no such id on the page)',
        '/: <a href> "https://example.org/r?s=\\"x\\"" (it contains "\\"", which a URL must percent-encode)',
        '/: <img srcset> "/big.png" (no such file)',
        '/: <meta og:image> "http://example.test/card.png" (no such file)',
        '/_astro/site.css: url() "/_astro/font.woff2" (no such file)',
      ]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('an outside address is well-formed only when absolute, http(s) and written with the characters a URL allows', () => {
    assert.equal(malformedExternalUrl('https://example.org/report?ref=rss&utm_source=%22x%22#:~:text=A%20fire,said.'), undefined);
    assert.equal(malformedExternalUrl('https://exämple.org/über'), undefined);
    assert.match(malformedExternalUrl('https://example.org/a b') ?? '', /percent-encode/);
    assert.match(malformedExternalUrl('https://example.org/100%') ?? '', /percent-encode/);
    assert.match(malformedExternalUrl('https:/example.org/report') ?? '', /absolute/);
    assert.match(malformedExternalUrl('https://intranet/report') ?? '', /domain/);
    assert.match(malformedExternalUrl('javascript:alert(1)') ?? '', /not http/);
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
