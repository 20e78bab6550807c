import { claimStanding, type StandingClaim, type StandingLink } from '../pipeline/claim-standing.ts';
import type { PublishedComparison } from './comparison-json.ts';
import { claimNotesMeta, type ClaimNote } from '../scripts/search-claim-notes.ts';

/** A page for Pagefind's `addHTMLFile`: the HTML it indexes, found at `url`. */
export interface SearchRecord {
  url: string;
  content: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe inside an element or a double-quoted attribute: claim text and outlet names are third-party. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

function metaTag(attribute: 'meta' | 'filter', key: string, value: string): string {
  return `<meta data-pagefind-${attribute}="${key}[content]" content="${escapeHtml(value)}">`;
}

/**
 * The search records of one story: one page per report, so the index holds a few pages per story rather than
 * one per claim. A page's indexed body is its claims in reading order, one `<p id="<claim id>">` each holding
 * the claim's text and nothing else, so interface text can never be found and Pagefind's `anchors` tell the
 * browser which claim each matched word belongs to (search-claims.ts turns page results into claim results).
 *
 * `url` is the report's first claim in context: two reports share a story page, and Pagefind keeps one record
 * per URL. Every claim of a report is shown on the same page (its `context` is that page `#<claim id>`; a
 * report whose claims disagree on that is an error), so a claim's result leads to the record's page at the
 * claim's id. `<html lang>` is the report's primary language subtag: Pagefind
 * keeps one index per language, stemmed for it. Declared in `<head>`, outside the indexed body:
 * - filters `outlet` and `story` (the story's title);
 * - meta `title` (the story's), `outlet`, `lang` (the report's full tag), and `reports` and `claims`, the
 *   standing of every claim (claim-standing.ts) in a compact form that search-claim-notes.ts defines and reads
 *   back: which other reports carry it, which of those only by possible matches (no score of CONFIDENT_MATCH
 *   or more), and whether any disagrees with it.
 */
export function searchRecords(published: PublishedComparison): SearchRecord[] {
  const standingClaims = standingClaimsOf(published);
  const outlets = published.articles.map((article) => article.outlet);
  return published.articles.flatMap((article): SearchRecord[] => {
    const [first] = article.claims;
    if (!first) return [];
    const page = first.context.replace(/#.*$/, '');
    const notes = article.claims.map((claim): ClaimNote => {
      if (claim.context !== `${page}#${claim.id}`) {
        throw new Error(`search: claim ${claim.id} of ${article.slug} is shown at ${claim.context}, not on its report's page ${page}`);
      }
      const own = standingClaims.get(claim.id)!;
      const standAgainst = (slug: string) => claimStanding(own, (id) => standingClaims.get(id), (link) => link.reportSlug === slug);
      const others = published.articles.flatMap((other, report) => {
        const standing = standAgainst(other.slug);
        return standing.sharing === 'shared' ? [{ report, standing }] : [];
      });
      return {
        others: others.map(({ report }) => report),
        possible: others.filter(({ standing }) => standing.possible).map(({ report }) => report),
        conflict: others.some(({ standing }) => standing.conflict),
      };
    });
    const head = [
      metaTag('filter', 'outlet', article.outlet),
      metaTag('filter', 'story', published.story.title),
      metaTag('meta', 'title', published.story.title),
      metaTag('meta', 'outlet', article.outlet),
      metaTag('meta', 'lang', article.lang),
      ...Object.entries(claimNotesMeta(outlets, notes)).map(([key, value]) => metaTag('meta', key, value)),
    ];
    const body = article.claims.map((claim) => `<p id="${escapeHtml(claim.id)}">${escapeHtml(claim.text)}</p>`);
    const lang = escapeHtml(new Intl.Locale(article.lang).language);
    return [{ url: first.context, content: `<html lang="${lang}"><head>${head.join('')}</head><body><main data-pagefind-body>${body.join('')}</main></body></html>` }];
  });
}

/** Each claim of the published comparison with its links, rebuilt from the matches, as claim-standing.ts reads them. */
function standingClaimsOf(published: PublishedComparison): Map<string, StandingClaim> {
  const reportOf = new Map(published.articles.flatMap((article) => article.claims.map((claim) => [claim.id, article.slug] as const)));
  const links = new Map<string, StandingLink[]>();
  for (const match of published.matches) {
    const [a, b] = match.claims;
    for (const [claim, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const reportSlug = reportOf.get(other);
      if (reportSlug === undefined) continue;
      links.set(claim, [...(links.get(claim) ?? []), { claim: other, reportSlug, score: match.score, kind: match.kind, conflicts: match.conflicts }]);
    }
  }
  return new Map(
    published.articles.flatMap((article) =>
      article.claims.map((claim) => [claim.id, { id: claim.id, ...(claim.repeatOf !== undefined && { repeatOf: claim.repeatOf }), links: links.get(claim.id) ?? [] }] as const),
    ),
  );
}
