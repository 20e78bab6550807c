import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { projectPaths } from '../helpers/project-paths.ts';
import { readContent } from '../helpers/read-content.ts';

/** What a build of a copy of the project needs; node_modules is linked, not copied. */
const projectFiles = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

function runAstroBuild(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(cwd, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('a broken content file', () => {
  const copy = mkdtempSync(join(tmpdir(), 'crossread-broken-'));
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('fails the build with a message naming the file and the field', { timeout: 300_000 }, async () => {
    for (const name of projectFiles) {
      const from = join(projectPaths.root, name);
      if (existsSync(from)) cpSync(from, join(copy, name), { recursive: true });
    }
    symlinkSync(join(projectPaths.root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const victim = readContent()[0]?.reports[0];
    assert.ok(victim, 'content/ has no report to break');
    const file = join(copy, victim.path);
    const source = readFileSync(file, 'utf8');
    const broken = source.replace(/^url:.*$/m, 'url: ftp://x');
    assert.notEqual(broken, source, `${victim.path} has no url line to break`);
    writeFileSync(file, broken);

    const { code, output } = await runAstroBuild(copy);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.notEqual(code, 0, `the build succeeded despite a bad url in ${victim.path}`);
    assert.ok(plain.includes(basename(victim.path)), `the build output does not name ${basename(victim.path)}:\n${plain.slice(-3000)}`);
    assert.match(plain, /\burl\b/, `the build output does not name the url field:\n${plain.slice(-3000)}`);
  });
});
