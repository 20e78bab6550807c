import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { load } from 'js-yaml';
import { rehype } from 'rehype';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import { parseReport } from '../../src/pipeline/parse-report.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { pageMetadata } from '../../src/import/page-metadata.ts';
import { slugify, slugProblem } from '../../src/import/slugify.ts';
import { projectPaths } from '../helpers/project-paths.ts';

const fixtures = join(projectPaths.root, 'tests', 'fixtures', 'import');
const script = join(projectPaths.root, 'scripts', 'import-report.ts');
const temporary = mkdtempSync(join(tmpdir(), 'crossread-import-'));
after(() => rmSync(temporary, { recursive: true, force: true }));

/** A project root holding one empty story folder, `content/stories/<story>/`. */
function projectWithStory(story = 'test-story'): { root: string; folder: string } {
  const root = mkdtempSync(join(temporary, 'root-'));
  const folder = join(root, 'content', 'stories', story);
  mkdirSync(folder, { recursive: true });
  return { root, folder };
}

function importReport(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function readReport(file: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n?---\n\n([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  assert.ok(match, `${file} starts with a frontmatter block followed by the body`);
  return { frontmatter: load(match[1] as string) as Record<string, unknown>, body: match[2] as string };
}

function claimsOf(body: string, lang?: string): string[] {
  return parseReport(body, lang).flatMap((block) => (block.type === 'paragraph' ? block.claims : [block.text]));
}

/** Each paragraph's text as the comparison reads it, whatever its sentence splitter makes of it. */
function paragraphsOf(body: string): string[] {
  return parseReport(body).flatMap((block) => (block.type === 'paragraph' ? [block.claims.join(' ')] : []));
}

function htmlNodes(markdown: string): string[] {
  const found: string[] = [];
  visit(remark().parse(markdown), 'html', (node) => {
    found.push(node.value);
  });
  return found;
}

const lindenportParagraphs = [
  'The Lindenport harbour bridge reopened to traffic on Tuesday morning after eleven months of repairs.',
  'City engineers said the new deck can carry twice the weight of the old one.',
  'Cost of the work',
  'The repairs cost 48 million euros, according to the city council.',
  'Mayor Ana Prieto said the bridge would "serve the port for another century."',
  'Cyclists get a separate lane on the east side.',
  'Lorries over 40 tonnes still need a permit.',
  'The old deck will be recycled into road surface, the council said.',
];

const lindenportChrome = [
  'City news menu', 'Search the site', 'cookies', 'By Mira Okafor', 'Share this article', 'Post it',
  'Photo alt text', 'Caption:', 'Advertisement', 'Buy cheap ferry tickets', 'Inline script text', 'Iframe fallback',
  'Sign up for the morning briefing', 'Related stories', 'Teaser paragraph', 'Corrections policy', 'Most read',
  'Copyright 2024', 'Noscript fallback', 'Template text', 'Svg icon text', 'Style text', 'Tracker script text',
  'Lindenport harbour bridge reopens after eleven months',
];

describe('importing a saved web page', () => {
  test('a page with full metadata becomes a report whose frontmatter the report schema accepts', () => {
    const { root, folder } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', join(fixtures, 'full-metadata.html')]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(folder), ['the-lindenport-courier.md']);
    assert.match(result.stdout, /wrote content\/stories\/test-story\/the-lindenport-courier\.md/);
    assert.equal(result.stderr, '', 'nothing is left to fill in');
    const report = reportSchema.parse(readReport(join(folder, 'the-lindenport-courier.md')).frontmatter);
    assert.deepEqual(report, {
      title: 'Lindenport harbour bridge reopens after eleven months',
      outlet: 'The Lindenport Courier',
      url: 'https://courier.example/city/harbour-bridge-reopens',
      // 23:40 in New York on 5 March is 6 March in UTC: the report keeps the day its outlet printed.
      published: { day: new Date('2024-03-05') },
      author: 'Mira Okafor',
      lang: 'en-GB',
    });
  });

  test("the body holds every paragraph of the article in order and none of the page's furniture, ads or scripts", () => {
    const { root, folder } = projectWithStory();
    importReport(['--root', root, '--story', 'test-story', join(fixtures, 'full-metadata.html')]);
    const { body } = readReport(join(folder, 'the-lindenport-courier.md'));
    let from = 0;
    for (const paragraph of lindenportParagraphs) {
      const at = body.indexOf(paragraph, from);
      assert.ok(at >= from, `"${paragraph}" is in the body after the paragraph before it`);
      from = at + paragraph.length;
    }
    for (const chrome of lindenportChrome) assert.ok(!body.includes(chrome), `the body does not hold "${chrome}"`);
  });

  test('links in the article become their text, so no address reaches the report file', () => {
    const { root, folder } = projectWithStory();
    importReport(['--root', root, '--story', 'test-story', join(fixtures, 'full-metadata.html')]);
    const { body } = readReport(join(folder, 'the-lindenport-courier.md'));
    assert.match(body, /according to the city council\./);
    assert.doesNotMatch(body, /\]\(|https?:|example/);
  });

  test("the comparison reads an imported page as the article's sentences, heading included", () => {
    const { root, folder } = projectWithStory();
    importReport(['--root', root, '--story', 'test-story', join(fixtures, 'full-metadata.html')]);
    const { frontmatter, body } = readReport(join(folder, 'the-lindenport-courier.md'));
    assert.deepEqual(claimsOf(body, String(frontmatter.lang)), lindenportParagraphs);
    assert.deepEqual(
      parseReport(body).find((block) => block.type === 'heading'),
      { type: 'heading', depth: 2, text: 'Cost of the work' },
    );
  });

  test('a page with only a title and a main element is written with its title, the missing fields listed by file', () => {
    const { root, folder } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', join(fixtures, 'title-and-main.html')]);
    assert.equal(result.status, 0, 'the file is written so the author can finish it');
    const name = 'storm-closes-vellmar-mountain-pass-for-two-days.md';
    assert.match(result.stderr, new RegExp(`still to fill in, in content/stories/test-story/${name}: outlet, url, published`));
    const { frontmatter, body } = readReport(join(folder, name));
    assert.deepEqual(frontmatter, { title: 'Storm closes Vellmar mountain pass for two days' });
    const checked = reportSchema.safeParse(frontmatter);
    assert.ok(!checked.success, 'the build refuses the file until the fields are filled in');
    assert.deepEqual(checked.error.issues.map((issue) => issue.path.join('.')), ['outlet', 'url', 'published']);
    assert.deepEqual(claimsOf(body), [
      'Snowdrifts closed the Vellmar pass on Friday, stranding about two hundred drivers overnight.',
      'Road crews reopened one lane on Sunday afternoon.',
    ]);
    for (const chrome of ['masthead', 'Home navigation', 'Site footer']) assert.ok(!body.includes(chrome), chrome);
  });

  test('hostile markup leaves no script, style, event handler, hidden text or javascript: link in the report', () => {
    const { root, folder } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', join(fixtures, 'hostile.html')]);
    assert.equal(result.status, 0, result.stderr);
    const written = readFileSync(join(folder, 'hostile-markup-gazette.md'), 'utf8');
    const { frontmatter, body } = readReport(join(folder, 'hostile-markup-gazette.md'));
    assert.equal(reportSchema.parse(frontmatter).url, 'https://gazette.example/news/defacement');
    for (const planted of [
      'javascript', 'onerror', 'onclick', 'onload', 'Script text in the body', 'Injected style', 'Image alt planted',
      'Comment text', 'Hidden spam', 'Svg text', 'srcdoc', 'Object fallback', 'alert(\'',
    ]) {
      assert.ok(!written.toLowerCase().includes(planted.toLowerCase()), `the file does not hold "${planted}"`);
    }
    assert.deepEqual(htmlNodes(body), [], 'markdown readers find no raw HTML in the body');
    assert.deepEqual(claimsOf(body), [
      'Attackers replaced the council homepage with a fake notice on Thursday.',
      'Staff restored the page within an hour, a spokesperson said.',
      'Read the notice was the link on it.',
      'The notice contained the text <script>alert("shown as text")</script> in plain view.',
      'Police are investigating the attack.',
      'No one was harmed, the council said.',
    ]);
  });
});

describe('page metadata', () => {
  test("a page without Open Graph tags is read from its time element, its JSON-LD and a canonical link resolved against og:url", () => {
    const tree = rehype().parse(`<!doctype html><html lang="pt-br"><head>
      <title>Ponte reaberta – Jornal do Porto</title>
      <meta property="og:url" content="https://jornal.example/cidade/ponte">
      <link rel="canonical" href="/cidade/ponte-reaberta">
      <meta property="article:author" content="https://jornal.example/autores/ines">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
        {"@type":"NewsArticle","headline":"Ignored: the title tag comes first","publisher":{"@type":"Organization","name":"Jornal do Porto"},
         "author":[{"@type":"Person","name":"Inês Costa"},{"@type":"Person","name":"Rui Lima"}],"datePublished":"2020-01-01"}]}</script>
      </head><body><article><time datetime="2024-06-30T22:15:00+01:00">30 de junho</time><p>Texto.</p></article></body></html>`);
    assert.deepEqual(pageMetadata(tree), {
      title: 'Ponte reaberta',
      outlet: 'Jornal do Porto',
      url: 'https://jornal.example/cidade/ponte-reaberta',
      published: '2024-06-30',
      author: 'Inês Costa, Rui Lima',
      lang: 'pt-BR',
    });
  });

  test('addresses other than http(s) and impossible dates are not taken from a page', () => {
    const tree = rehype().parse(`<html><head><meta property="og:url" content="javascript:alert(1)">
      <meta property="article:published_time" content="2024-02-30"><meta name="author" content="https://x.example/me">
      </head><body><h1>Only a headline</h1></body></html>`);
    assert.deepEqual(pageMetadata(tree), { title: 'Only a headline' });
  });
});

describe('importing plain text', () => {
  const plainParagraphs = [
    'Forty volunteers planted 1,200 oak saplings along the Rother river bank on Saturday, the local trust said.',
    '# 2 of the planting sites flood every winter, so the saplings there stand on raised mounds.',
    '1. The trust plans a second planting in October.',
    "<b>Volunteers</b> can sign up at the trust's office, a spokeswoman said.",
  ];
  const fields = [
    '--title', 'Volunteers plant oaks on the Rother', '--outlet', 'Rother Valley Post',
    '--url', 'https://post.example/rother-oaks', '--published', '2024-11-02',
  ];

  test('a text file becomes one paragraph per blank-line block, markup-like text kept as text', () => {
    const { root, folder } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', ...fields, join(fixtures, 'plain.txt')]);
    assert.equal(result.status, 0, result.stderr);
    const { frontmatter, body } = readReport(join(folder, 'rother-valley-post.md'));
    assert.equal(reportSchema.parse(frontmatter).outlet, 'Rother Valley Post');
    assert.deepEqual(paragraphsOf(body), plainParagraphs);
    assert.deepEqual(htmlNodes(body), []);
  });

  test('text read from standard input is imported the same way, named by --slug', () => {
    const { root, folder } = projectWithStory();
    const input = readFileSync(join(fixtures, 'plain.txt'), 'utf8');
    const result = importReport(['--root', root, '--story', 'test-story', ...fields, '--slug', 'rvp', '-'], input);
    assert.equal(result.status, 0, result.stderr);
    const { frontmatter, body } = readReport(join(folder, 'rvp.md'));
    assert.equal(reportSchema.parse(frontmatter).title, 'Volunteers plant oaks on the Rother');
    assert.deepEqual(paragraphsOf(body), plainParagraphs);
  });

  test('text without metadata lists every required field still to fill in, naming the file', () => {
    const { root } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', '--outlet', 'Rother Valley Post', '-'], 'One sentence.\n');
    assert.equal(result.status, 0);
    assert.match(result.stderr, /still to fill in, in content\/stories\/test-story\/rother-valley-post\.md: title, url, published/);
  });

  test('text with neither outlet nor title nor --slug is refused, saying how to name the file', () => {
    const { root, folder } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'test-story', '-'], 'One sentence.\n');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /--outlet or --slug/);
    assert.deepEqual(readdirSync(folder), []);
  });
});

