/**
 * What a reader's browser fetches for one built page, gzip-compressed as a server would send it: the HTML and
 * its stylesheets, and the JavaScript it runs before the reader opens search: its module scripts and what they
 * import statically. Dynamic `import()`s (the search panel, Pagefind) load only when asked for, so they do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** HTML plus stylesheets, gzip bytes. */
  pageBytes: number;
  /** Module scripts and their static imports, gzip bytes. */
  scriptBytes: number;
}

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** `href`/`src` values of the tags `pattern` matches in `html`. */
const attributeValues = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]!);

/** Site paths a built module imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
function staticImports(code: string, path: string): string[] {
  const specifiers = [...code.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.filter((s) => s.startsWith('.') || s.startsWith('/')).map((s) => (s.startsWith('/') ? s : posix.join(posix.dirname(path), s)));
}

/** The weight of the page at `pagePath` (a site path such as `/stories/x/`) in the built site `dist`. */
export function pageWeight(dist: string, pagePath: string): PageWeight {
  const htmlFile = join(dist, pagePath, pagePath.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(htmlFile, 'utf8');
  const local = (path: string) => {
    const file = join(dist, path.split(/[?#]/)[0]!);
    if (!existsSync(file)) throw new Error(`${htmlFile} refers to ${path}, which is not in ${dist}`);
    return file;
  };
  const styles = attributeValues(html, /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g);
  let pageBytes = gzipped(htmlFile);
  for (const href of new Set(styles)) pageBytes += gzipped(local(href));

  const seen = new Set<string>();
  const pending = attributeValues(html, /<script\b[^>]*\bsrc="([^"]+)"/g);
  let scriptBytes = 0;
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = local(path);
    scriptBytes += gzipped(file);
    pending.push(...staticImports(readFileSync(file, 'utf8'), path));
  }
  return { pageBytes, scriptBytes };
}

