/**
 * The test runner behind `npm test`: builds the site when dist/ is stale, then runs Node's test runner over
 * the chosen suites (all of them by default, after a type check: `node scripts/test.ts [unit] [build] [e2e]`). Exits with the
 * tests' exit code.
 *
 * dist/ counts as stale when its last build step's output (dist/pagefind/pagefind.js) is missing or older
 * than any file the site is built from: src/, content/, public/, astro.config.mjs, package.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suites = ['unit', 'build', 'e2e'] as const;
type Suite = (typeof suites)[number];

const buildInputs = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];
const buildOutput = join(root, 'dist', 'pagefind', 'pagefind.js');

function newestChange(path: string): { time: number; path: string } {
  if (!existsSync(path)) return { time: 0, path };
  const stats = statSync(path);
  if (!stats.isDirectory()) return { time: stats.mtimeMs, path };
  let newest = { time: stats.mtimeMs, path };
  for (const name of readdirSync(path)) {
    const candidate = newestChange(join(path, name));
    if (candidate.time > newest.time) newest = candidate;
  }
  return newest;
}

/** Why the site needs building, or undefined when dist/ is up to date. */
function staleReason(): string | undefined {
  if (!existsSync(buildOutput)) return 'dist/ has not been built';
  const built = statSync(buildOutput).mtimeMs;
  for (const input of buildInputs) {
    const changed = newestChange(join(root, input));
    if (changed.time > built) return `${relative(root, changed.path)} changed since the last build`;
  }
  return undefined;
}

function testFiles(suite: Suite): string[] {
  const folder = join(root, 'tests', suite);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => relative(root, join(folder, name)));
}

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(suites as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown test suite: ${unknown.join(', ')}. Choose from: ${suites.join(', ')}.`);
  process.exit(2);
}
const chosen: Suite[] = asked.length > 0 ? (asked as Suite[]) : [...suites];
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

if (chosen.some((suite) => suite !== 'unit')) {
  const reason = staleReason();
  if (reason) {
    console.log(`[test] building the site (${reason}).`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
    if (build.status !== 0) {
      console.error('[test] the build failed; no tests were run.');
      process.exit(build.status ?? 1);
    }
  } else {
    console.log('[test] dist/ is up to date; not rebuilding.');
  }
}

if (asked.length === 0) {
  // The whole suite also type-checks the TypeScript that Node runs by stripping types without checking them.
  console.log('[test] type-checking (tsc --noEmit).');
  const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: root, stdio: 'inherit', env });
  if (typecheck.status !== 0) {
    console.error('[test] type errors; no tests were run.');
    process.exit(typecheck.status ?? 1);
  }
}

const files = chosen.flatMap(testFiles);
if (files.length === 0) {
  console.error(`[test] no *.test.ts files under tests/${chosen.join(', tests/')}.`);
  process.exit(1);
}
console.log(`[test] running ${files.length} test files from tests/${chosen.join(', tests/')}.`);
// Browser test files each start a Chromium; two files at a time keeps small CI machines responsive.
const result = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