describe('what the importer refuses', () => {
  test('an existing report file is never overwritten, and the error names it', () => {
    const { root, folder } = projectWithStory();
    const page = join(fixtures, 'full-metadata.html');
    importReport(['--root', root, '--story', 'test-story', page]);
    const file = join(folder, 'the-lindenport-courier.md');
    const first = readFileSync(file, 'utf8');
    const again = importReport(['--root', root, '--story', 'test-story', '--title', 'Another headline', page]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /content\/stories\/test-story\/the-lindenport-courier\.md already exists/);
    assert.equal(readFileSync(file, 'utf8'), first);
    const renamed = importReport(['--root', root, '--story', 'test-story', '--slug', 'courier-late-edition', page]);
    assert.equal(renamed.status, 0, '--slug chooses another name');
    assert.deepEqual(readdirSync(folder).sort(), ['courier-late-edition.md', 'the-lindenport-courier.md']);
  });

  test('an option the build would refuse stops the import with the rule it broke', () => {
    const { root, folder } = projectWithStory();
    const page = join(fixtures, 'title-and-main.html');
    const badUrl = importReport(['--root', root, '--story', 'test-story', '--url', 'ftp://files.example/report', page]);
    assert.equal(badUrl.status, 1);
    assert.match(badUrl.stderr, /--url: url must be an http:\/\/ or https:\/\/ address/);
    const badDay = importReport(['--root', root, '--story', 'test-story', '--published', '2024-02-30', page]);
    assert.equal(badDay.status, 1);
    assert.match(badDay.stderr, /--published: published 2024-02-30 is not a real day: write .* as YYYY-MM-DD/);
    const badSlug = importReport(['--root', root, '--story', 'test-story', '--slug', 'Bad Name', page]);
    assert.equal(badSlug.status, 1);
    assert.match(badSlug.stderr, /--slug "Bad Name" is not a valid name.*bad-name/);
    assert.deepEqual(readdirSync(folder), []);
  });

  test('importing into a story that does not exist says how to create it', () => {
    const { root } = projectWithStory();
    const result = importReport(['--root', root, '--story', 'no-such-story', join(fixtures, 'plain.txt')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no story folder content\/stories\/no-such-story: create the story first with npm run new-story -- no-such-story/);
  });
});

describe('report frontmatter', () => {
  test('values with quotes, colons, hashes and YAML keywords read back exactly as given', () => {
    const { root, folder } = projectWithStory();
    const title = `Minister: "no" to the plan # not a comment`;
    const author = 'yes';
    const outlet = "L'Écho: édition du soir";
    const result = importReport([
      '--root', root, '--story', 'test-story', '--title', title, '--author', author, '--outlet', outlet,
      '--url', 'https://echo.example/a?b=c#d', '--published', '2024-01-31', '--lang', 'fr', '-',
    ], 'Une phrase.\n');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(folder), ['l-echo-edition-du-soir.md']);
    const report = reportSchema.parse(readReport(join(folder, 'l-echo-edition-du-soir.md')).frontmatter);
    assert.equal(report.title, title);
    assert.equal(report.author, author);
    assert.equal(report.outlet, outlet);
    assert.equal(report.url, 'https://echo.example/a?b=c#d');
    assert.equal(report.lang, 'fr');
  });

  test('a report file is named for its outlet, shortened at a word end, accents dropped', () => {
    assert.equal(slugify('The Lindenport Courier'), 'the-lindenport-courier');
    assert.equal(slugify('Zürich Post & Gazette!'), 'zurich-post-gazette');
    const long = slugify('A very long headline that goes on and on about the events of the day in the city');
    assert.ok(long.length <= 60 && !long.endsWith('-') && 'a very long headline that goes on and on about the events of'.replaceAll(' ', '-').startsWith(long));
    assert.equal(slugify('اردو'), '', 'a name without Latin letters gives no slug, so the importer asks for one');
    assert.equal(slugProblem('hindustan-times'), undefined);
    assert.match(slugProblem('Hindustan Times') ?? '', /for example hindustan-times/);
  });
});
