import { dump } from 'js-yaml';

/** A calendar day as the schemas take it. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes fields as the lines of a YAML mapping, in the order given, leaving out undefined ones. Each value is
 * serialised by js-yaml, the parser Astro reads frontmatter and data files with, so quotes, colons, `#`,
 * line breaks and words YAML would read as something else (`yes`, `null`) come back as the same string.
 * Fields named in `days` hold `YYYY-MM-DD` and are written bare (`published: 2021-09-10`), as people write
 * them by hand; YAML reads that as the day, which the schemas accept like the string.
 */
export function yamlFields(fields: Record<string, string | undefined>, days: readonly string[] = []): string {
  let yaml = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (days.includes(key) && DAY.test(value)) yaml += `${key}: ${value}\n`;
    else yaml += dump({ [key]: value }, { lineWidth: -1 });
  }
  return yaml;
}
