/**
 * `npm run bench:inputs [-- --timeout S] [--only NAME,NAME]`: how the comparison step copes with pathological but
 * possible report text (issue 19). Each family below writes one odd paragraph at two sizes, the second twice the
 * first; each size is compared once, as the build compares: compareStory of two reports (with the word vectors),
 * the first holding the paragraph and the second the family's paragraph at half that size (for a repeated unit,
 * the first half of the paragraph).
 *
 * Every run is a child process of its own with a time limit (`--timeout`, 30 s by default: the whole bench then
 * takes a few minutes even while many families are slow), so a family that hangs is reported as `timeout` and one
 * that throws or dies as `crash: <first line of the error>`, and the bench goes on; a family whose smaller size
 * times out is not run at the larger one. Only compareStory is timed: the child loads the vectors, compares a small
 * ordinary story first and collects garbage, so start-up, first-call and collection costs that are not the
 * family's stay out. The figure is the CPU time of the thread that compares (process.threadCpuUsage), which other
 * work on a shared machine hardly moves, where the wall clock doubles when another build runs; the wall clock is
 * printed beside it. Its first run warms the compiler to the input and is not counted; the size is then timed in
 * up to five batches of as many runs as take about 200 ms (fewer when they would take more than about five
 * seconds in all), and its fastest batch's time per run counts. One cold run, or one run of a few milliseconds,
 * varies by half, and a growth factor of that noise says nothing; a family slower than five seconds a run counts
 * its first run. The time limit is wall-clock, as a build meets it.
 *
 * Prints one line per family (the time at each size and the growth factor, larger over smaller) and, last,
 * exactly one line: `inputs: worst-growth=G worst-family=NAME worst-ms=T`. NAME is the worst family: one that
 * crashed at either size, else one that timed out, else the one with the largest growth factor; G is that
 * family's growth factor, or `crash` / `timeout`. T is the slowest time of any family at its larger size in ms,
 * or `timeout` when some family timed out there. A benchmark, not a test: it exits 0 unless the bench itself
 * breaks.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** A family: its odd paragraph for `n` (repetitions, depth, rows or characters, as `unit` says), and two sizes. */
interface Family {
  name: string;
  unit: string;
  sizes: [number, number];
  paragraph: (n: number) => string;
}

const REPEATS: [number, number] = [2000, 4000];
const repeat = (name: string, text: string): Family => ({ name, unit: 'repetitions', sizes: REPEATS, paragraph: (n) => text.repeat(n) });

const families: Family[] = [
  // The issue's table, in its order.
  repeat('timeline', 'On Monday, 5 September 2021, and Tuesday, 6 September 2021, '),
  repeat('attributions', 'according to the minister, said the spokesperson, '),
  repeat('initials', 'A. B. C. D. '),
  repeat('titles', 'Mr. '),
  repeat('emphasis-markers', '*_'),
  // Each tag opens before a word: a report of tags alone has no sentence, which the build reports as such.
  repeat('unclosed-tags', '<b>bold '),
  { name: 'no-spaces', unit: 'characters', sizes: [50_000, 100_000], paragraph: (n) => letters(n) },
  { name: 'dots', unit: 'characters', sizes: [25_000, 50_000], paragraph: (n) => '.'.repeat(n) },
  { name: 'zero-width-spaces', unit: 'characters', sizes: [15_000, 30_000], paragraph: (n) => '\u200B'.repeat(n) },
  { name: 'nested-parentheses', unit: 'levels', sizes: [10_000, 20_000], paragraph: (n) => `${'('.repeat(n)}x${')'.repeat(n)}` },
  // Found worth adding: deep or huge markup, and one sentence or paragraph crowded with what the steps look for.
  { name: 'deep-blockquotes', unit: 'levels', sizes: REPEATS, paragraph: (n) => `${'> '.repeat(n)}The quote ends here.` },
  { name: 'deep-list', unit: 'levels', sizes: REPEATS, paragraph: (n) => `${'- '.repeat(n)}The item ends here.` },
  { name: 'nested-spans', unit: 'levels', sizes: REPEATS, paragraph: (n) => `${'<span>'.repeat(n)}Text${'</span>'.repeat(n)}` },
  { name: 'unclosed-brackets', unit: 'repetitions', sizes: REPEATS, paragraph: (n) => '[a '.repeat(n) },
  {
    name: 'long-list',
    unit: 'items',
    sizes: REPEATS,
    paragraph: (n) => Array.from({ length: n }, (_, i) => `- Item ${i + 1} was reported by the agency.`).join('\n'),
  },
  {
    name: 'gfm-table',
    unit: 'rows',
    sizes: REPEATS,
    paragraph: (n) =>
      ['| District | Votes | Share |', '| --- | ---: | ---: |', ...Array.from({ length: n }, (_, i) => `| District ${i + 1} | ${1000 + i} | ${(i % 97) + 0.5}% |`)].join('\n'),
  },
  {
    name: 'footnotes',
    unit: 'notes',
    sizes: REPEATS,
    paragraph: (n) =>
      [
        Array.from({ length: n }, (_, i) => `Claim ${i + 1} has a source.[^${i + 1}]`).join(' '),
        ...Array.from({ length: n }, (_, i) => `[^${i + 1}]: Source number ${i + 1}.`),
      ].join('\n\n'),
  },
  repeat('quotations', 'She said “we will stay.” He said ‘no.’ They said "never." '),
  repeat('numbers', 'rose 3.5% to 1,234 from 987 in 2019, '),
  repeat('names', 'Anna Berg, Omar Haddad and Li Wei met Gen. Ivan Petrov, '),
  repeat('repeated-sentence', 'Prices rose sharply in the city on Monday. '),
];

