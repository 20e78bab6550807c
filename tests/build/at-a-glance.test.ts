import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import type { BuiltCopy } from '../helpers/build-fixture-site.ts';
import { buildGlanceSite } from '../helpers/build-glance-site.ts';
import { comparisonSchema, readComparisonJson, type PublishedComparison } from '../helpers/read-comparison.ts';
import { attribute, idsOf, readPage, textOf } from '../helpers/read-dist.ts';

/** The stories written for the story at a glance (tests/fixtures/glance/), built beside the seed story. */
let site: BuiltCopy;
before(async () => {
  site = await buildGlanceSite();
}, { timeout: 300_000 });

const published = (slug: string): PublishedComparison => comparisonSchema.parse(readComparisonJson(slug, site.dist));
const storyPage = (slug: string) => readPage(`/stories/${slug}/`, site.dist);
const glanceOf = (page: Root): Element => {
  const section = select('section.cr-glance', page);
  assert.ok(section, 'the story page has no section.cr-glance');
  return section;
};
/** The claim a glance link leads to: the element with its id, on this page or on the page it names. */
function target(slug: string, href: string): Element | undefined {
  const [path, id] = href.split('#') as [string, string];
  const page = path === '' ? storyPage(slug) : readPage(path, site.dist);
  return idsOf(page).has(id) ? select(`[id="${id}"]`, page) ?? undefined : undefined;
}
const textOfClaim = (comparison: PublishedComparison, id: string) =>
  comparison.articles.flatMap((article) => article.claims).find((claim) => claim.id === id)?.text;
const outletOf = (comparison: PublishedComparison, slug: string) => comparison.articles.find((article) => article.slug === slug)!.outlet;

describe('the story at a glance, built', () => {
  test('every story page shows it after the story header and before the reports, with a heading naming the section', () => {
    for (const slug of readdirSync(join(site.dist, 'stories'))) {
      const page = storyPage(slug);
      const order: string[] = [];
      visit(page, 'element', (element: Element) => {
        if (element.tagName === 'header' && attribute(element, 'className')?.includes('cr-story-header')) order.push('header');
        if (element.tagName === 'section' && attribute(element, 'className') === 'cr-glance') order.push('glance');
        if (element.tagName === 'article' && attribute(element, 'className')?.includes('cr-report')) order.push('report');
      });
      assert.deepEqual(order.slice(0, 3), ['header', 'glance', 'report'], slug);
      const section = glanceOf(page);
      assert.equal(textOf(select(`#${attribute(section, 'ariaLabelledBy')}`, page)), 'At a glance');
    }
  });

  test('each agreed line gives the wording of the claim the data names, links to it, and says who carries it', () => {
    for (const slug of ['agency-copy', 'ten-reports', 'published-times']) {
      const comparison = published(slug);
      const lines = selectAll('[data-part="agreed"] li', glanceOf(storyPage(slug)));
      assert.equal(lines.length, comparison.agreed.length, slug);
      comparison.agreed.forEach((agreed, index) => {
        const link = select('a', lines[index]!)!;
        assert.equal(textOf(link), textOfClaim(comparison, agreed.claim));
        assert.ok(attribute(link, 'href')!.endsWith(`#${agreed.claim}`));
        assert.ok(target(slug, attribute(link, 'href')!), `${slug}: ${attribute(link, 'href')} leads nowhere`);
        const total = comparison.articles.length;
        const carriers = agreed.articles.length === total ? `all ${total} reports` : `${agreed.articles.length} of ${total} reports`;
        assert.ok(textOf(lines[index]).includes(carriers), textOf(lines[index]));
      });
    }
    const strike = selectAll('[data-part="agreed"] li', glanceOf(storyPage('agency-copy'))).find((li) => /twelve daily crossings/.test(textOf(li)));
    assert.match(textOf(strike), /\(all 3 reports, 2 independently\)$/);
  });

  test('each disputed point gives both versions with the outlets giving them', () => {
    const comparison = published('agency-copy');
    const [line] = selectAll('[data-part="disputed"] li', glanceOf(storyPage('agency-copy')));
    assert.match(textOf(line), /^Numbers differ in “.*crossings.*”: twelve \(Coastal Courier, Valley Herald\) against ten \(Northern Standard\)$/);
    const [point] = comparison.disputed;
    const links = selectAll('a', line!);
    assert.deepEqual(links.map((link) => attribute(link, 'href')!.split('#')[1]), point!.versions.map((version) => version.claim));
    for (const link of links) assert.ok(target('agency-copy', attribute(link, 'href')!));
  });

  test('each outlet saying something alone is counted, linking to its first such claim', () => {
    for (const slug of ['agency-copy', 'ten-reports']) {
      const comparison = published(slug);
      const links = selectAll('[data-part="unique"] a', glanceOf(storyPage(slug)));
      const alone = comparison.unique.filter((line) => line.count > 0);
      assert.deepEqual(
        links.map((link) => [textOf(link), attribute(link, 'href')!.split('#')[1]]),
        alone.map((line) => [`${outletOf(comparison, line.article)}: ${line.count} ${line.count === 1 ? 'claim' : 'claims'}`, line.first]),
      );
      for (const link of links) assert.ok(target(slug, attribute(link, 'href')!), `${slug}: ${attribute(link, 'href')} leads nowhere`);
    }
  });

  test('a shared copy is named with its outlets and the agency one of them credits', () => {
    assert.equal(
      textOf(select('[data-part="shared-copy"] li', glanceOf(storyPage('agency-copy')))),
      'Coastal Courier and Valley Herald print the same 4 sentences word for word; Coastal Courier credits PTI',
    );
    assert.equal(select('[data-part="shared-copy"]', glanceOf(storyPage('ten-reports'))), undefined);
  });

  test('the lists of a ten-report story show their first lines and fold the rest behind a details element', () => {
    const section = glanceOf(storyPage('ten-reports'));
    const fold = select('[data-part="unique"] details.cr-glance-more', section);
    assert.ok(fold, 'the ten outlets are not folded');
    assert.equal(textOf(select('summary', fold)), 'Show all 10 outlets');
    assert.equal(selectAll('[data-part="unique"] > ul > li', section).length, 3);
    assert.equal(selectAll('[data-part="unique"] li', section).length, 10);
  });
});

