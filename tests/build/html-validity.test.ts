import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { listPages } from '../helpers/read-dist.ts';

/** The checker's jar, from the vnu-jar package (whose own entry point has no types; the path is all it gives). */
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of the Nu Html Checker's JSON output (only the fields reported here). */
interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/**
 * Runs the Nu Html Checker once over every page of `dist` (one Java process for the whole tree) and returns
 * its errors as `file:line:column: message` lines, file relative to `dist`; empty when every page is valid.
 *
 * `--errors-only` drops warnings and info, so nothing else is filtered. Among the warnings it drops is one to
 * know about: checked from file: URLs, every /_astro/ script and stylesheet "violates" the pages' CSP meta,
 * because a file: page has no origin for 'self' to match; served over http the same files are allowed.
 * Pages are passed by name, not as a folder, so no page can be skipped unnoticed.
 */
async function htmlErrors(dist: string): Promise<string[]> {
  // Names relative to dist (the checker runs there) keep the command line short on a large site.
  const pages = listPages(dist).map((page) => page.file);
  assert.ok(pages.length > 0, `${dist} has no pages: was the site built?`);
  const args = ['-jar', vnuJar, '--format', 'json', '--stdout', '--errors-only', '--skip-non-html', ...pages];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('java', args, { cwd: dist, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('java is not on PATH: the HTML check runs the Nu Html Checker on Java (`npm test` installs it as root; otherwise `apt-get install default-jre-headless`).')
          : error,
      ),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`the Nu Html Checker gave no report (exit code ${code}):\n${stdout}\n${stderr}`.slice(0, 4000));
  }
  const errors = messages.filter((message) => message.type === 'error' || message.type === 'non-document-error');
  // Exit code 1 means "errors reported"; anything else, or 1 with no error listed, is the checker failing.
  assert.ok(code === 0 || (code === 1 && errors.length > 0), `the Nu Html Checker exited with ${code}:\n${stderr.slice(0, 4000)}`);
  return errors.map((error) => {
    const file = error.url ? relative(dist, fileURLToPath(error.url)).split(sep).join('/') : '(no file)';
    const line = error.firstLine ?? error.lastLine ?? '?';
    const extract = error.extract ? `\n    ${error.extract.replace(/\s+/g, ' ')}` : '';
    return `${file}:${line}:${error.firstColumn ?? '?'}: ${error.message}${extract}`;
  });
}

describe('the HTML of every page', () => {
  let fixtureDist: string;
  before(async () => {
    fixtureDist = (await buildFixtureSite()).dist;
  }, { timeout: 300_000 });

  test('every page of the site is valid HTML for the Nu Html Checker', { timeout: 120_000 }, async () => {
    assert.deepEqual(await htmlErrors(projectPaths.dist), []);
  });

  test('every page of the site built with the fixture stories is valid HTML for the Nu Html Checker', { timeout: 120_000 }, async () => {
    assert.deepEqual(await htmlErrors(fixtureDist), []);
  });
});
