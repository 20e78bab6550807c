/**
 * Names of story folders and report files: lower-case ASCII letters and digits in words joined by single
 * hyphens, because they become parts of page addresses and claim ids on every system the site is built on.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LONGEST = 60;

/**
 * Turns a name or headline into a slug: accents are dropped (`Zürich Post` -> `zurich-post`), every other
 * run of characters outside a-z and 0-9 becomes one hyphen, and a long result is cut at a word end within
 * 60 characters. Text with no Latin letters or digits gives `''`: the caller must then ask for a name.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= LONGEST) return slug;
  const cut = slug.slice(0, LONGEST + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, LONGEST);
}

/** What is wrong with a proposed slug, as a sentence to show the author; undefined when it is a valid slug. */
export function slugProblem(slug: string): string | undefined {
  if (SLUG.test(slug)) return undefined;
  const suggestion = slugify(slug);
  const hint = suggestion !== '' && suggestion !== slug ? ` (for example ${suggestion})` : '';
  return `"${slug}" is not a valid name: use lower-case letters a-z, digits and single hyphens between words${hint}`;
}
