/**
 * Build speed and memory at scale: `npm run bench -- --stories N` (default 1,000).
 * Generates N synthetic stories (see synthetic-stories.ts; the first has ten reports, so the largest page is
 * measured) into a temporary copy of the project, then measures, in one run: a plain Astro build of the same
 * report files (plain-astro-site.ts), the full build from cold (`astro build`, the search index built beside
 * its pages, with no cache of any earlier build), a second build with nothing changed (caches kept), and a build after one report
 * is edited (caches kept). Prints progress, a figures table and, last, exactly one line:
 * `bench: cold-ratio=C warm-ratio=W edit-ratio=E files=F dist-mb=D page-kb=P js-kb=J peak-mb=M`
 * C, W and E = the full, unchanged and edited builds, each divided by the plain Astro build; F and D = files and
 * megabytes (10^6 bytes) in dist/ after the edited build; P = the largest story page's HTML and CSS (gzip; the
 * table gives the median too); J = the most JavaScript a story page runs before search opens (gzip);
 * M = peak memory of any build (the process and its children).
 * `--keep` leaves the temporary folder for a look.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pageWeight } from './page-weight.ts';
import { writePlainAstroSite } from './plain-astro-site.ts';
import { watchPeakMemory } from './process-tree-memory.ts';
import { writeSyntheticStories } from './generate-stories.ts';

const { values } = parseArgs({
  options: { stories: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, keep: { type: 'boolean', default: false } },
});
const storyCount = Number(values.stories);
if (!Number.isInteger(storyCount) || storyCount < 2) {
  console.error('usage: npm run bench -- [--stories N (at least 2)] [--seed S] [--keep]');
  process.exit(2);
}

const root = join(import.meta.dirname, '..');
const say = (message: string) => console.log(`[bench] ${message}`);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;

interface Run {
  seconds: number;
  peakBytes: number;
  output: string;
}

/** Runs a Node script of the project in `cwd`; says how long it has run every 30 s; throws with its output when it fails. */
function runStep(label: string, cwd: string, script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = watchPeakMemory(child.pid!);
    const ticker = setInterval(() => say(`  ${label}: ${Math.round((performance.now() - started) / 1000)} s so far`), 30_000);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(ticker);
      const run = { seconds: (performance.now() - started) / 1000, peakBytes: memory.stop(), output };
      if (code === 0) resolve(run);
      else reject(new Error(`${label} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** node_modules for a copy: a folder of links to the project's packages, so build caches stay in the copy. */
function linkModules(to: string): void {
  const from = join(root, 'node_modules');
  mkdirSync(join(to, 'node_modules'));
  for (const name of readdirSync(from)) {
    if (name === '.cache' || name === '.astro') continue;
    symlinkSync(join(from, name), join(to, 'node_modules', name));
  }
}

const astroBin = join('node_modules', 'astro', 'bin', 'astro.mjs');

/** The site's own build, as `npm run build` runs it: `astro build`, the search index built beside its pages. */
interface Build {
  total: number;
  comparison: number;
  astro: number;
  /** The search index step's own time (beside the pages), and the part of the build that waited for it after them. */
  pagefind: number;
  pagefindAfter: number;
  /** Shards the search index step indexed, and how many the index has. */
  shardsIndexed: string;
  peakBytes: number;
}

async function buildSite(label: string, site: string): Promise<Build> {
  const astro = await runStep(`${label}, astro build`, site, astroBin, ['build']);
  const compared = /\[crossread\] compared (\d+) of (\d+) stories.* in ([\d.]+) s/.exec(astro.output);
  if (!compared) throw new Error(`${label}: the build did not say how long the comparison took:\n${astro.output.slice(-2000)}`);
  const index = /search index: .* in (\d+) shards? \((\d+) indexed.* in ([\d.]+) s beside the pages; written ([\d.]+) s after/.exec(astro.output);
  if (!index) throw new Error(`${label}: the build did not say what the search index step indexed:\n${astro.output.slice(-2000)}`);
  const comparison = Number(compared[3]);
  const [pagefind, pagefindAfter] = [Number(index[3]), Number(index[4])];
  say(
    `  ${label}: compared ${compared[1]} of ${compared[2]} stories in ${comparison.toFixed(1)} s; astro build ${astro.seconds.toFixed(1)} s, ` +
      `search index ${pagefind.toFixed(1)} s beside the pages, ${pagefindAfter.toFixed(1)} s after them (${index[2]} of ${index[1]} shards indexed)`,
  );
  return {
    total: astro.seconds,
    comparison,
    astro: astro.seconds - comparison - pagefindAfter,
    pagefind,
    pagefindAfter,
    shardsIndexed: `${index[2]} of ${index[1]}`,
    peakBytes: astro.peakBytes,
  };
}

const work = mkdtempSync(join(tmpdir(), 'crossread-bench-'));
const site = join(work, 'site');
const plain = join(work, 'plain');
say(`working in ${work}${values.keep ? ', kept afterwards' : ''} (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB)`);

try {
  for (const name of ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, name), join(site, name), { recursive: true });
  }
  linkModules(site);
  const stories = join(site, 'content', 'stories');
  const written = writeSyntheticStories(stories, storyCount, Number(values.seed));
  say(`generated ${storyCount} stories: ${written.reports} reports, ${written.words.toLocaleString('en')} words`);

  writePlainAstroSite(plain, stories);
  linkModules(plain);
  say('plain Astro build (one page per report, no comparison)…');
  const baseline = await runStep('plain astro build', plain, astroBin, ['build']);
  say(`  plain Astro build: ${baseline.seconds.toFixed(1)} s`);

  say('full build, from cold…');
  const full = await buildSite('full build', site);
  say('second build, nothing changed…');
  const warm = await buildSite('unchanged build', site);

  // One report of one story gains a sentence, as a correction would add one.
  const story = readdirSync(stories).sort()[Math.floor(storyCount / 2)]!;
  const report = readdirSync(join(stories, story)).filter((name) => name.endsWith('.md')).sort()[0]!;
  appendFileSync(join(stories, story, report), '\nThis report was updated after publication with new figures from officials.\n');
  say(`edited ${story}/${report}; build…`);
  const edited = await buildSite('edited build', site);

  const dist = join(site, 'dist');
  let claims = 0;
  let matches = 0;
  let reports = 0;
  const weights = readdirSync(join(dist, 'stories')).map((slug) => {
    const published = JSON.parse(readFileSync(join(dist, 'stories', slug, 'comparison.json'), 'utf8')) as {
      articles: { claims: unknown[] }[];
      matches: unknown[];
    };
    reports += published.articles.length;
    claims += published.articles.reduce((sum, article) => sum + article.claims.length, 0);
    matches += published.matches.length;
    return { slug, reports: published.articles.length, ...pageWeight(dist, `/stories/${slug}/`) };
  });
  const largest = weights.reduce((a, b) => (b.pageBytes > a.pageBytes ? b : a));
  const pageKb = median(weights.map((weight) => weight.pageBytes)) / 1024;
  const largestPageKb = largest.pageBytes / 1024;
  const jsKb = Math.max(...weights.map((weight) => weight.scriptBytes)) / 1024;
  const builds = [full, warm, edited];
  const peakMb = Math.max(...builds.map((build) => build.peakBytes)) / 2 ** 20;
  const [coldRatio, warmRatio, editRatio] = builds.map((build) => build.total / baseline.seconds) as [number, number, number];
  const distFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((name) => statSync(join(dist, name))).filter((stats) => stats.isFile());
  const distMb = distFiles.reduce((sum, stats) => sum + stats.size, 0) / 1e6;
  const searchFiles = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dist, 'pagefind', name)).isFile()).length;

  const buildRows = (name: string, build: Build): [string, string][] => [
    [name, `${build.total.toFixed(1)} s (${(build.total / baseline.seconds).toFixed(2)} x plain)`],
    ['  comparison step', `${build.comparison.toFixed(1)} s`],
    ['  Astro (content layer, bundling, render)', `${build.astro.toFixed(1)} s`],
    ['  search index, beside the pages', `${build.pagefind.toFixed(1)} s (${build.shardsIndexed} shards indexed)`],
    ['  search index, after the pages', `${build.pagefindAfter.toFixed(1)} s, ${((100 * build.pagefindAfter) / build.total).toFixed(0)} % of the build`],
  ];
  const rows: [string, string][] = [
    ['machine', `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`],
    ['stories / reports / claims / matches', `${storyCount} / ${reports} / ${claims} / ${matches}`],
    ['words', written.words.toLocaleString('en')],
    ['plain Astro build (one page per report)', `${baseline.seconds.toFixed(1)} s, peak ${(baseline.peakBytes / 2 ** 20).toFixed(0)} MB`],
    ...buildRows('full build, from cold', full),
    ...buildRows('second build, nothing changed', warm),
    ...buildRows('build after one report edited', edited),
    ['peak memory (full / unchanged / edited)', builds.map((build) => (build.peakBytes / 2 ** 20).toFixed(0)).join(' / ') + ' MB'],
    ['dist/', `${distFiles.length} files (${searchFiles} of them the search index), ${distMb.toFixed(1)} MB`],
    ['story page, HTML + CSS gzip (median / largest)', `${pageKb.toFixed(1)} / ${largestPageKb.toFixed(1)} KB (largest: ${largest.slug}, ${largest.reports} reports)`],
    ['story page JavaScript before search, gzip (most)', `${jsKb.toFixed(1)} KB`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n| ${'figure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | --- |`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
  console.log(
    `bench: cold-ratio=${coldRatio.toFixed(2)} warm-ratio=${warmRatio.toFixed(2)} edit-ratio=${editRatio.toFixed(2)} ` +
      `files=${distFiles.length} dist-mb=${distMb.toFixed(1)} page-kb=${largestPageKb.toFixed(1)} js-kb=${jsKb.toFixed(1)} peak-mb=${peakMb.toFixed(0)}`,
  );
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
