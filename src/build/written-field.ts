/**
 * Fields of a content file as written, before YAML reads them: YAML turns `2021-13-45` into 2022-02-14 and
 * `2021-09-10T01:00:00+05:30` into a Date of 9 September in UTC, losing the day the author wrote.
 */

/** The frontmatter block of a markdown file (between its first two `---` lines), or '' when it has none. */
export function frontmatterOf(markdown: string): string {
  return /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown)?.[1] ?? '';
}

/**
 * The text written for a top-level `field` of `yaml` on its own line (a trailing comment and one pair of quotes
 * taken off), or undefined when the field is not written there.
 */
export function writtenField(yaml: string, field: string): string | undefined {
  const line = new RegExp(`^${field}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(yaml);
  if (!line) return undefined;
  return line[1]!.replace(/\s+#.*$/, '').trim().replace(/^(["'])(.*)\1$/, '$2');
}
