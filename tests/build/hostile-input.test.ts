import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ElementContent, Root, RootContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import { buildFixtureSite } from '../helpers/build-fixture-site.ts';
import { projectPaths } from '../helpers/project-paths.ts';
import { claimContextPath, readComparison } from '../helpers/read-comparison.ts';
import { readContent } from '../helpers/read-content.ts';
import { attribute, collapse, listPages, readPage, textOf } from '../helpers/read-dist.ts';

/**
 * Report text is third-party input pasted from the web. Over every page of the project site and of the
 * fixture site (whose story harbour-fire-pasted-markup carries scripts, handlers, frames, forms, styles,
 * javascript: and data: URLs, markup in its frontmatter and invisible characters), nothing of it may run,
 * load or be lost.
 */
const fixture = await buildFixtureSite();
const sites = [
  { name: 'the project site', dist: projectPaths.dist, stories: projectPaths.stories },
  { name: 'the fixture site', dist: fixture.dist, stories: join(fixture.root, 'content', 'stories') },
];
const siteOrigin = 'http://localhost:4321';

/** Elements whose content a browser never shows as text of the page. */
const MACHINERY = new Set(['script', 'style', 'iframe', 'form', 'noscript', 'template', 'svg', 'button', 'select', 'textarea', 'object', 'embed', 'audio', 'video', 'title']);

/**
 * The text a reader of a report's markdown, rendered as a browser would, sees: an oracle written apart from
 * the pipeline's own reader (a block list here, an allow list there).
 */
function visibleText(body: string): string {
  const processor = remark().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
  const tree = processor.runSync(processor.parse(body)) as Root;
  const walk = (node: Root | RootContent | ElementContent): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'root') return node.children.map(walk).join(' ');
    if (node.type !== 'element' || MACHINERY.has(node.tagName)) return '';
    if (node.tagName === 'img') return String(node.properties.alt ?? '');
    return node.children.map(walk).join('');
  };
  return walk(tree);
}

const nonSpace = (text: string) => text.replace(/[\s\u00ad\u200b\u2060\ufeff]+/gu, '');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

for (const site of sites) {
  describe(`report text on ${site.name}`, () => {
    test('every sentence and heading of every report is on its page, in order, as written', () => {
      for (const story of readContent(site.stories)) {
        const comparison = readComparison(story.slug, site.dist);
        for (const source of story.reports) {
          const report = comparison.reports.find((candidate) => candidate.slug === source.slug);
          assert.ok(report?.claims[0], `${source.path} has no claim in its story's comparison`);
          const [path = ''] = claimContextPath(comparison, report.claims[0].id).split('#');
          const body = select(`article[data-report="${source.slug}"] .cr-report-body`, readPage(path, site.dist));
          assert.ok(body, `${source.path}: no report body on ${path}`);
          const shown = selectAll('.cr-report-heading, .cr-claim-text', body).map((element) => toString(element));
          assert.equal(nonSpace(shown.join('')), nonSpace(visibleText(source.body)), `${source.path} on ${path}`);
          for (const claim of report.claims) {
            const [claimPath = '', id = ''] = claimContextPath(comparison, claim.id).split('#');
            const element = select(`[id="${id}"] .cr-claim-text`, readPage(claimPath, site.dist));
            assert.equal(element && toString(element), claim.text, `${source.path}: claim ${claim.id} on ${claimPath}`);
          }
        }
      }
    });

    test('no page carries an event handler, a javascript: or data: address, a frame, an embedded object or a form to elsewhere', () => {
      const found: string[] = [];
      for (const page of listPages(site.dist)) {
        for (const element of selectAll('*', page.tree)) {
          const where = `${page.urlPath} <${element.tagName}>`;
          if (['iframe', 'frame', 'object', 'embed', 'applet'].includes(element.tagName)) found.push(where);
          for (const [name, value] of Object.entries(element.properties)) {
            if (/^on/i.test(name)) found.push(`${where} ${name}`);
            const text = (Array.isArray(value) ? value.join(' ') : String(value)).trim().toLowerCase();
            if (['href', 'src', 'srcSet', 'action', 'formAction', 'poster', 'data'].includes(name) && /^(javascript|data|vbscript):/.test(text)) {
              found.push(`${where} ${name}=${text.slice(0, 40)}`);
            }
          }
          // A form without an action submits to its own page.
          if (element.tagName === 'form' && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(attribute(element, 'action') ?? '')) found.push(`${where} action`);
        }
      }
      assert.deepEqual(found, []);
    });

    test('every link to another site opens without giving it the page (rel="noopener noreferrer")', () => {
      let outside = 0;
      for (const page of listPages(site.dist)) {
        for (const link of selectAll('a[href]', page.tree)) {
          const href = attribute(link, 'href') ?? '';
          if (!/^https?:/i.test(href) || href.startsWith(siteOrigin)) continue;
          outside++;
          const rel = (attribute(link, 'rel') ?? '').split(/\s+/);
          assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `${page.urlPath}: ${href} has rel="${rel.join(' ')}"`);
        }
      }
      assert.ok(outside > 0, 'no link to an original report was found');
    });

    test('every page has one Content-Security-Policy, before any script or style, allowing no inline code or other host', () => {
      for (const page of listPages(site.dist)) {
        const head = select('head', page.tree);
        assert.ok(head, page.urlPath);
        const elements = selectAll('*', head);
        const policies = elements.filter((element) => (attribute(element, 'httpEquiv') ?? '').toLowerCase() === 'content-security-policy');
        assert.equal(policies.length, 1, `${page.urlPath}: ${policies.length} policies`);
        const policy = attribute(policies[0], 'content') ?? '';
        const directives = new Map(
          policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name = '', ...sources]) => [name, sources]),
        );
        const firstCode = elements.findIndex((element) => ['script', 'style'].includes(element.tagName) || (element.tagName === 'link' && attribute(element, 'rel')?.includes('stylesheet')));
        assert.ok(firstCode === -1 || elements.indexOf(policies[0]!) < firstCode, `${page.urlPath}: the policy comes after a script or style`);
        for (const sources of directives.values()) {
          for (const source of sources) {
            assert.doesNotMatch(source, /^(?:'unsafe-inline'|'unsafe-eval'|\*|https?:.*|data:|blob:)$/, `${page.urlPath}: ${source} in "${policy}"`);
          }
        }
        assert.deepEqual(directives.get('default-src'), ["'self'"], page.urlPath);
        assert.deepEqual(directives.get('object-src'), ["'none'"], page.urlPath);
        // An inline script or style runs only if the policy lists its hash.
        for (const [tag, directive] of [['script', 'script-src'], ['style', 'style-src']] as const) {
          for (const element of selectAll(tag, page.tree)) {
            if (attribute(element, 'src')) continue;
            assert.ok(directives.get(directive)?.includes(sha256(toString(element))), `${page.urlPath}: an inline ${tag} without its hash`);
          }
        }
      }
    });
  });
}