function letters(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: n }, (_, i) => alphabet[i % alphabet.length]).join('');
}

/** What a child prints on its last line of stdout. */
type ChildResult = { ms: number; wallMs: number; claims: number; matches: number } | { error: string };

/** Child mode (`--child NAME N`): compares the family's two reports once and prints a ChildResult as JSON. */
async function runChild(name: string, n: number): Promise<void> {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`no family named ${name}`);
  const { compareStory } = await import('../src/pipeline/compare-story.ts');
  const { loadWordVectors } = await import('../src/build/word-vectors-file.ts');
  const vectors = loadWordVectors();
  const story = (first: string, second: string) => ({
    slug: 'bench-inputs',
    title: 'Bench',
    summary: 'Pathological input',
    date: new Date('2021-09-06T00:00:00Z'),
    reports: [report('first', first, 0), report('second', second, 1)],
  });
  compareStory(story('Prices rose sharply in the city on Monday.', 'Prices rose in the city on Monday, officials said.'), { vectors });
  const input = story(family.paragraph(n), family.paragraph(Math.floor(n / 2)));
  let result: ChildResult;
  // What the warm-up and the generation left for the collector is not the comparison's to pay for.
  (globalThis as { gc?: () => void }).gc?.();
  try {
    // One run of a few milliseconds varies by half from run to run (the compiler, the collector), so a fast family
    // is timed in batches of runs that each take about BATCH_MS, and the fastest batch's time per run counts.
    const time = (runs: number) => {
      const [started, cpu] = [performance.now(), process.threadCpuUsage()];
      for (let run = 0; run < runs; run++) comparison = compareStory(input, { vectors });
      const used = process.threadCpuUsage(cpu);
      return { cpu: (used.user + used.system) / 1000 / runs, wall: (performance.now() - started) / runs };
    };
    let comparison: ReturnType<typeof compareStory> | undefined;
    // The first run warms the compiler to this input and is not counted, unless it is all the time allows.
    const first = time(1);
    let [best, bestWall] = [first.cpu, first.wall];
    if (first.wall < COUNTED_MS) {
      [best, bestWall] = [Infinity, Infinity];
      const runs = Math.min(MAX_BATCH_RUNS, Math.max(1, Math.ceil(BATCH_MS / Math.max(first.wall, 0.1))));
      const batches = Math.max(1, Math.min(BATCHES, Math.floor(COUNTED_MS / Math.max(first.wall * runs, 1))));
      for (let batch = 0; batch < batches; batch++) {
        (globalThis as { gc?: () => void }).gc?.();
        const { cpu, wall } = time(runs);
        [best, bestWall] = [Math.min(best, cpu), Math.min(bestWall, wall)];
      }
    }
    result = { ms: best, wallMs: bestWall, claims: comparison!.stats.claims, matches: comparison!.stats.matches };
  } catch (error) {
    result = { error: firstLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error)) };
  }
  console.log(JSON.stringify(result));
}

function report(slug: string, body: string, hour: number) {
  return {
    slug,
    outlet: slug === 'first' ? 'First Outlet' : 'Second Outlet',
    title: `The ${slug} report`,
    url: `https://example.com/${slug}`,
    published: new Date(Date.UTC(2021, 8, 6, hour)),
    lang: 'en',
    body,
    source: `bench-inputs/${slug}.md`,
  };
}

/** How long one batch of runs of a fast family takes, and how many batches are timed (see runChild). */
const BATCH_MS = 200;
const BATCHES = 5;
/** About how long the counted runs of one size may take: a slower family is timed on fewer batches, or on its first run. */
const COUNTED_MS = 5000;
const MAX_BATCH_RUNS = 500;

const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '(no message)';

