import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import { remark } from 'remark';
import { projectPaths } from './project-paths.ts';

export interface ContentReport {
  /** File name without `.md`: the report slug the pages use in `data-report`. */
  slug: string;
  /** Path relative to the repository root, as error messages should name it. */
  path: string;
  /** Markdown body, frontmatter removed. */
  body: string;
  tree: Root;
}

export interface ContentStory {
  slug: string;
  reports: ContentReport[];
}

/** Removes a leading YAML frontmatter block (`---` … `---`), leaving the markdown body. */
export function stripFrontmatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? source.slice(match[0].length) : source;
}

/**
 * Reads every story folder under `content/stories/` straight from the files, independently of the site's
 * own loaders, so tests can compare what the site shows against what the authors wrote.
 */
export function readContent(stories: string = projectPaths.stories): ContentStory[] {
  return readdirSync(stories, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const folder = join(stories, slug);
      const reports = readdirSync(folder)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => {
          const file = join(folder, name);
          const body = stripFrontmatter(readFileSync(file, 'utf8'));
          return {
            slug: name.slice(0, -'.md'.length),
            path: relative(projectPaths.root, file),
            body,
            tree: remark().parse(body),
          };
        });
      return { slug, reports };
    });
}
