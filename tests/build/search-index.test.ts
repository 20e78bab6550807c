import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { projectPaths } from '../helpers/project-paths.ts';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { collapse } from '../helpers/read-dist.ts';

interface IndexedRecord {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** The records of the built index, as Pagefind stores them (each fragment gzipped, behind a signature). */
function indexedRecords(): IndexedRecord[] {
  const folder = join(projectPaths.dist, 'pagefind', 'fragment');
  const signature = 'pagefind_dcd';
  return readdirSync(folder).map((name) => {
    const raw = readFileSync(join(folder, name));
    const data = raw.subarray(0, signature.length).toString() === signature ? raw : gunzipSync(raw);
    return JSON.parse(data.subarray(signature.length).toString('utf8')) as IndexedRecord;
  });
}

describe('the search index', () => {
  test('is built into dist/pagefind/', () => {
    assert.ok(existsSync(join(projectPaths.dist, 'pagefind', 'pagefind.js')), 'dist/pagefind/pagefind.js is missing');
  });

  test('holds one record per claim, its text and nothing else, so interface text is never found', () => {
    const claims = new Map<string, string>(
      readContent().flatMap((story) => {
        const comparison = readComparison(story.slug);
        return comparison.reports.flatMap((report) => report.claims.map((claim) => [claimContextPath(comparison, claim.id), collapse(claim.text)]));
      }),
    );
    const records = indexedRecords();
    assert.equal(records.length, claims.size, 'one record per claim');
    for (const record of records) {
      assert.ok(claims.has(record.url), `${record.url} is indexed but opens no claim`);
      assert.equal(collapse(record.content.replace(/\u200B/g, '')), claims.get(record.url), `${record.url}: the record holds more than the claim`);
    }
  });

  for (const story of readContent()) {
    test(`each claim of ${story.slug} is found with its outlet, story, status and the other outlets that carry it`, () => {
      const comparison = readComparison(story.slug);
      const records = new Map(indexedRecords().map((record) => [record.url, record]));
      for (const report of comparison.reports) {
        for (const claim of report.claims) {
          const url = claimContextPath(comparison, claim.id);
          const record = records.get(url);
          assert.ok(record, `${claim.id} is not indexed`);
          assert.deepEqual(record.filters.outlet, [report.outlet]);
          assert.deepEqual(record.filters.story, [comparison.title]);
          const matches = comparison.matches.filter((match) => match.claims.includes(claim.id));
          const others = comparison.reports.filter(
            (other) => other !== report && matches.some((match) => match.claims.some((id) => other.claims.some((c) => c.id === id))),
          );
          const status = [others.length > 0 ? 'shared' : 'unique', ...(matches.some((match) => match.conflicts.length > 0) ? ['conflict'] : [])];
          assert.deepEqual([...(record.filters.status ?? [])].sort(), status.sort(), `${claim.id}: status`);
          assert.equal(record.meta.target, url);
          assert.equal(record.meta.outlet, report.outlet);
          assert.equal(record.meta.title, comparison.title);
          assert.equal(record.meta.others_count, String(others.length));
          assert.equal(record.meta.others ?? '', others.map((other) => other.outlet).join(', '));
        }
      }
    });
  }
});
