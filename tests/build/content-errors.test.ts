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

describe('a damaged claim ledger', () => {
  const copy = mkdtempSync(join(tmpdir(), 'crossread-ledger-'));
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('fails the build with a message naming the ledger file and the repeated id', { timeout: 300_000 }, async () => {
    copyProject(copy);
    const story = readContent()[0];
    assert.ok(story, 'content/ has no story');
    const file = join(copy, 'content', 'stories', story.slug, 'claim-ledger.json');
    const ledger = JSON.parse(readFileSync(file, 'utf8')) as { reports: Record<string, { claims: { id: string }[]; removed: unknown[] }> };
    const [report] = Object.values(ledger.reports);
    assert.ok(report && report.claims.length > 1, 'the ledger has no claims to repeat');
    report.removed.push({ ...report.claims[0]!, text: 'An invented sentence.' });
    writeFileSync(file, JSON.stringify(ledger));

    const { code, output } = await runNodeBin(copy, 'astro/bin/astro.mjs', ['build']);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.notEqual(code, 0, 'the build succeeded despite a repeated id in the ledger');
    assert.ok(plain.includes(`${story.slug}/claim-ledger.json`), `the output does not name the ledger file:\n${plain.slice(-3000)}`);
    assert.ok(plain.includes(`"${report.claims[0]!.id}" appears twice`), `the output does not name the id:\n${plain.slice(-3000)}`);
  });
});
