#!/usr/bin/env node
/**
 * First-run set-up for `npm start` and `npm test`, so a fresh clone needs no other command.
 * Plain JavaScript on purpose: it runs on the system Node (20) before node_modules, and with it the
 * project's Node 22, exists.
 *
 * - Installs dependencies when node_modules is missing or older than package.json / package-lock.json.
 * - With `--browser`: makes sure Debian's Chromium is at /usr/bin/chromium (browser tests drive it; no
 *   browser download is possible), installing it with apt-get when running as root; and that `java` is on
 *   PATH (the HTML validity test runs the Nu Html Checker, vnu.jar, on it), installing Debian's
 *   default-jre-headless the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = '/usr/bin/chromium';
/** Written after each install this script runs: npm leaves node_modules untouched when nothing changed. */
const installStamp = join(root, 'node_modules', '.crossread-installed');

function say(message) {
  console.log(`[setup] ${message}`);
}

function run(command, args, env = {}) {
  say(`running: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[setup] "${command} ${args.join(' ')}" failed with exit code ${result.status}.`);
    process.exit(result.status ?? 1);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function dependenciesAreStale() {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) return 'node_modules is missing';
  const installed = Math.max(mtime(join(modules, '.package-lock.json')), mtime(installStamp));
  const declared = Math.max(mtime(join(root, 'package.json')), mtime(join(root, 'package-lock.json')));
  if (declared > installed) return 'package.json or package-lock.json changed since the last install';
  return undefined;
}

function ensureDependencies() {
  const reason = dependenciesAreStale();
  if (!reason) {
    say('dependencies are installed and up to date.');
    return;
  }
  say(`installing dependencies (${reason}).`);
  // `npm ci` is refused by the registry this project uses, so install from the lock file this way.
  run('npm', ['install', '--no-audit', '--no-fund']);
  writeFileSync(installStamp, `${new Date().toISOString()}\n`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function ensureChromium() {
  if (existsSync(chromium)) {
    say(`Chromium found at ${chromium}.`);
    return;
  }
  if (!isRoot()) {
    console.error(
      `[setup] The browser tests need Debian's Chromium at ${chromium}, and it is not installed.\n` +
        '[setup] Install it, then run the command again:\n' +
        '[setup]   sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium',
    );
    process.exit(1);
  }
  say(`Chromium is missing; installing Debian's chromium package.`);
  const noPrompts = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], noPrompts);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], noPrompts);
  if (!existsSync(chromium)) {
    console.error(`[setup] apt-get finished but ${chromium} is still missing.`);
    process.exit(1);
  }
}

/** The first `java` on PATH, or undefined. */
function findJava() {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, 'java'))
    .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function ensureJava() {
  const found = findJava();
  if (found) {
    say(`Java found at ${found}.`);
    return;
  }
  if (!isRoot()) {
    console.error(
      '[setup] The HTML validity test runs the Nu Html Checker on Java, and `java` is not on PATH.\n' +
        '[setup] Install it, then run the command again:\n' +
        '[setup]   sudo apt-get update && sudo apt-get install -y --no-install-recommends default-jre-headless',
    );
    process.exit(1);
  }
  say(`Java is missing; installing Debian's default-jre-headless package.`);
  const noPrompts = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], noPrompts);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'default-jre-headless'], noPrompts);
  if (!findJava()) {
    console.error('[setup] apt-get finished but `java` is still not on PATH.');
    process.exit(1);
  }
}

ensureDependencies();
if (process.argv.includes('--browser')) {
  ensureChromium();
  ensureJava();
}
