import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { load } from 'js-yaml';
import { askFields } from '../../src/import/ask-fields.ts';
import { checkStoryField, STORY_FIELD_QUESTIONS, STORY_FIELDS } from '../../src/import/story-file.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { storySchema } from '../../src/schemas/story.ts';
import { projectPaths } from '../helpers/project-paths.ts';

const fixtures = join(projectPaths.root, 'tests', 'fixtures', 'import');
const temporary = mkdtempSync(join(tmpdir(), 'crossread-new-story-'));
after(() => rmSync(temporary, { recursive: true, force: true }));

function run(script: 'new-story' | 'import-report', args: string[], input?: string) {
  const result = spawnSync(process.execPath, [join(projectPaths.root, 'scripts', `${script}.ts`), ...args], { encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readYaml(file: string): unknown {
  return load(readFileSync(file, 'utf8'));
}

function frontmatterOf(file: string): unknown {
  const match = /^---\n([\s\S]*?)\n?---\n/.exec(readFileSync(file, 'utf8'));
  assert.ok(match, `${file} starts with frontmatter`);
  return load(match[1] as string);
}

describe('new-story', () => {
  test('writes a story.yaml the story schema accepts and prints the import command to run next', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    const result = run('new-story', [
      'harbour-bridge-reopens', '--root', root, '--title', 'Harbour bridge reopens: a "century" of use',
      '--summary', 'The Lindenport bridge reopened after eleven months of repairs.', '--date', '2024-03-05',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const file = join(root, 'content', 'stories', 'harbour-bridge-reopens', 'story.yaml');
    assert.deepEqual(storySchema.parse(readYaml(file)), {
      title: 'Harbour bridge reopens: a "century" of use',
      summary: 'The Lindenport bridge reopened after eleven months of repairs.',
      date: new Date('2024-03-05'),
    });
    assert.match(result.stdout, /wrote content\/stories\/harbour-bridge-reopens\/story\.yaml/);
    assert.match(result.stdout, /npm run import -- --story harbour-bridge-reopens /);
    assert.equal(result.stderr, '');
  });

  test('without a terminal, fields not given are left out of the file and listed, naming it', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    const result = run('new-story', ['storm-in-vellmar', '--root', root, '--title', 'Storm closes a mountain pass']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /still to fill in, in content\/stories\/storm-in-vellmar\/story\.yaml: summary, date/);
    const written = readYaml(join(root, 'content', 'stories', 'storm-in-vellmar', 'story.yaml'));
    assert.deepEqual(written, { title: 'Storm closes a mountain pass' });
    const checked = storySchema.safeParse(written);
    assert.ok(!checked.success);
    assert.deepEqual(checked.error.issues.map((issue) => issue.path.join('.')), ['summary', 'date']);
  });

  test('a slug that is not lower-case letters, digits and hyphens is refused with a suggestion', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    for (const slug of ['Harbour Bridge', 'harbour_bridge', 'harbour-', 'harbour--bridge', 'brücke']) {
      const result = run('new-story', [slug, '--root', root]);
      assert.equal(result.status, 1, slug);
      assert.match(result.stderr, /is not a valid name: use lower-case letters a-z, digits and single hyphens/, slug);
    }
    assert.match(run('new-story', ['Harbour Bridge', '--root', root]).stderr, /for example harbour-bridge/);
    assert.ok(!existsSync(join(root, 'content')), 'nothing is written');
  });

  test('an existing story folder is refused and left as it was', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    const folder = join(root, 'content', 'stories', 'taken');
    mkdirSync(folder, { recursive: true });
    const result = run('new-story', ['taken', '--root', root, '--title', 'T', '--summary', 'S.', '--date', '2024-01-01']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /content\/stories\/taken already exists/);
    assert.deepEqual(readdirSync(folder), []);
  });

  test('a date that is not a real YYYY-MM-DD day is refused with the rule', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    const result = run('new-story', ['a-story', '--root', root, '--date', '10/09/2021']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--date: date must be the day of the event, written as YYYY-MM-DD/);
  });

  test('asking on a terminal explains and re-asks after an answer the schema refuses, and an empty answer leaves the field for later', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const rl = createInterface({ input, output });
    let shown = '';
    output.on('data', (chunk: Buffer) => {
      shown += chunk.toString();
    });
    const explained: string[] = [];
    const asking = askFields(rl, {}, STORY_FIELDS, STORY_FIELD_QUESTIONS, checkStoryField, (problem) => explained.push(problem));
    // Answers pasted all at once must not be lost.
    input.end('Bridge reopens\n\nyesterday\n2024-03-05\n');
    const answers = await asking;
    rl.close();
    assert.deepEqual(answers, { title: 'Bridge reopens', date: '2024-03-05' });
    const asked = [...shown.matchAll(/(\w+) \([^)]*; empty to skip\): /g)].map((question) => question[1]);
    assert.deepEqual(asked, ['title', 'summary', 'date', 'date']);
    assert.deepEqual(explained, ['date must be the day of the event, written as YYYY-MM-DD (for example 2021-09-10)']);
  });
});

describe('adding a story from the command line', () => {
  test('new-story then two imports give a story whose files all validate', () => {
    const root = mkdtempSync(join(temporary, 'root-'));
    const created = run('new-story', [
      'harbour-bridge', '--root', root, '--title', 'Harbour bridge reopens',
      '--summary', 'The bridge reopened after repairs.', '--date', '2024-03-05',
    ]);
    assert.equal(created.status, 0, created.stderr);
    const first = run('import-report', ['--root', root, '--story', 'harbour-bridge', join(fixtures, 'full-metadata.html')]);
    assert.equal(first.status, 0, first.stderr);
    const second = run(
      'import-report',
      [
        '--root', root, '--story', 'harbour-bridge', '--title', 'Bridge open again', '--outlet', 'Port Radio',
        '--url', 'https://radio.example/bridge', '--published', '2024-03-06', '-',
      ],
      'The harbour bridge is open again.\n\nIt was closed for eleven months.\n',
    );
    assert.equal(second.status, 0, second.stderr);
    const folder = join(root, 'content', 'stories', 'harbour-bridge');
    assert.deepEqual(readdirSync(folder).sort(), ['port-radio.md', 'story.yaml', 'the-lindenport-courier.md']);
    storySchema.parse(readYaml(join(folder, 'story.yaml')));
    const outlets = ['port-radio.md', 'the-lindenport-courier.md'].map((name) => reportSchema.parse(frontmatterOf(join(folder, name))).outlet);
    assert.deepEqual(outlets, ['Port Radio', 'The Lindenport Courier']);
  });
});
