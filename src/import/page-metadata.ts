import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { calendarDay } from './calendar-day.ts';
import { linkedDataArticle } from './linked-data-article.ts';

/** What a saved page says about the report it holds; each field is absent when the page does not say it usably. */
export interface PageMetadata {
  title?: string;
  outlet?: string;
  url?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  author?: string;
  /** Canonical BCP 47 tag. */
  lang?: string;
}

/**
 * Reads a saved news page's metadata, each field from the first source that has a usable value:
 * - title: `og:title`, else `<title>` (less a trailing ` | Outlet` when the outlet is known), else the first
 *   `<h1>` of the article, else the headline of the page's schema.org Article (JSON-LD);
 * - outlet: `og:site_name`, else the Article's publisher;
 * - url: `<link rel=canonical>`, else `og:url`, else the Article's url; only http(s), resolved against
 *   `og:url` when relative;
 * - published: `article:published_time`, else the first `<time datetime>` (inside `<article>` first), else
 *   a `date`-like meta tag, else the Article's `datePublished`. A timestamp keeps the day it names in the
 *   outlet's own time zone (`2021-09-10T23:30:00-04:00` is 2021-09-10), as the outlet's page shows it;
 * - author: `meta name=author`, else the `article:author` values that are names rather than profile URLs,
 *   else the Article's author names; several are joined with `, `;
 * - lang: `<html lang>`, when it is a valid language tag.
 * JSON-LD comes last because it is the one source that needs parsing and is most often stale or generic.
 */
export function pageMetadata(tree: Root): PageMetadata {
  const metas = metaContents(tree);
  const article = linkedDataArticle(tree);
  const outlet = firstOf(metas.get('og:site_name'), article.publisher);
  const metadata: PageMetadata = {
    title: firstOf(metas.get('og:title'), pageTitle(tree, outlet), headingText(tree), article.headline),
    outlet,
    url: pageUrl(tree, metas.get('og:url')?.[0], article.url),
    published: firstDay(
      metas.get('article:published_time'),
      [select('article time[datetime]', tree), select('time[datetime]', tree)].map(dateTimeOf),
      metas.get('date'), metas.get('pubdate'), metas.get('publishdate'), metas.get('publish-date'),
      metas.get('datepublished'), metas.get('dc.date.issued'), metas.get('dc.date'), metas.get('dcterms.created'),
      [article.datePublished],
    ),
    author: authorNames(metas.get('author'), metas.get('article:author'), article.authors),
    lang: languageTag(select('html', tree)?.properties.lang),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}

/** Meta tag contents by lower-cased `name`, `property` or `itemprop`, in page order. */
function metaContents(tree: Root): Map<string, string[]> {
  const contents = new Map<string, string[]>();
  for (const meta of selectAll('meta[content]', tree)) {
    const content = oneLine(String(meta.properties.content));
    if (content === '') continue;
    const keys = [meta.properties.name, meta.properties.property, ...asList(meta.properties.itemProp)];
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      const list = contents.get(key.toLowerCase()) ?? [];
      list.push(content);
      contents.set(key.toLowerCase(), list);
    }
  }
  return contents;
}

function pageTitle(tree: Root, outlet: string | undefined): string | undefined {
  const element = select('head title', tree) ?? select('title', tree);
  if (!element) return undefined;
  let title = oneLine(toString(element));
  if (outlet) {
    for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
      if (title.endsWith(separator + outlet)) title = title.slice(0, -(separator + outlet).length).trim();
    }
  }
  return title || undefined;
}

function headingText(tree: Root): string | undefined {
  const heading = select('article h1', tree) ?? select('main h1', tree) ?? select('h1', tree);
  return heading ? oneLine(toString(heading)) || undefined : undefined;
}

function pageUrl(tree: Root, ogUrl: string | undefined, linkedUrl: string | undefined): string | undefined {
  const canonical = selectAll('link[href]', tree).find((link) => asList(link.properties.rel).includes('canonical'));
  const candidates = [canonical?.properties.href, ogUrl, linkedUrl];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || candidate.trim() === '') continue;
    const url = webAddress(candidate.trim(), ogUrl);
    if (url) return url;
  }
  return undefined;
}

function webAddress(value: string, base: string | undefined): string | undefined {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function dateTimeOf(element: Element | undefined): string | undefined {
  const value = element?.properties.dateTime;
  return typeof value === 'string' ? value : undefined;
}

function firstDay(...sources: (readonly (string | undefined)[] | undefined)[]): string | undefined {
  for (const source of sources) {
    for (const value of source ?? []) {
      const day = value === undefined ? undefined : calendarDay(value);
      if (day) return day;
    }
  }
  return undefined;
}

function authorNames(...sources: (string[] | undefined)[]): string | undefined {
  for (const source of sources) {
    const found = (source ?? []).map(oneLine).filter((name) => name !== '' && !looksLikeAddress(name));
    if (found.length > 0) return [...new Set(found)].join(', ');
  }
  return undefined;
}

function looksLikeAddress(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^www\./i.test(value) || /^\/\S*$/.test(value);
}

function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return undefined;
  }
}

function firstOf(...values: (string | string[] | undefined)[]): string | undefined {
  for (const value of values) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') return first.trim();
  }
  return undefined;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
