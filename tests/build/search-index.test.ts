import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { projectPaths } from '../helpers/project-paths.ts';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, collapse, listPages, readPage, textOf } from '../helpers/read-dist.ts';

/** Pagefind metadata declared in a page, in any of its three forms (`key:value`, `key[attr]`, bare `key` on a meta). */
function metaValues(page: Root): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of selectAll('[data-pagefind-meta]', page)) {
    for (const part of (attribute(element, 'dataPagefindMeta') ?? '').split(',')) {
      const declaration = part.trim();
      const inline = /^([\w-]+):(.*)$/s.exec(declaration);
      const fromAttribute = /^([\w-]+)\[([\w-]+)\]$/.exec(declaration);
      if (inline) values.set(inline[1] ?? '', (inline[2] ?? '').trim());
      else if (fromAttribute) values.set(fromAttribute[1] ?? '', String(element.properties[toProperty(fromAttribute[2] ?? '')] ?? ''));
      else if (declaration) values.set(declaration, element.tagName === 'meta' ? (attribute(element, 'content') ?? '') : textOf(element));
    }
  }
  return values;
}

/** The records of the built index, as Pagefind stores them (each fragment gzipped, behind a signature). */
function indexedRecords(): Array<{ url: string; content: string; filters: Record<string, string[]> }> {
  const folder = join(projectPaths.dist, 'pagefind', 'fragment');
  const signature = 'pagefind_dcd';
  return readdirSync(folder).map((name) => {
    const raw = readFileSync(join(folder, name));
    const data = raw.subarray(0, signature.length).toString() === signature ? raw : gunzipSync(raw);
    return JSON.parse(data.subarray(signature.length).toString('utf8')) as { url: string; content: string; filters: Record<string, string[]> };
  });
}

/** hast property name of an HTML attribute, for the few a meta declaration reads. */
function toProperty(name: string): string {
  if (name === 'class') return 'className';
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

describe('the search index', () => {
  test('is built by Pagefind into dist/pagefind/', () => {
    assert.ok(existsSync(join(projectPaths.dist, 'pagefind', 'pagefind.js')), 'dist/pagefind/pagefind.js is missing');
  });

  test('indexes claim pages only, so interface text is never found', () => {
    const indexed = listPages()
      .filter((page) => selectAll('[data-pagefind-body]', page.tree).length > 0)
      .map((page) => page.urlPath);
    const claimPages = readContent().flatMap((story) =>
      readComparison(story.slug).reports.flatMap((report) =>
        report.claims.map((claim) => `/stories/${story.slug}/claims/${claim.id}/`),
      ),
    );
    assert.deepEqual(indexed.sort(), claimPages.sort());
  });

  test('the search dialog, its button and its labels sit outside the indexed text of every claim page', () => {
    const claimPages = listPages().filter((page) => selectAll('[data-pagefind-body]', page.tree).length > 0);
    assert.ok(claimPages.length > 0);
    for (const page of claimPages) {
      assert.ok(select('dialog#cr-search-dialog', page.tree), `${page.urlPath}: the search dialog is missing`);
      for (const body of selectAll('[data-pagefind-body]', page.tree)) {
        const inside = selectAll('dialog, form, label, legend, button, input, [data-search-panel], [data-search-opener]', body);
        assert.deepEqual(inside.map((element) => element.tagName), [], `${page.urlPath}: interface elements inside the indexed text`);
      }
    }
  });

  test('every record of the built index holds the text of one claim and nothing else', () => {
    const claims = new Map<string, string>(
      readContent().flatMap((story) =>
        readComparison(story.slug).reports.flatMap((report) =>
          report.claims.map((claim) => [`/stories/${story.slug}/claims/${claim.id}/`, collapse(claim.text)]),
        ),
      ),
    );
    const records = indexedRecords();
    assert.equal(records.length, claims.size, 'one record per claim');
    for (const record of records) {
      assert.ok(claims.has(record.url), `${record.url} is indexed but is no claim page`);
      assert.equal(collapse(record.content.replace(/\u200B/g, '')), claims.get(record.url), `${record.url}: the record holds more than the claim`);
      for (const group of ['outlet', 'story', 'status']) {
        assert.ok((record.filters[group] ?? []).length > 0, `${record.url}: no ${group} filter value`);
      }
    }
  });

  for (const story of readContent()) {
    test(`each claim of ${story.slug} is indexed with its text, outlet, story and permalink`, () => {
      const comparison = readComparison(story.slug);
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const path = `/stories/${story.slug}/claims/${claim.id}/`;
          const page = readPage(path);
          const bodies = selectAll('[data-pagefind-body]', page);
          assert.equal(bodies.length, 1, `${path}: one data-pagefind-body`);
          assert.equal(textOf(bodies[0]), collapse(claim.text), `${path}: the indexed text is the claim alone`);
          const filter = (name: string) =>
            selectAll('[data-pagefind-filter]', page).filter((element) =>
              (attribute(element, 'dataPagefindFilter') ?? '').startsWith(name),
            );
          assert.ok(filter('outlet').length > 0, `${path}: no outlet filter`);
          assert.ok(filter('story').length > 0, `${path}: no story filter`);
          const metas = metaValues(page);
          for (const key of ['title', 'outlet', 'target']) assert.ok(metas.has(key), `${path}: no ${key} meta`);
          assert.equal(metas.get('target'), claimContextPath(comparison, claim.id), `${path}: target meta`);
          assert.equal(metas.get('outlet'), report.outlet, `${path}: outlet meta`);
        }
      }
    });
  }
});
