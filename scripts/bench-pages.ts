/**
 * Page speed: `npm run bench:pages [-- --runs R] [--dist <folder>]` runs Lighthouse's performance category
 * (its mobile settings: a mid-range phone on a slow 4G line, simulated) in Debian's Chromium on the pages people
 * land on, as they are in the built site (dist/ by default; this builds nothing): the home page, the first
 * story's page and one of its claims. Each page is audited R times (default 3); the table gives the median
 * score and timings. Lighthouse's accessibility, best-practice and SEO scores are held by `npm test`; speed is
 * measured here because it depends on how busy the machine is.
 * Ends with one line: `bench-pages: home=… story=… claim=…` (median performance scores).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lighthouseMetrics, startLighthouseBrowser, type LighthouseMetric } from '../tests/helpers/lighthouse.ts';
import { matchedClaim } from '../tests/helpers/pick-claims.ts';
import { readAllComparisons } from '../tests/helpers/read-comparison.ts';
import { startStaticServer } from '../tests/helpers/start-static-server.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, dist: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run bench:pages -- [--runs R] [--dist <folder>]');
  process.exit(2);
}
const dist = resolve(values.dist ?? join(import.meta.dirname, '..', 'dist'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bench-pages: ${dist} holds no built site: run npm run build first`);
  process.exit(1);
}

const [story] = readAllComparisons(dist);
if (!story) {
  console.error(`bench-pages: ${dist} has no story`);
  process.exit(1);
}
const claim = matchedClaim(story);
const pages = [
  { name: 'home', path: '/' },
  { name: 'story', path: `/stories/${story.slug}/` },
  // A claim's permalink: the story page at the claim, its detail open.
  ...(claim ? [{ name: 'claim', path: claim.context }] : []),
];

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const shown: Record<LighthouseMetric, (value: number) => string> = {
  'first-contentful-paint': (ms) => `${(ms / 1000).toFixed(2)} s`,
  'largest-contentful-paint': (ms) => `${(ms / 1000).toFixed(2)} s`,
  'total-blocking-time': (ms) => `${Math.round(ms)} ms`,
  'cumulative-layout-shift': (shift) => shift.toFixed(3),
  'speed-index': (ms) => `${(ms / 1000).toFixed(2)} s`,
};

const server = await startStaticServer(dist);
const browser = await startLighthouseBrowser();
const rows: { name: string; path: string; score: number; metrics: Partial<Record<LighthouseMetric, number>> }[] = [];
try {
  for (const page of pages) {
    const results = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = await browser.audit(new URL(page.path, server.origin).href, ['performance']);
      console.log(`[bench-pages] ${page.name} run ${run}/${runs}: performance ${result.scores.performance}`);
      results.push(result);
    }
    const metrics: Partial<Record<LighthouseMetric, number>> = {};
    for (const metric of lighthouseMetrics) {
      const measured = results.flatMap((result) => (result.metrics[metric] === undefined ? [] : [result.metrics[metric]]));
      if (measured.length > 0) metrics[metric] = median(measured);
    }
    rows.push({ ...page, score: median(results.map((result) => result.scores.performance ?? 0)), metrics });
  }
} finally {
  // The server closes even when the browser fails to, or the bench would never end.
  try {
    await browser.close();
  } finally {
    await server.close();
  }
}

console.log(`\nLighthouse performance, median of ${runs} run${runs === 1 ? '' : 's'} (simulated mobile, slow 4G):`);
console.table(
  rows.map((row) => ({
    page: `${row.name} ${row.path}`,
    score: row.score,
    ...Object.fromEntries(lighthouseMetrics.map((metric) => [metric, row.metrics[metric] === undefined ? '' : shown[metric](row.metrics[metric])])),
  })),
);
console.log(`bench-pages: ${rows.map((row) => `${row.name}=${row.score}`).join(' ')}`);
