import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const sentences = [
  'The harbour bridge in Lindenport reopened on Tuesday after eleven months of repairs.',
  'The city council said the repairs cost 4.2 million euros.',
  'Traffic was light on the first morning, and cyclists welcomed the new lanes.',
];

/** Writes a story folder into the copy's content/stories/: story.yaml and one report file per entry of `reports`. */
function addStory(root: string, slug: string, reports: Record<string, { body: string; published?: string }>): void {
  const folder = join(root, 'content', 'stories', slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.yaml'), `title: ${slug}\nsummary: The bridge reopened.\ndate: 2024-03-05\n`);
  for (const [name, { body, published = '2024-03-05' }] of Object.entries(reports)) {
    const frontmatter = `title: ${name} reports\noutlet: ${name}\nurl: https://${name.toLowerCase()}.example/bridge\npublished: ${published}`;
    writeFileSync(join(folder, `${name}.md`), `---\n${frontmatter}\n---\n\n${body}\n`);
  }
}

describe('content with several problems', () => {
  const copy = mkdtempSync(join(tmpdir(), 'crossread-problems-'));
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('fails the build with one message naming every faulty file and what to do about it', { timeout: 300_000 }, async () => {
    copyProject(copy);
    const text = sentences.join(' ');
    addStory(copy, 'empty-report', { courier: { body: text }, gazette: { body: '<!-- paste here -->' } });
    addStory(copy, 'lonely-story', { courier: { body: text } });
    addStory(copy, 'impossible-day', { courier: { body: text }, radio: { body: text, published: '2021-13-45' } });
    addStory(copy, 'same-names', { bbc: { body: text }, BBC: { body: text } });

    const { code, output } = await runNodeBin(copy, 'astro/bin/astro.mjs', ['build']);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.notEqual(code, 0, 'the build succeeded despite broken content');
    const expected = [
      ['content/stories/empty-report/gazette.md', "paste the report's text below the frontmatter"],
      ['content/stories/lonely-story/', 'add at least one more report'],
      ['content/stories/impossible-day/radio.md', 'published 2021-13-45 is not a real day'],
      ['content/stories/same-names/bbc.md', 'rename one of the two files'],
    ];
    for (const [file, advice] of expected) {
      assert.ok(plain.includes(`${file}: `) && plain.includes(advice), `the output does not name ${file} with "${advice}":\n${plain.slice(-4000)}`);
    }
    assert.match(plain, /the content has 4 problems to fix/);
  });
});

describe('content worth a warning', () => {
  const copy = mkdtempSync(join(tmpdir(), 'crossread-warning-'));
  after(() => rmSync(copy, { recursive: true, force: true }));

  test('builds, and prints once a warning naming the report that shares nothing with the others', { timeout: 300_000 }, async () => {
    copyProject(copy);
    addStory(copy, 'stray-report', {
      courier: { body: sentences.join(' ') },
      radio: { body: sentences.join('\n\n') },
      gazette: { body: 'A new bakery opened on Market Street. Its bread sold out by noon.' },
    });

    const { code, output } = await runNodeBin(copy, 'astro/bin/astro.mjs', ['build']);
    const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.equal(code, 0, `the build failed over a warning:\n${plain.slice(-4000)}`);
    const warnings = plain.split('\n').filter((line) => line.includes('[crossread] warning: content/stories/stray-report/gazette.md: no sentence'));
    assert.equal(warnings.length, 1, `expected the warning once:\n${plain.slice(-4000)}`);
    assert.ok(!plain.includes('[crossread] warning: content/stories/stray-report/courier.md'), 'a report that shares its sentences was warned about');
    // The only warnings are about the content: none about the site's own set-up (Shiki against the CSP, say).
    const setupWarnings = plain.split('\n').filter((line) => line.includes('[WARN]'));
    assert.deepEqual(setupWarnings, [], 'the build warned about its own configuration');
  });
});
