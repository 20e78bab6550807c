import { rehype } from 'rehype';
import { articleBody } from './article-body.ts';
import { articleMarkdown } from './article-markdown.ts';
import { pageMetadata, type PageMetadata } from './page-metadata.ts';
import { plainTextMarkdown } from './plain-text-markdown.ts';

export interface SavedReport {
  /** What the source says about the report: empty for plain text, which has no metadata. */
  metadata: PageMetadata;
  /** The report's text as markdown, `''` when none was found. */
  markdown: string;
}

/**
 * Reads a report saved as a web page (`html`) or as plain text (`text`): its metadata (see pageMetadata) and
 * its text as markdown (see articleBody, articleMarkdown and plainTextMarkdown).
 */
export function readSavedPage(source: string, kind: 'html' | 'text'): SavedReport {
  if (kind === 'text') return { metadata: {}, markdown: plainTextMarkdown(source) };
  const tree = rehype().parse(source);
  return { metadata: pageMetadata(tree), markdown: articleMarkdown(articleBody(tree)) };
}

/**
 * Whether a file holds HTML: by its extension when that says (`.html`, `.htm`, `.xhtml`; `.txt`, `.text`),
 * otherwise (standard input, other names) by whether it starts like an HTML page, so a page piped in from
 * `curl` is read as a page.
 */
export function sourceKind(name: string, source: string): 'html' | 'text' {
  if (/\.(?:x?html?)$/i.test(name)) return 'html';
  if (/\.(?:txt|text)$/i.test(name)) return 'text';
  return /^\uFEFF?\s*(?:<!doctype\s+html|<html[\s>])/i.test(source) ? 'html' : 'text';
}
