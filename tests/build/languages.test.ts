import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { interfaceLang } from '../../src/data/site.ts';
import { textDirection } from '../../src/data/text-direction.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { indexedFragments, readShardManifest } from '../helpers/read-search-index.ts';
import type { BuiltCopy } from '../helpers/build-fixture-site.ts';
import { readComparison } from '../helpers/read-comparison.ts';
import { stripFrontmatter } from '../helpers/read-content.ts';
import { attribute, collapse, listPages } from '../helpers/read-dist.ts';

/**
 * Pages take their language and writing direction from the reports they show, over the fixture site, whose
 * stories include one with a report in Urdu (tests/fixtures/stories/).
 */
let site: BuiltCopy;
before(async () => {
  site = await buildFixtureSite();
}, { timeout: 300_000 });

interface Report {
  story: string;
  slug: string;
  lang: string;
  claims: Array<{ id: string; text: string; context: string }>;
}

/** Every report of the built site with the `lang` its file declares (`en` when it declares none). */
function reports(): Report[] {
  const stories = join(site.root, 'content', 'stories');
  return readdirSync(stories).sort().flatMap((story) => {
    const comparison = readComparison(story, site.dist);
    return comparison.reports.map((report) => {
      const source = readFileSync(join(stories, story, `${report.slug}.md`), 'utf8');
      const frontmatter = source.slice(0, source.length - stripFrontmatter(source).length);
      const lang = /^lang:\s*["']?([\w-]+)/m.exec(frontmatter)?.[1] ?? 'en';
      return { story, slug: report.slug, lang, claims: report.claims };
    });
  });
}

function html(page: Root): Element {
  const element = select('html', page);
  assert.ok(element, 'no <html>');
  return element;
}

function langAndDir(element: Element | undefined): [string | undefined, string | undefined] {
  return [attribute(element, 'lang'), attribute(element, 'dir')];
}

/** The story pages of the built site. */
function storyPages() {
  const pages = listPages(site.dist).filter((page) => /^\/stories\/[^/]+\/$/.test(page.urlPath));
  assert.ok(pages.length > 0, 'no story pages');
  return pages;
}

/** Each element of a page with the language and direction it reads in: its own, or the nearest enclosing element's. */
function inheritedLanguages(tree: Root): Map<Element, [string | undefined, string | undefined]> {
  const found = new Map<Element, [string | undefined, string | undefined]>();
  const visit = (node: Root | Element, lang: string | undefined, dir: string | undefined): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const [ownLang, ownDir] = langAndDir(child);
      const here: [string | undefined, string | undefined] = [ownLang ?? lang, ownDir ?? dir];
      found.set(child, here);
      visit(child, ...here);
    }
  };
  visit(tree, undefined, undefined);
  return found;
}

