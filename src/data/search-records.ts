import { CONFIDENT_MATCH } from '../pipeline/score-claims.ts';
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
 *   status of every claim in a compact form that search-claim-notes.ts defines and reads back: which other
 *   reports carry it, which of those only by possible matches (no score of CONFIDENT_MATCH or more), and
 *   whether any disagrees with it.
 */
export function searchRecords(published: PublishedComparison): SearchRecord[] {
  const reportOf = new Map(published.articles.flatMap((article, index) => article.claims.map((claim) => [claim.id, index] as const)));
  // For each claim, the other reports that carry it, each with its best score against the claim.
  const carriers = new Map<string, Map<number, number>>();
  const conflicted = new Set<string>();
  for (const match of published.matches) {
    const [a, b] = match.claims;
    for (const [claim, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const report = reportOf.get(other);
      if (report !== undefined) {
        const scores = carriers.get(claim) ?? new Map<number, number>();
        carriers.set(claim, scores.set(report, Math.max(scores.get(report) ?? 0, match.score)));
      }
      if (match.conflicts.length > 0) conflicted.add(claim);
    }
  }
  const outlets = published.articles.map((article) => article.outlet);
  return published.articles.flatMap((article, index): SearchRecord[] => {
    const [first] = article.claims;
    if (!first) return [];
    const page = first.context.replace(/#.*$/, '');
    const notes = article.claims.map((claim): ClaimNote => {
      if (claim.context !== `${page}#${claim.id}`) {
        throw new Error(`search: claim ${claim.id} of ${article.slug} is shown at ${claim.context}, not on its report's page ${page}`);
      }
      const scores = [...(carriers.get(claim.id) ?? [])].filter(([report]) => report !== index).sort(([x], [y]) => x - y);
      return {
        others: scores.map(([report]) => report),
        possible: scores.filter(([, score]) => score < CONFIDENT_MATCH).map(([report]) => report),
        conflict: conflicted.has(claim.id),
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