describe('publication times, built', () => {
  test('each report shows the day its file writes, and comparison.json the moment as written', () => {
    const comparison = published('published-times');
    assert.deepEqual(
      comparison.articles.map(({ slug, published, publishedTime }) => [slug, published, publishedTime]),
      [
        ['lakeside-daily', '2024-06-14', '2024-06-14T01:10:00+05:30'],
        // Unquoted, YAML reads it as a Date in UTC (21:55 on the 13th); the page keeps the zone written.
        ['hill-tribune', '2024-06-13', '2024-06-13T23:55:00+02:00'],
        ['metro-wire', '2024-06-14', '2024-06-14T06:00:00Z'],
      ],
    );
    assert.equal(published('agency-copy').articles[0]!.publishedTime, undefined);
  });

  test('an agreed line says which report carried it first, in a time element giving the moment', () => {
    const [line] = selectAll('[data-part="agreed"] li', glanceOf(storyPage('published-times')));
    assert.match(textOf(line), /; first in Lakeside Daily, 14 June 2024, 01:10 UTC\+05:30\)$/);
    assert.equal(attribute(select('time', line!)!, 'dateTime'), '2024-06-14T01:10:00+05:30');
  });
});

describe('the home page sort', () => {
  test('lists newest first, and writes each card’s place in both orders for the sort control, hidden until enhanced', () => {
    const home = readPage('/', site.dist);
    const control = select('[data-story-sort]', home);
    assert.ok(control && attribute(control, 'hidden') !== undefined, 'the sort control shows before its script runs');
    assert.equal(textOf(select(`label[for="${attribute(select('select', control)!, 'id')}"]`, control)), 'Sort stories');
    const cards = selectAll('[data-story-list] > article', home);
    const ranks = (name: string) => cards.map((card) => Number(attribute(card, name)));
    assert.deepEqual(ranks('dataRankDate'), cards.map((_, index) => index));
    assert.deepEqual([...ranks('dataRankDisagreement')].sort((a, b) => a - b), cards.map((_, index) => index));
  });
});