describe('languages and writing directions', () => {
  test('the fixture site has a report written right to left, in Urdu', () => {
    assert.ok(reports().some((report) => report.lang === 'ur'), 'no report with lang: ur');
  });

  test("a claim's detail speaks the interface language where its report does not, and links each counterpart to its claim on the page", () => {
    const pages = new Map(listPages(site.dist).map((page) => [page.urlPath, page.tree]));
    const langOf = new Map(reports().flatMap((report) => report.claims.map((claim) => [claim.id, report.lang] as const)));
    let linked = 0;
    for (const report of reports()) {
      for (const claim of report.claims) {
        const path = claim.context.split('#')[0]!;
        const page = pages.get(path);
        assert.ok(page, `${path} was not built`);
        const detail = select(`details.cr-claim-detail[data-detail-of="${claim.id}"]`, page);
        assert.ok(detail, `${path}: no detail for ${claim.id}`);
        if (report.lang !== interfaceLang) {
          assert.deepEqual(langAndDir(detail), [interfaceLang, textDirection(interfaceLang)], `${path}: the detail of ${claim.id} is interface text`);
        }
        for (const item of selectAll('li.cr-counterpart', detail)) {
          const target = (attribute(select('a.cr-counterpart-link', item), 'href') ?? '').split('#')[1] ?? '';
          const lang = langOf.get(target);
          assert.ok(lang, `${path}: the detail of ${claim.id} links to ${target}, no claim`);
          assert.ok(select(`p.cr-claim[id="${target}"][lang="${lang}"], [lang="${lang}"] p.cr-claim[id="${target}"]`, page), `${path}: ${target} is not on the page in its own language`);
          linked++;
        }
      }
    }
    assert.ok(linked > 0, 'no detail links a counterpart');
  });

  test('on story pages each report column has its own language and direction, and <html> the shared language or the interface one', () => {
    const byReport = new Map(reports().map((report) => [`${report.story}/${report.slug}`, report]));
    const pages = storyPages();
    let rtlColumns = 0;
    for (const page of pages) {
      const story = page.urlPath.split('/')[2] ?? '';
      const columns = selectAll('.cr-columns > article.cr-report', page.tree);
      assert.equal(columns.length, new Set(reports().filter((report) => report.story === story).map((report) => report.slug)).size, `${page.urlPath}: a column per report`);
      const langs = new Set<string>();
      for (const column of columns) {
        const report = byReport.get(`${story}/${attribute(column, 'dataReport')}`);
        assert.ok(report, `${page.urlPath}: a column of an unknown report`);
        assert.deepEqual(langAndDir(column), [report.lang, textDirection(report.lang)], `${page.urlPath}: column ${report.slug}`);
        if (textDirection(report.lang) === 'rtl') rtlColumns++;
        langs.add(report.lang);
      }
      const pageLang = langs.size === 1 ? [...langs][0]! : interfaceLang;
      assert.deepEqual(langAndDir(html(page.tree)), [pageLang, textDirection(pageLang)], `${page.urlPath}: <html>`);
    }
    assert.ok(rtlColumns > 0, 'no right-to-left column was checked');
  });

  test("in the claim grid each claim reads in its report's language and direction, tagged only where the interface's differ", () => {
    const langOf = new Map(reports().flatMap((report) => report.claims.map((claim) => [claim.id, report.lang] as const)));
    let otherLanguage = 0;
    let untagged = 0;
    for (const page of storyPages()) {
      const inherited = inheritedLanguages(page.tree);
      const rowLinks = selectAll('th.cr-grid-claim > a', page.tree);
      assert.ok(rowLinks.length > 0, `${page.urlPath}: no grid rows`);
      for (const link of rowLinks) {
        const claimLang = langOf.get((attribute(link, 'href') ?? '').slice(1));
        assert.ok(claimLang, `${page.urlPath}: a grid row links to no claim`);
        assert.deepEqual(inherited.get(link), [claimLang, textDirection(claimLang)], `${page.urlPath}: grid row ${attribute(link, 'href')}`);
        if (attribute(link, 'lang') === undefined) untagged++;
        else otherLanguage++;
      }
    }
    assert.ok(otherLanguage > 0, 'no grid row in another language than the interface was checked');
    assert.ok(untagged > 0, 'every grid row repeats the language around it');
  });

  test("on the page of a story told in another language, the interface still reads in its own and the story's text in the story's", () => {
    const story = reports().find((report) => report.lang !== interfaceLang && reports().filter((other) => other.story === report.story).every((other) => other.lang === report.lang))?.story;
    assert.ok(story, 'the fixture site has no story all of whose reports share a language other than the interface');
    const storyLang = reports().find((report) => report.story === story)!.lang;
    const page = storyPages().find((candidate) => candidate.urlPath === `/stories/${story}/`);
    assert.ok(page, `${story} has no page`);
    const inherited = inheritedLanguages(page.tree);
    const languageOf = (selector: string) => {
      const found = selectAll(selector, page.tree);
      assert.ok(found.length > 0, `${story}: no ${selector}`);
      return [...new Set(found.map((element) => inherited.get(element)?.[0]))];
    };
    assert.deepEqual(langAndDir(html(page.tree)), [storyLang, textDirection(storyLang)], '<html> takes the story\'s language');
    for (const selector of ['h1', '.cr-lede', 'p.cr-claim', '.cr-report-title']) assert.deepEqual(languageOf(selector), [storyLang], `${selector}: story text`);
    for (const selector of ['#cr-glance-title', '#cr-grid-title', '.cr-legend', '.cr-reading-switch-link[data-reading-mode="aligned"]', '.cr-claim-tools', '.cr-data-link', '.cr-story-date']) {
      assert.deepEqual(languageOf(selector), [interfaceLang], `${selector}: interface text`);
    }
  });

  test("Pagefind keeps an index per report language, each holding exactly that language's claims", () => {
    const pageCounts = new Map<string, number>();
    for (const shard of readShardManifest(site.dist).shards) {
      for (const [lang, count] of Object.entries(shard.languages)) pageCounts.set(lang, (pageCounts.get(lang) ?? 0) + count);
    }
    const expected = new Map<string, Map<string, string>>();
    const reportCount = new Map<string, number>();
    for (const report of reports()) {
      const claims = expected.get(report.lang) ?? new Map<string, string>();
      for (const claim of report.claims) claims.set(claim.context, collapse(claim.text));
      expected.set(report.lang, claims);
      reportCount.set(report.lang, (reportCount.get(report.lang) ?? 0) + 1);
    }
    assert.deepEqual([...pageCounts.keys()].sort(), [...expected.keys()].sort());
    // Each fragment is one indexed page (one report: search-records.ts), in a file named for its language; each
    // claim is an anchor of the page, with its text. The index is sharded by story: the shards together hold them.
    const indexed = new Map<string, Map<string, string>>();
    for (const fragment of indexedFragments(site.dist)) {
      const claims = indexed.get(fragment.language) ?? new Map<string, string>();
      const page = fragment.url.replace(/#.*$/, '');
      for (const anchor of fragment.anchors) claims.set(`${page}#${anchor.id}`, collapse(anchor.text ?? ''));
      indexed.set(fragment.language, claims);
    }
    for (const [lang, claims] of expected) {
      assert.equal(pageCounts.get(lang), reportCount.get(lang), `pages (reports) in the ${lang} index`);
      assert.deepEqual(indexed.get(lang), claims, `the ${lang} index holds the ${lang} claims, with their text`);
    }
  });
});
