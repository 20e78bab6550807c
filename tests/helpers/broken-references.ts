import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { projectPaths } from './project-paths.ts';
import { attribute, idsOf, listPages, parseHtmlFile, resolveDistFile, type DistPage } from './read-dist.ts';

/** Attributes that hold one URL, by the elements that carry them (hast property names). */
const urlAttributes: [selector: string, property: string][] = [
  ['a[href], area[href], link[href]', 'href'],
  ['[src]', 'src'],
  ['form[action]', 'action'],
  ['video[poster]', 'poster'],
  ['blockquote[cite], q[cite], del[cite], ins[cite]', 'cite'],
];

/** Meta tags whose content is a URL: the page's own address and its share image. */
const urlMeta = ['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image'];

/** The URLs of a `srcset`, following the candidate syntax of the HTML standard (descriptors dropped). */
function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    const url = /^\S+/.exec(rest)?.[0];
    if (!url) return urls;
    rest = rest.slice(url.length);
    urls.push(url.replace(/,+$/, ''));
    if (url.endsWith(',')) continue;
    const comma = rest.indexOf(',');
    rest = comma === -1 ? '' : rest.slice(comma + 1);
  }
}

/** Every URL a page refers to, with what holds it (`<img src>`, `<meta og:image>`, ...). */
function pageReferences(page: DistPage): { holder: string; value: string }[] {
  const found: { holder: string; value: string }[] = [];
  for (const [selector, property] of urlAttributes) {
    for (const element of selectAll(selector, page.tree)) {
      found.push({ holder: `<${element.tagName} ${property}>`, value: attribute(element, property) ?? '' });
    }
  }
  for (const element of selectAll('img[srcset], source[srcset]', page.tree)) {
    for (const value of srcsetUrls(attribute(element, 'srcSet') ?? '')) found.push({ holder: `<${element.tagName} srcset>`, value });
  }
  for (const element of selectAll('meta[content]', page.tree)) {
    const name = attribute(element, 'property') ?? attribute(element, 'name') ?? '';
    if (urlMeta.includes(name)) found.push({ holder: `<meta ${name}>`, value: attribute(element, 'content') ?? '' });
  }
  return found;
}

/**
 * The URL `value` names (relative to `base`), or undefined when it names none. Not URL.canParse: once V8
 * optimises it (after a few thousand calls, on Node 20 and 22), it answers false for any non-ASCII address.
 */
function parseUrl(value: string, base?: URL): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/**
 * Why an address outside the site is not a well-formed absolute http(s) URL, or undefined when it is: it must
 * parse, name a host with a domain, and be written only with what the URL standard allows (no space, quote,
 * angle bracket, backslash, caret, backtick, brace, pipe, stray `%` or second `#`; `[` `]` only in the host),
 * so every browser and crawler reads the same address.
 */
export function malformedExternalUrl(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return 'not a URL';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `a ${url.protocol} URL, not http(s)`;
  if (!/^https?:\/\/[^/?#]/i.test(value)) return 'not an absolute URL with a host';
  if (!url.hostname.includes('.') && !url.hostname.startsWith('[')) return 'its host has no domain';
  const afterHost = value.replace(/^https?:\/\/[^/?#]*/i, '');
  const bad = /[\s"<>\\^`{|}[\]]|%(?![0-9A-Fa-f]{2})/.exec(afterHost) ?? /\s|%(?![0-9A-Fa-f]{2})/.exec(value);
  if (bad) return `it contains ${JSON.stringify(bad[0])}, which a URL must percent-encode`;
  if ((value.match(/#/g) ?? []).length > 1) return 'it has more than one #';
  return undefined;
}

/** The site's origin, from the home page's canonical link (Astro writes it from the `site` option). */
function siteOrigin(dist: string): string {
  const canonical = attribute(select('link[rel~="canonical"]', parseHtmlFile(join(dist, 'index.html'))) as Element | undefined, 'href');
  const url = canonical === undefined ? undefined : parseUrl(canonical);
  if (!url) throw new Error(`${dist}/index.html has no absolute canonical link`);
  return url.origin;
}

/**
 * Checks one reference found at `base` (a URL on the site's origin): a site address must be served by a file
 * of `dist`, and its fragment must be an id of that page; any other must be a well-formed http(s) URL.
 * Returns why it is broken, or undefined.
 */
function brokenBecause(
  value: string,
  base: URL,
  origin: string,
  dist: string,
  ids: (file: string) => Set<string>,
  sitePath: string,
): string | undefined {
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(value)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)) return 'a scheme the site does not link with';
  const url = parseUrl(value, base);
  if (!url) return 'not a URL';
  if (url.origin !== origin) return /^https?:\/\//i.test(value) ? malformedExternalUrl(value) : `resolves outside the site (${url.href})`;
  if (!url.pathname.startsWith(sitePath)) return `outside the site's path ${sitePath}`;
  const file = resolveDistFile(`/${url.pathname.slice(sitePath.length)}`, dist);
  if (!file) return 'no such file';
  const fragment = url.hash.slice(1);
  if (fragment === '' || !file.endsWith('.html')) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return 'its fragment is not valid percent-encoding';
  }
  return ids(file).has(id) ? undefined : 'no such id on the page';
}

export interface ReferenceCheck {
  /** How many references were checked. */
  checked: number;
  /** One line per broken reference: where it is, what holds it, the value and why it is broken. */
  broken: string[];
}

/**
 * Checks every reference of a built site (dist/ by default): in each page (Pagefind's own files aside) every
 * href, src, srcset, form action, poster, cite and URL meta tag (og:url, og:image, twitter:image; the part on
 * the site's origin), and every url() and @import of the stylesheets in `_astro/`. Site addresses must be
 * served by a file of dist (as a static host resolves them) and a fragment must name an id of the target
 * page; addresses elsewhere cannot be fetched here, so they must be well-formed absolute http(s) URLs.
 * `sitePath` is where the host serves dist (Astro's `base`, ending in `/`): every site address must lie under it.
 */
export function brokenReferences(dist: string = projectPaths.dist, { sitePath = '/' }: { sitePath?: string } = {}): ReferenceCheck {
  const origin = siteOrigin(dist);
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idCache.get(file);
    if (!found) idCache.set(file, (found = idsOf(parseHtmlFile(file))));
    return found;
  };
  const result: ReferenceCheck = { checked: 0, broken: [] };
  const check = (where: string, holder: string, value: string, base: URL) => {
    result.checked++;
    const reason = brokenBecause(value, base, origin, dist, ids, sitePath);
    if (reason) result.broken.push(`${where}: ${holder} ${JSON.stringify(value)} (${reason})`);
  };

  for (const page of listPages(dist)) {
    const base = new URL(`${sitePath}${page.urlPath.slice(1)}`, origin);
    for (const { holder, value } of pageReferences(page)) check(page.urlPath, holder, value, base);
  }

  const assets = join(dist, '_astro');
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.css')).sort()) {
    const css = readFileSync(join(assets, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const base = new URL(`${sitePath}_astro/${name}`, origin);
    const references = [
      ...[...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? ''),
      ...[...css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)].map((match) => match[1] ?? match[2] ?? ''),
    ];
    for (const value of references) {
      // A data: URL carries its content and a bare fragment names an element of the document using the
      // style (an SVG filter or mask): neither is a file to find.
      if (/^data:/i.test(value) || value.startsWith('#')) continue;
      check(`/_astro/${name}`, 'url()', value, base);
    }
  }
  return result;
}
