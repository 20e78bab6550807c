import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { copyProject, runNodeBin } from '../helpers/build-fixture-site.ts';
import { readContent } from '../helpers/read-content.ts';

describe('a broken content file', () => {
  const copy = mkdtempSync(join(tmpdir(), 'crossread-broken-'));
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('fails the build with a message naming the file and the field', { timeout: 300_000 }, async () => {
    copyProject(copy);
    const victim = readContent()[0]?.reports[0];
    assert.ok(victim, 'content/ has no report to break');
    const file = join(copy, victim.path);
    const source = readFileSync(file, 'utf8');
    const broken = source.replace(/^url:.*$/m, 'url: ftp://x');
    assert.notEqual(broken, source, `${victim.path} has no url line to break`);
    writeFileSync(file, broken);

    const { code, output } = await runNodeBin(copy, 'astro/bin/astro.mjs', ['build']);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.notEqual(code, 0, `the build succeeded despite a bad url in ${victim.path}`);
    assert.ok(plain.includes(basename(victim.path)), `the build output does not name ${basename(victim.path)}:\n${plain.slice(-3000)}`);
    assert.match(plain, /\burl\b/, `the build output does not name the url field:\n${plain.slice(-3000)}`);
  });
});
