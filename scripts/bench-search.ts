/**
 * Search at scale: `npm run bench:search -- --stories N` (default 1,000). Generates N synthetic stories (see
 * synthetic-stories.ts), compares them with the site's pipeline, builds the Pagefind index from exactly the
 * records the site builds (search-records.ts: one page per report) as the build shards it (src/build/search-index.ts), once per
 * layout of `--shards` (shard slots, default `1,<the site's>`: one index, and the site's shards), then measures
 * each index's size and, in Chromium, how long the first claim result of a query takes: cold (a fresh browser
 * context, nothing cached, the shards opened and merged as the search dialog does) and warm (the next query on
 * the same page). Layouts take turns query by query. A query's claims are worked out from its page results by
 * the site's own code (search-claim-hits.ts and search-shards.ts, served to the page with their types
 * stripped), reading as many pages as the search panel does. Queries are two distinctive words of a random
 * claim; the bench also reports how often that claim (or the same sentence in another report) is the first result.
 * Prints progress, a figures table and, last, one line for the last layout: `bench-search: stories=… records=…
 * claims=… shards=… index-mb=… first-query-kb=… cold-ms=… warm-ms=…` (medians), then, with two layouts or more,
 * `cold-ratio=… warm-ratio=…`: the median over queries of its latency divided by the first layout's.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { publishedComparison } from '../src/data/comparison-json.ts';
import { searchRecords, type SearchRecord } from '../src/data/search-records.ts';
import { compareStory } from '../src/pipeline/compare-story.ts';
import { launchBrowser } from '../tests/helpers/launch-browser.ts';
import { startStaticServer } from '../tests/helpers/start-static-server.ts';
import { shardSlots, writeSearchIndex, type StoryRecords } from '../src/build/search-index.ts';
import { msrpBackground } from './generate-stories.ts';
import { syntheticStory, syntheticStoryInput } from './synthetic-stories.ts';
import { countedPages } from '../src/scripts/search-claim-hits.ts';
import { searchRanking } from '../src/scripts/search-shards.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    queries: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    shards: { type: 'string', default: shardSlots > 1 ? `1,${shardSlots}` : '1' },
  },
});
const storyCount = Number(values.stories);
const queryCount = Number(values.queries);
const layouts = values.shards.split(',').map(Number);
if (!Number.isInteger(storyCount) || storyCount < 1 || !Number.isInteger(queryCount) || queryCount < 1 || !layouts.every((slots) => Number.isInteger(slots) && slots >= 1)) {
  console.error('usage: npm run bench:search -- [--stories N] [--queries Q] [--seed S] [--shards K[,K…]]');
  process.exit(2);
}

const say = (message: string) => console.log(`[bench-search] ${message}`);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))] ?? NaN;

function folderBytes(path: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(path, name));
    if (stats.isFile()) {
      bytes += stats.size;
      files++;
    }
  }
  return { bytes, files };
}

// Compare every story, as the site's build does, and keep its search records.
const background = msrpBackground();
const records: StoryRecords[] = [];
let recordCount = 0;
const claims: { text: string; url: string }[] = [];
const comparing = performance.now();
const started = comparing;
let reportTotal = 0;
for (let index = 0; index < storyCount; index++) {
  const synthetic = syntheticStory(Number(values.seed), index, background);
  const story = compareStory(syntheticStoryInput(synthetic));
  reportTotal += story.reports.length;
  const published = publishedComparison(story, 'http://localhost:4321');
  const storyRecords: SearchRecord[] = searchRecords(published);
  records.push({ story: published.story.slug, records: storyRecords });
  recordCount += storyRecords.length;
  claims.push(...published.articles.flatMap((article) => article.claims.map((claim) => ({ text: claim.text, url: claim.context }))));
  if ((index + 1) % 50 === 0 || index + 1 === storyCount) {
    say(`compared ${index + 1}/${storyCount} stories (${claims.length} claims) in ${seconds(comparing)} s`);
  }
}
const compareSeconds = seconds(started);

const site = mkdtempSync(join(tmpdir(), 'crossread-bench-search-'));
try {
  // One index per layout, each under /<slots>/ (a cache of this run's own, so every shard is indexed now).
  const built = [];
  for (const slots of layouts) {
    const step = performance.now();
    const bundle = join(site, String(slots), 'pagefind');
    const summary = await writeSearchIndex(records, bundle, { cacheDir: join(site, 'cache'), slots });
    const shardFolders = summary.shards > 0 ? readdirSync(bundle).filter((name) => statSync(join(bundle, name)).isDirectory()) : [];
    const sumOf = (kind: string) =>
      shardFolders.map((name) => folderBytes(join(bundle, name, kind))).reduce((a, b) => ({ bytes: a.bytes + b.bytes, files: a.files + b.files }), { bytes: 0, files: 0 });
    const layout = { slots, shards: summary.shards, seconds: seconds(step), index: folderBytes(bundle), fragments: sumOf('fragment'), chunks: sumOf('index') };
    say(`${slots} shard slots: indexed ${recordCount} report pages into ${layout.shards} shards in ${layout.seconds} s: ${(layout.index.bytes / 1e6).toFixed(1)} MB in ${layout.index.files} files`);
    built.push(layout);
  }
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><title>bench</title><body></body></html>');
  // The site's claim-building modules, as the browser can load them.
  const scripts = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'scripts');
  mkdirSync(join(site, 'claims'));
  for (const name of ['search-claim-hits', 'search-claim-notes', 'search-shards']) {
    const source = stripTypeScriptTypes(readFileSync(join(scripts, `${name}.ts`), 'utf8')).replace(/from '\.\/([\w-]+)\.ts'/g, "from './$1.js'");
    writeFileSync(join(site, 'claims', `${name}.js`), source);
  }

  // Queries: two distinctive words (the longest) of a claim picked at random, so that claim should come first.
  const picks = Array.from({ length: queryCount }, (_, i) => claims[Math.floor(((i * 7919 + 13) % claims.length))]!);
  const queries = picks.map((claim) => {
    const words = [...new Set(claim.text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])].sort((a, b) => b.length - a.length);
    return { query: words.slice(0, 2).join(' '), url: claim.url, text: claim.text };
  });

  const server = await startStaticServer(site);
  const browser = await launchBrowser();
  const measured = built.map(() => ({ cold: [] as number[], warm: [] as number[], bytes: [] as number[], firstIsTheClaim: 0 }));
  const step = performance.now();
  try {
    // Layouts take turns query by query, so a machine that slows down or speeds up weighs on each alike.
    for (const [i, { query, url, text }] of queries.entries()) {
      for (const [l, layout] of built.entries()) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let bytes = 0;
        page.on('response', async (response) => {
          if (!response.url().includes('/pagefind/')) return;
          bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
        });
        await page.goto(`${server.origin}/`);
        const base = `/${layout.slots}/`;
        const timing = await page.evaluate(
          async ({ query, next, base, hits, shards, pagesRead, ranking }) => {
            const bundle = `${base}pagefind/`;
            const pagefind = await import(`${bundle}pagefind.js`);
            const claims = await import(hits);
            const opening = await import(shards);
            /** The best claim for `term`, as the search panel ranks them. */
            const firstClaim = async (term: string) => {
              const search = await pagefind.search(term);
              const results = (search?.results ?? []).filter((result: { words: number[] }) => result.words.length > 0).slice(0, pagesRead);
              const words = claims.queryWordCount(term);
              const read = await Promise.all(results.map(async (result: { data: () => Promise<unknown> }, index: number) => {
                const found = claims.claimsOfPage(result, await result.data(), words);
                return found.map((claim: { rank: number[] }) => ({ ...claim, rank: [...claim.rank, -index] }));
              }));
              return read.flat().sort(claims.compareClaims)[0]?.hit;
            };
            // As the search panel starts (search-claims.ts): the list of shards, then every shard opened and merged.
            const t0 = performance.now();
            const manifest = await (await fetch(`${bundle}shards.json`)).json();
            await opening.openShards(pagefind, manifest, new URL(bundle, location.href).href, 'en', { ranking, baseUrl: base });
            const first = await firstClaim(query);
            const coldMs = performance.now() - t0;
            const t1 = performance.now();
            await firstClaim(next);
            return { coldMs, warmMs: performance.now() - t1, firstUrl: first?.target ?? '', firstText: first?.text ?? '' };
          },
          { query, next: queries[(i + 1) % queries.length]!.query, base, hits: '/claims/search-claim-hits.js', shards: '/claims/search-shards.js', pagesRead: countedPages, ranking: searchRanking },
        );
        await page.waitForLoadState('networkidle');
        const into = measured[l]!;
        into.cold.push(timing.coldMs);
        into.warm.push(timing.warmMs);
        into.bytes.push(bytes);
        // Outlets share agency copy, so the first result may be the same sentence in another report.
        if (timing.firstUrl.replace(base, '/') === url || timing.firstText.trim() === text.trim()) into.firstIsTheClaim++;
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  say(`ran ${queries.length} queries on ${built.length} layouts in ${seconds(step)} s`);

  const rows: [string, string][] = [
    ['stories', String(storyCount)],
    ['reports', String(reportTotal)],
    ['claims', String(claims.length)],
    ['search records (report pages)', String(recordCount)],
    ['comparison, all stories', `${compareSeconds} s`],
  ];
  for (const [l, layout] of built.entries()) {
    const { cold, warm, bytes, firstIsTheClaim } = measured[l]!;
    rows.push(
      [`${layout.slots} shard slots (${layout.shards} shards)`, ''],
      ['  Pagefind indexing', `${layout.seconds} s`],
      ['  index on disk', `${(layout.index.bytes / 1e6).toFixed(1)} MB in ${layout.index.files} files`],
      ['    word index chunks', `${(layout.chunks.bytes / 1e6).toFixed(1)} MB in ${layout.chunks.files} files`],
      ['    report fragments', `${(layout.fragments.bytes / 1e6).toFixed(1)} MB in ${layout.fragments.files} files`],
      ['  first query: bytes fetched (median)', `${(median(bytes) / 1024).toFixed(0)} KB`],
      ['  first result, cold (median / p90)', `${median(cold).toFixed(0)} / ${percentile(cold, 0.9).toFixed(0)} ms`],
      ['  first result, warm (median / p90)', `${median(warm).toFixed(0)} / ${percentile(warm, 0.9).toFixed(0)} ms`],
      ['  the claim queried (or a copy) comes first', `${firstIsTheClaim} of ${queries.length}`],
    );
  }
  // Ratios of each layout to the first, query by query (the layouts ran back to back on each query).
  const last = measured.length - 1;
  const ratioOf = (l: number, kind: 'cold' | 'warm') => median(measured[l]![kind].map((ms, q) => ms / measured[0]![kind][q]!));
  const pairRatio = (kind: 'cold' | 'warm') => ratioOf(last, kind);
  for (const l of built.keys()) {
    if (l === 0) continue;
    rows.push([`${built[l]!.slots} slots against ${built[0]!.slots}, median of per-query ratios (cold / warm)`, `${ratioOf(l, 'cold').toFixed(2)} / ${ratioOf(l, 'warm').toFixed(2)}`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('');
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  const site_ = built[last]!;
  const { cold, warm, bytes } = measured[last]!;
  console.log(
    `bench-search: stories=${storyCount} records=${recordCount} claims=${claims.length} shards=${site_.shards} index-mb=${(site_.index.bytes / 1e6).toFixed(1)} ` +
      `first-query-kb=${(median(bytes) / 1024).toFixed(0)} cold-ms=${median(cold).toFixed(0)} warm-ms=${median(warm).toFixed(0)}` +
      (built.length > 1 ? ` cold-ratio=${pairRatio('cold').toFixed(2)} warm-ratio=${pairRatio('warm').toFixed(2)}` : ''),
  );
} finally {
  rmSync(site, { recursive: true, force: true });
}