/** One size of one family: a time in ms, or why there is none. */
type Outcome = { ms: number; wallMs: number; claims: number; matches: number } | { failure: 'timeout' } | { failure: 'crash'; message: string };

function runSize(family: Family, n: number, timeoutMs: number): Outcome {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', family.name, String(n)], {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { failure: 'timeout' };
  if (child.error) throw child.error;
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  let result: ChildResult | undefined;
  try {
    result = JSON.parse(last) as ChildResult;
  } catch {
    // The child died before it could say (out of memory, a fatal error): its stderr says why.
  }
  if (result && 'ms' in result) return result;
  if (result) return { failure: 'crash', message: result.error };
  const stderr = child.stderr.split('\n');
  const line = stderr.find((l) => /^(?:\w*Error\b|FATAL ERROR|Fatal)/.test(l.trim())) ?? firstLine(child.stderr);
  return { failure: 'crash', message: line.trim() || `exit ${child.status ?? child.signal}` };
}

const wallOf = (outcome: Outcome) => ('wallMs' in outcome ? Math.round(outcome.wallMs) : '-');

function describe(outcome: Outcome | undefined): string {
  if (!outcome) return 'not run';
  if ('ms' in outcome) return `${outcome.ms < 10 ? outcome.ms.toFixed(1) : Math.round(outcome.ms)} ms`;
  return outcome.failure === 'timeout' ? 'timeout' : `crash: ${outcome.message}`;
}

function main(): void {
  const { values } = parseArgs({ options: { timeout: { type: 'string', default: '30' }, only: { type: 'string' } } });
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) {
    console.error('usage: npm run bench:inputs -- [--timeout SECONDS] [--only NAME,NAME]');
    process.exit(2);
  }
  const wanted = values.only?.split(',');
  const unknown = wanted?.filter((name) => !families.some((f) => f.name === name)) ?? [];
  if (unknown.length > 0) {
    console.error(`Unknown family: ${unknown.join(', ')}. Choose from: ${families.map((f) => f.name).join(', ')}.`);
    process.exit(2);
  }
  const chosen = wanted ? families.filter((f) => wanted.includes(f.name)) : families;
  // CPU time is what a family costs; the wall clock, which other work on a shared machine stretches, is shown too.
  console.log(
    `${chosen.length} families, two sizes each, ${timeoutMs / 1000} s limit per run; times are compareStory's CPU ` +
      `time on its thread, fastest of ${BATCHES} batches of runs for a fast family (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
  );

  type Row = { family: Family; small: Outcome; large?: Outcome; growth?: number };
  const rows: Row[] = [];
  for (const family of chosen) {
    const [n1, n2] = family.sizes;
    const small = runSize(family, n1, timeoutMs);
    const large = 'failure' in small && small.failure === 'timeout' ? undefined : runSize(family, n2, timeoutMs);
    const growth = 'ms' in small && large && 'ms' in large ? large.ms / Math.max(small.ms, 1) : undefined;
    rows.push({ family, small, large, growth });
    const counts = large && 'ms' in large ? ` (${large.claims} claims, ${large.matches} matches; wall ${wallOf(small)}/${wallOf(large)} ms)` : '';
    console.log(
      `${family.name.padEnd(20)} ${String(n1).padStart(7)} ${family.unit}: ${describe(small).padEnd(10)} ` +
        `${String(n2).padStart(7)}: ${describe(large).padEnd(10)} growth ${growth === undefined ? '-' : `x ${growth.toFixed(2)}`}${counts}`,
    );
  }

  const failed = (row: Row, failure: 'crash' | 'timeout') =>
    [row.small, row.large].some((o) => o && 'failure' in o && o.failure === failure);
  const crashed = rows.find((row) => failed(row, 'crash'));
  const timedOut = rows.find((row) => failed(row, 'timeout'));
  const grown = rows.filter((row) => row.growth !== undefined).sort((x, y) => y.growth! - x.growth!)[0];
  const worst = crashed ?? timedOut ?? grown;
  const growth = crashed ? 'crash' : timedOut ? 'timeout' : grown ? grown.growth!.toFixed(2) : '-';
  // A family that timed out at its smaller size was not run at the larger one: it would have timed out there too.
  const atLarger = rows.map((row) => row.large ?? row.small);
  const slowest = atLarger.some((o) => 'failure' in o && o.failure === 'timeout')
    ? 'timeout'
    : String(Math.round(Math.max(0, ...atLarger.flatMap((o) => ('ms' in o ? [o.ms] : [])))));
  console.log(`inputs: worst-growth=${growth} worst-family=${worst?.family.name ?? '-'} worst-ms=${slowest}`);
}

if (process.argv[2] === '--child') {
  await runChild(process.argv[3]!, Number(process.argv[4]));
} else {
  main();
}