describe('a report pasted with its markup (fixture story harbour-fire-pasted-markup)', () => {
  const slug = 'harbour-fire-pasted-markup';
  const page = () => readPage(`/stories/${slug}/`, fixture.dist);

  test('shows markup written in its frontmatter as text, never as elements', () => {
    const tree = page();
    assert.equal(collapse(textOf(select('h1', tree))), 'Fire at the harbour warehouse <script>alert("story title")</script>');
    const text = collapse(textOf(select('main', tree)));
    for (const written of ['Fire guts harbour warehouse <img src=x onerror=alert("title")>', 'The Quay <b>Gazette</b>', 'Jo "Scoop" <i>Rivers</i>']) {
      assert.ok(text.includes(written), `"${written}" is not shown as written`);
    }
    assert.equal(selectAll('main img, main b, main i, main iframe, main form, main input', tree).length, 0);
    assert.ok(collapse(textOf(select('title', tree))).includes('<script>'), 'the document title shows the markup as text');
  });

  test('keeps the text a reader saw and drops scripts, styles, frames and forms', () => {
    const comparison = readComparison(slug, fixture.dist);
    const text = comparison.reports.flatMap((report) => report.claims.map((claim) => claim.text)).join(' ');
    for (const kept of ['About 60 firefighters fought the blaze', 'Her statement is on the port website.', 'Smoke over the quay.']) {
      assert.ok(text.includes(kept), `"${kept}" is missing`);
    }
    for (const dropped of ['pwned', 'document', 'alert', 'newsletter', 'display', 'onmouseover', '<']) {
      assert.ok(!text.includes(dropped), `"${dropped}" reached the claims`);
    }
  });

  test('matches text pasted with invisible and no-break characters to the same text typed, and shows it as written', () => {
    const comparison = readComparison(slug, fixture.dist);
    const [first, second] = comparison.reports;
    const pasted = [...(first?.claims ?? []), ...(second?.claims ?? [])].find((claim) => claim.text.includes('ware\u200bhouse'));
    assert.ok(pasted, 'the claim with a zero-width space is not shown as written');
    assert.ok(pasted.text.includes('fire\u00a0service'), 'the no-break space is not kept');
    const html = readFileSync(join(fixture.dist, 'stories', slug, 'index.html'), 'utf8');
    assert.ok(html.includes('ware\u200bhouse'), 'the page does not show the zero-width space as written');
    const match = comparison.matches.find((candidate) => candidate.claims.includes(pasted.id));
    assert.equal(match?.kind, 'verbatim');
  });
});
