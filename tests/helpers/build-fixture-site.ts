import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectPaths } from './project-paths.ts';

/** What a build of a copy of the project needs; node_modules is linked, not copied. */
export const projectFiles = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Story folders that only tests build: each is added to the copy's content/stories/. */
export const fixtureStories = join(projectPaths.root, 'tests', 'fixtures', 'stories');

export interface BuiltCopy {
  root: string;
  dist: string;
}

/**
 * Runs a command of node_modules (a Node script, path relative to node_modules) in `cwd`, collecting its output;
 * `env` adds to the environment.
 */
export function runNodeBin(
  cwd: string,
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return runNodeScript(cwd, join('node_modules', ...script.split('/')), args, env);
}

/** Runs the Node script at `script` (relative to `cwd`) in `cwd`, collecting its output; `env` adds to the environment. */
export function runNodeScript(
  cwd: string,
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(cwd, script), ...args], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Copies the project into `to` (node_modules linked), ready to build. */
export function copyProject(to: string): void {
  for (const name of projectFiles) {
    const from = join(projectPaths.root, name);
    if (existsSync(from)) cpSync(from, join(to, name), { recursive: true });
  }
  symlinkSync(join(projectPaths.root, 'node_modules'), join(to, 'node_modules'), 'dir');
}

function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(hash, join(path, name));
    return;
  }
  hash.update(path).update(readFileSync(path));
}

/** A key that changes whenever anything the copy is built from changes: the project and `extraInputs`. */
function inputsKey(name: string, extraInputs: string[]): string {
  const hash = createHash('sha256').update(name);
  for (const input of [...projectFiles, ...extraInputs]) hashTree(hash, join(projectPaths.root, input));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Runs `astro build` (which builds the search index too) in `root`, with `env` added to the environment, and
 * returns what it printed; throws with the build output when it fails.
 */
export async function buildIn(root: string, { env = {} }: { env?: Record<string, string> } = {}): Promise<string> {
  const astro = await runNodeBin(root, 'astro/bin/astro.mjs', ['build'], env);
  if (astro.code !== 0) throw new Error(`the site in ${root} did not build:\n${astro.output.slice(-4000)}`);
  return astro.output;
}

/**
 * A copy of the project, made ready by `prepare` (which gets the copy's root and builds what it needs), kept
 * under the temp folder and shared: a copy made from the same inputs (the project, plus `extraInputs`,
 * paths from the project root) is reused, and when several test processes ask at once one prepares it while
 * the others wait. Copies made from older inputs are deleted.
 */
export async function preparedCopy(name: string, extraInputs: string[], prepare: (root: string) => Promise<void>): Promise<BuiltCopy> {
  const prefix = `crossread-${name}-`;
  const root = join(tmpdir(), `${prefix}${inputsKey(name, extraInputs)}`);
  const done = join(root, '.built');
  const lock = `${root}.lock`;
  const deadline = Date.now() + 300_000;
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for another process to build ${root} (${lock})`);
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(done)) break;
      const work = `${root}.work-${process.pid}`;
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work);
      copyProject(work);
      await prepare(work);
      rmSync(root, { recursive: true, force: true });
      renameSync(work, root);
      writeFileSync(done, new Date().toISOString());
      for (const other of readdirSync(tmpdir())) {
        const path = join(tmpdir(), other);
        if (other.startsWith(prefix) && /^[0-9a-f]{16}$/.test(other.slice(prefix.length)) && path !== root && !existsSync(`${path}.lock`)) {
          rmSync(path, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { root, dist: join(root, 'dist') };
}

/**
 * Builds (astro, then Pagefind) a copy of the project in which every folder of tests/fixtures/stories/ is a
 * story under content/stories/, and returns where it is (shared and reused: see preparedCopy).
 */
export function buildFixtureSite(): Promise<BuiltCopy> {
  return preparedCopy('fixture-site', ['tests/fixtures/stories'], async (work) => {
    for (const story of readdirSync(fixtureStories)) {
      cpSync(join(fixtureStories, story), join(work, 'content', 'stories', story), { recursive: true });
    }
    await buildIn(work);
  });
}
