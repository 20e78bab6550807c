import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { rehype } from 'rehype';
import { projectPaths } from './project-paths.ts';

export interface DistPage {
  /** URL path the page is served at, e.g. `/stories/x/` or `/404.html`. */
  urlPath: string;
  /** File path relative to dist/, with forward slashes. */
  file: string;
  tree: Root;
}

const parsed = new Map<string, Root>();

/** Parses an HTML file of dist/ once per test process. */
export function parseHtmlFile(absolutePath: string): Root {
  let tree = parsed.get(absolutePath);
  if (!tree) {
    tree = rehype().parse(readFileSync(absolutePath, 'utf8'));
    parsed.set(absolutePath, tree);
  }
  return tree;
}

function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Every HTML page in dist/ (or another built site's `dist`), Pagefind's own files excluded. */
export function listPages(dist: string = projectPaths.dist): DistPage[] {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'))
    .sort();
  return files.map((file) => ({ urlPath: urlPathOf(file), file, tree: parseHtmlFile(join(dist, file)) }));
}

/**
 * The dist/ file a site-internal URL path is served from, the way a static host resolves it
 * (`/a/` -> `/a/index.html`, `/a` -> `/a` or `/a/index.html`), or undefined when nothing serves it.
 */
export function resolveDistFile(urlPath: string, dist: string = projectPaths.dist): string | undefined {
  const path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  const base = join(dist, ...path.split('/').filter(Boolean));
  if (!base.startsWith(dist)) return undefined;
  const candidates = path.endsWith('/') ? [join(base, 'index.html')] : [base, join(base, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Parses the page served at a URL path; throws when dist/ has no such page. */
export function readPage(urlPath: string, dist: string = projectPaths.dist): Root {
  const file = resolveDistFile(urlPath, dist);
  if (!file) throw new Error(`${dist} has no page for ${urlPath}`);
  return parseHtmlFile(file);
}

export function distRelative(absolutePath: string): string {
  return relative(projectPaths.dist, absolutePath).split(sep).join('/');
}

/** All id attributes in a page. */
export function idsOf(tree: Root): Set<string> {
  return new Set(selectAll('[id]', tree).map((element) => String(element.properties.id)));
}

/** Text content with runs of whitespace collapsed to single spaces and the ends trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Collapsed text of a node; empty when there is no node, so a missing element fails as a wrong text. */
export function textOf(node: Element | Root | undefined): string {
  return node ? collapse(toString(node)) : '';
}

/** An attribute as a string, by its hast property name (`dataReport` for `data-report`, `className` for `class`). */
export function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}
