import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
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
