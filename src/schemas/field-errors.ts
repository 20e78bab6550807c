import type { core } from 'zod';

/**
 * Builds a zod 4 error function for one frontmatter field: a missing value gets `missing`, any other
 * problem gets `invalid`. Both are sentences telling the author what to write, because Astro prints
 * them beside the file and field name when `astro build` fails.
 */
export function fieldError(missing: string, invalid: string = missing): (issue: core.$ZodRawIssue) => string {
  return (issue) => (issue.input === undefined ? missing : invalid);
}

/**
 * Error function for a whole frontmatter object: names the unknown fields (usually typos) and lists the
 * fields the file may hold.
 */
export function objectError(allowed: readonly string[]): (issue: core.$ZodRawIssue) => string {
  const list = allowed.join(', ');
  return (issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as core.$ZodRawIssue<core.$ZodIssueUnrecognizedKeys>).keys;
      return `unknown field ${keys.join(', ')}: check the spelling; allowed fields are ${list}`;
    }
    return `expected fields ${list}`;
  };
}
