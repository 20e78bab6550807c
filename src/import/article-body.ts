import type { Element, ElementContent, Root, RootContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/**
 * Elements that are page machinery or furniture rather than the report's text, dropped with everything
 * inside them. Code, styles, frames, forms, embedded media and their fallbacks are machinery; navigation,
 * headers, footers and asides are furniture. A `<header>` inside the article goes too: it holds the headline,
 * byline and date, which the importer reads into the frontmatter, not the claims. Images and figures go
 * because their alt text and captions describe a picture, not the event, and the comparison would read them
 * as claims.
 */
const CHROME_ELEMENTS = new Set([
  'applet', 'aside', 'audio', 'button', 'canvas', 'datalist', 'dialog', 'embed', 'figure', 'footer', 'form',
  'frame', 'frameset', 'header', 'iframe', 'img', 'input', 'label', 'link', 'map', 'math', 'menu', 'meta', 'nav',
  'noembed', 'noframes', 'noscript', 'object', 'option', 'picture', 'script', 'select', 'source', 'style', 'svg',
  'template', 'textarea', 'title', 'track', 'video',
]);

/** ARIA roles of the same furniture, for pages that mark it with `role` on a `<div>`. */
const CHROME_ROLES = new Set([
  'alert', 'alertdialog', 'banner', 'complementary', 'contentinfo', 'dialog', 'form', 'menu', 'menubar',
  'navigation', 'search', 'toolbar',
]);

/**
 * Words in a `class` or `id` that mark inline advertising, share bars, sign-up boxes and recommended-reading
 * blocks, which sit between a report's paragraphs on most news sites. This is a guess from names, so it
 * never removes an element holding half or more of the article's text (a wrapper named `share-article-body`
 * must not take the report with it).
 */
const CHROME_WORDS = new Set([
  'ad', 'ads', 'adslot', 'advert', 'adverts', 'advertisement', 'advertising', 'byline', 'newsletter', 'outbrain',
  'paywall', 'promo', 'promotion', 'recommended', 'related', 'share', 'sharing', 'social', 'sponsored',
  'subscribe', 'subscription', 'taboola',
]);

/**
 * The report's text of a saved page, as a new tree (the given one is not changed). The body is chosen on
 * purpose, in this order:
 * - `<article>`: the element HTML made for "a self-contained composition", which is what a report is. Teaser
 *   cards are often `<article>`s too, so articles inside furniture or inside another article are passed over
 *   and, of the rest, the one with the most text wins;
 * - else `<main>` or `[role=main]`: the page's main content, without site header, menus and footer;
 * - else `<body>`: all we know, with the furniture dropped.
 * Then CHROME_ELEMENTS, CHROME_ROLES, hidden elements (`hidden`, `aria-hidden=true`, inline `display: none`:
 * readers never saw them),
 * CHROME_WORDS and HTML comments are removed, and so is the article's first `<h1>`: it is the headline, which
 * the frontmatter holds and the site prints from there.
 */
export function articleBody(tree: Root): Root {
  const container = structuredClone(chooseContainer(tree));
  const total = toString(container).length;
  const body: Root = { type: 'root', children: clean(container.type === 'root' ? container.children : [container], total) };
  const headline = select('h1', body);
  if (headline) remove(body, headline);
  return body;
}

function chooseContainer(tree: Root): Root | Element {
  const articles = selectAll('article', tree).filter((article) => !insideAny(tree, article, 'article, aside, nav, footer, header'));
  if (articles.length > 0) {
    return articles.reduce((best, article) => (toString(article).length > toString(best).length ? article : best));
  }
  return select('main', tree) ?? select('[role=main]', tree) ?? select('body', tree) ?? tree;
}

function insideAny(tree: Root, element: Element, selector: string): boolean {
  return selectAll(selector, tree).some((outer) => outer !== element && selectAll('*', outer).includes(element));
}

function clean(children: (RootContent | ElementContent)[], total: number): ElementContent[] {
  const kept: ElementContent[] = [];
  for (const node of children) {
    if (node.type === 'text') kept.push(node);
    if (node.type !== 'element' || isChrome(node, total)) continue;
    node.children = clean(node.children, total);
    kept.push(node);
  }
  return kept;
}

function isChrome(element: Element, total: number): boolean {
  const { properties } = element;
  if (CHROME_ELEMENTS.has(element.tagName)) return true;
  if (typeof properties.role === 'string' && properties.role.split(/\s+/).some((role) => CHROME_ROLES.has(role))) return true;
  if (properties.hidden !== undefined && properties.hidden !== false) return true;
  if (String(properties.ariaHidden).toLowerCase() === 'true') return true;
  if (typeof properties.style === 'string' && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(properties.style)) return true;
  const names = [...(Array.isArray(properties.className) ? properties.className : []), properties.id];
  const words = names.flatMap((name) => (typeof name === 'string' ? name.toLowerCase().split(/[^a-z0-9]+/) : []));
  return words.some((word) => CHROME_WORDS.has(word)) && toString(element).length * 2 < total;
}

function remove(parent: Root | Element, target: Element): boolean {
  const index = parent.children.indexOf(target);
  if (index >= 0) {
    parent.children.splice(index, 1);
    return true;
  }
  return parent.children.some((child) => child.type === 'element' && remove(child, target));
}
