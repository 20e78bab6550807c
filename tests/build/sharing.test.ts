import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { select, selectAll } from 'hast-util-select';
import { matchTextFragment } from '../../src/pipeline/text-fragment.ts';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import type { BuiltCopy } from '../helpers/build-fixture-site.ts';
import { claimPagePath, readAllComparisons } from '../helpers/read-comparison.ts';
import type { Comparison } from '../helpers/read-comparison.ts';
import { attribute, readPage, textOf } from '../helpers/read-dist.ts';
import { quoted } from '../../src/data/format.ts';

/**
 * The sharing tools of every claim page, over the site built with the fixture stories next to the real ones
 * (a story of three reports, so that claims of reports the story page does not show are covered too).
 */
let site: BuiltCopy;
let stories: Comparison[];
before(async () => {
  site = await buildFixtureSite();
  stories = readAllComparisons(site.dist);
}, { timeout: 300_000 });

const readableDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function* claimPages() {
  for (const comparison of stories) {
    for (const report of comparison.reports) {
      for (const [index, claim] of report.claims.entries()) {
        const path = claimPagePath(comparison.slug, claim.id);
        yield { comparison, report, claim, index, path, tree: readPage(path, site.dist) };
      }
    }
  }
}

test('every claim page links to the report at its source, with a text fragment that first finds that very claim', () => {
  let withFragment = 0;
  for (const { report, claim, index, path, tree } of claimPages()) {
    const link = select('a.cr-source-link', tree);
    const href = attribute(link, 'href') ?? '';
    assert.ok(href.startsWith(report.url), `${path}: the source link ${href} is not the report's URL`);
    assert.match(attribute(link, 'rel') ?? '', /\bnoopener\b/, path);
    assert.match(attribute(link, 'rel') ?? '', /\bnoreferrer\b/, path);
    assert.match(textOf(link), /Read it at the source/, path);
    const rest = href.slice(report.url.length);
    if (rest === '') continue;
    withFragment++;
    const directive = /:~:text=([^&]*)$/.exec(rest);
    assert.ok(directive, `${path}: ${rest} is no text directive`);
    const terms = directive[1].split(',').map((term) => decodeURIComponent(term));
    const inner = terms.filter((term) => !term.endsWith('-') && !term.startsWith('-'));
    // Browsers find a fragment's text as they find text on a page, a no-break space like any other space.
    const text = claim.text.replace(/\s/gu, ' ');
    assert.ok(text.startsWith(inner[0] ?? '\0'), `${path}: textStart "${inner[0]}" does not open the claim`);
    if (inner.length === 2) assert.ok(text.endsWith(inner[1]), `${path}: textEnd "${inner[1]}" does not close the claim`);
    if (inner.length === 1) assert.equal(inner[0], claim.text.split(/\s+/).join(' '), `${path}: a lone textStart must be the whole claim`);
    const prefix = terms.find((term) => term.endsWith('-'));
    if (prefix) assert.ok(report.claims[index - 1]?.text.endsWith(prefix.slice(0, -1)), `${path}: prefix "${prefix}" is not the end of the claim before`);
    const suffix = terms.find((term, at) => at > 0 && term.startsWith('-'));
    if (suffix) assert.ok(report.claims[index + 1]?.text.startsWith(suffix.slice(1)), `${path}: suffix "${suffix}" is not the start of the claim after`);
    const texts = report.claims.map((other) => other.text);
    assert.equal(matchTextFragment(texts, rest)?.claim, index, `${path}: ${rest} first matches another part of the report`);
  }
  assert.ok(withFragment > 0, 'no claim page links to its sentence');
});

test("every claim page's citation names the outlet, headline, date, report URL and the claim page's absolute URL, and quotes the claim", () => {
  for (const { report, claim, path, tree } of claimPages()) {
    const field = select('details.cr-cite textarea', tree);
    assert.ok(field, `${path}: no citation`);
    assert.equal(attribute(field, 'readOnly'), 'true', `${path}: the citation should be read-only`);
    const id = attribute(field, 'id');
    assert.ok(id && select(`label[for="${id}"]`, tree), `${path}: the citation has no label`);
    const citation = textOf(field);
    for (const [what, value] of [
      ['outlet', report.outlet],
      ['headline', report.title],
      ['date', readableDay.format(new Date(report.published))],
      ['report URL', report.url],
      ['claim page URL', claim.permalink],
      ['claim', quoted(claim.text.split(/\s+/).join(' '))],
    ]) {
      assert.ok(citation.includes(value), `${path}: the citation lacks the ${what} (${value}): ${citation}`);
    }
    assert.ok(URL.canParse(claim.permalink) && new URL(claim.permalink).pathname === path, `${path}: permalink ${claim.permalink}`);
  }
});

test('copy link, share and copy citation wait hidden for the script, and carry the claim page address', () => {
  for (const { path, tree } of claimPages()) {
    const buttons = selectAll('button[data-share-action]', tree);
    assert.deepEqual(buttons.map((button) => attribute(button, 'dataShareAction')).sort(), ['copy-citation', 'copy-link', 'share'], path);
    for (const button of buttons) assert.equal(attribute(button, 'hidden'), 'true', `${path}: ${textOf(button)} shows without JavaScript`);
    for (const action of ['copy-link', 'share']) {
      assert.equal(attribute(select(`button[data-share-action="${action}"]`, tree), 'dataUrl'), path, `${path}: ${action}`);
    }
  }
});

test('story pages carry the story address the page uses to send old claim links to their claim pages, once', () => {
  for (const comparison of stories) {
    const marked = selectAll('[data-story-url]', readPage(`/stories/${comparison.slug}/`, site.dist));
    assert.deepEqual(marked.map((element) => attribute(element, 'dataStoryUrl')), [`/stories/${comparison.slug}/`], comparison.slug);
  }
});
