import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { ReportInput, StoryInput } from '../../src/pipeline/types.ts';
import { readPublished } from '../../src/schemas/published.ts';
import { stripFrontmatter } from './read-content.ts';

const root = new URL('../../', import.meta.url);

/**
 * Reads a report file: flat `key: value` frontmatter (quoted or folded `>-` values) and the markdown body.
 * Enough for the fixtures and the seed story; the site validates frontmatter with its own schema.
 */
export function readReport(dir: URL, file: string): ReportInput {
  const source = new URL(file, dir);
  const text = readFileSync(source, 'utf8');
  const body = stripFrontmatter(text);
  assert.notEqual(body, text, `${file} has no frontmatter`);
  const head = text.slice(0, text.length - body.length);
  const meta: Record<string, string> = {};
  let folding = '';
  for (const line of head.split('\n')) {
    if (/^---\s*$/.test(line)) continue;
    const field = /^(\w+):\s*(.*)$/.exec(line);
    if (field) {
      folding = field[2] === '>-' ? field[1] : '';
      meta[field[1]] = folding ? '' : field[2].replace(/^"(.*)"$/, '$1');
    } else if (folding) {
      meta[folding] = `${meta[folding]} ${line.trim()}`.trim();
    }
  }
  return {
    slug: file.replace(/\.md$/, ''),
    outlet: meta.outlet,
    title: meta.title,
    url: meta.url,
    ...publishedOf(meta.published, file),
    ...(meta.author && { author: meta.author }),
    ...(meta.standfirst && { standfirst: meta.standfirst }),
    lang: meta.lang ?? 'en',
    body,
    source: source.pathname.slice(root.pathname.length),
  };
}

/** A fixture's `published`, read as the site reads it. */
function publishedOf(written: string, file: string): Pick<ReportInput, 'published' | 'publishedTime'> {
  const read = readPublished(written);
  assert.ok('day' in read, `${file}: ${'problem' in read ? read.problem : ''}`);
  return { published: read.day, ...(read.time && { publishedTime: read.time }) };
}

/** Every `.md` file of `dir`, in name order, as the reports of a story with `meta`. */
export function readStory(dir: URL, meta: { slug: string; title: string; summary: string; date: string }): StoryInput {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  return { ...meta, date: new Date(meta.date), reports: files.map((f) => readReport(dir, f)) };
}

