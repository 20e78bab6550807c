import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/** What a page's schema.org Article says about itself; every field absent when the page has none. */
export interface LinkedDataArticle {
  headline?: string;
  publisher?: string;
  url?: string;
  datePublished?: string;
  authors: string[];
}

/**
 * The first schema.org Article (NewsArticle, ReportageNewsArticle, BlogPosting, …) in a page's JSON-LD
 * scripts, looked for at the top level, in arrays and in `@graph`. A script that is not valid JSON is skipped:
 * pages are written by others. Names may be given as text or as objects with a `name`.
 */
export function linkedDataArticle(tree: Root): LinkedDataArticle {
  for (const script of selectAll('script', tree)) {
    if (String(script.properties.type ?? '').toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(toString(script));
    } catch {
      continue;
    }
    const found = nodes(data).find((node) =>
      asList(node['@type']).some((type) => typeof type === 'string' && /(Article|BlogPosting)$/.test(type)),
    );
    if (found) {
      return {
        headline: text(found.headline),
        publisher: text(found.publisher),
        url: text(found.url),
        datePublished: text(found.datePublished),
        authors: asList(found.author).map(text).filter((name): name is string => name !== undefined),
      };
    }
  }
  return { authors: [] };
}

function nodes(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(nodes);
  if (typeof data !== 'object' || data === null) return [];
  const node = data as Record<string, unknown>;
  return [node, ...nodes(node['@graph'])];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object' && value !== null) return text((value as Record<string, unknown>).name);
  return undefined;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
