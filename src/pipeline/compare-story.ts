import type {
  Claim,
  ClaimLedger,
  ClaimLink,
  Match,
  OutputBlock,
  ReportComparison,
  ReportInput,
  ReportLedger,
  StoryComparison,
  StoryInput,
} from './types.ts';
import { parseReport } from './parse-report.ts';
import { readProblem } from './report-read-error.ts';
import { claimKey } from './claim-ids.ts';
import { anchorClaims } from './anchor-claims.ts';
import { alignPrepared } from './align-claims.ts';
import { claimStanding } from './claim-standing.ts';
import { diffClaims, markConflicts, mergeSegments } from './diff-claims.ts';
import { groupClaims } from './group-claims.ts';
import { wordTokens, type ReadWords } from './normalize-text.ts';
import { labelMatch } from './label-match.ts';
import { conflictFacts, detectConflicts } from './detect-conflicts.ts';
import { prepareClaim, type VectorSpace } from './prepare-claim.ts';
import { textMemo } from './text-memo.ts';
import { findPart } from './find-part.ts';
import { committedModel, type MatcherModel } from './score-claims.ts';
import { findCredits } from './find-credit.ts';
import { findSharedCopy } from './find-shared-copy.ts';
import { atAGlance } from './at-a-glance.ts';
import { byPublication } from './publication-order.ts';
import { storyRuleProblems } from './story-rules.ts';

/** What a comparison reads besides the story: the word vectors, and (for evaluation) another matcher model. */
export interface CompareOptions {
  /**
   * The word-vector space the matcher compares words in (word-vectors.ts; the build loads it once per process).
   * Without it words match only as themselves, and the matcher finds fewer paraphrases than the site does.
   */
  vectors?: VectorSpace;
  model?: MatcherModel;
}

/**
 * Compares the reports of one story: splits each into claims, aligns the claims of every pair of reports,
 * labels each match and finds its conflicts, marks the wording each matched claim shares with its
 * counterparts (and where it conflicts with them), groups the claims that state the same thing across all
 * reports, finds the runs of sentences reports share word for word (with the agency they credit), and counts what
 * is shared and unique, down to the story at a glance (at-a-glance.ts).
 * Claim ids are those the story's ledger recorded, re-anchored to the corrected text (see anchor-claims.ts),
 * and the comparison carries the updated ledger.
 * Reports come out ordered by publication time, then outlet; matches list their claims in that order.
 * Throws an Error naming the story or the source file when it breaks a rule of story-rules.ts (too few or too
 * many reports, two giving the same claim ids).
 */
export function compareStory(story: StoryInput, { vectors, model = committedModel() }: CompareOptions = {}): StoryComparison {
  const [problem] = storyRuleProblems(story.reports);
  if (problem) throw new Error(`${problem.source ?? `content/stories/${story.slug}/`}: story "${story.slug}": ${problem.message}.`);
  const reports = [...story.reports].sort(
    (x, y) =>
      byPublication(x, y) ||
      x.outlet.localeCompare(y.outlet, 'en') ||
      x.slug.localeCompare(y.slug, 'en'),
  );
  const claimsOf = reports.map((report) => readClaims(report, story.ledger?.reports[report.slug]));

  // Every step reads a claim the same way wherever it meets it, so each claim is read once per language tag.
  const words = textMemo(wordTokens);
  const prepared = textMemo((text, lang) => prepareClaim(text, lang, words(text, lang), vectors));
  const facts = textMemo((text, lang) => conflictFacts(text, lang, words));
  const links = claimsOf.map((parsed) => parsed.claims.map((): ClaimLink[] => []));
  const matches: Match[] = [];
  const aligned = claimsOf.map((parsed) => firstCopies(parsed.claims));
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = aligned[i]!;
      const b = aligned[j]!;
      const lang = reports[i].lang;
      const pairs = alignPrepared(a.map((c) => prepared(c.text, lang)), b.map((c) => prepared(c.text, lang)), model);
      for (const pair of pairs) {
        const [ta, tb] = [a[pair.a].text, b[pair.b].text];
        const diff = diffClaims(ta, tb, lang, words);
        const score = pair.score;
        const found = findPart(prepared(ta, lang), prepared(tb, lang));
        const part = found && { claim: (found.side === 'a' ? a[pair.a] : b[pair.b]).id, start: found.start, end: found.end };
        const kind = part ? 'part' : labelMatch(ta, tb, lang, words);
        // Of a part match, only the aligned part is compared: what the longer claim says besides is not in dispute.
        const conflicts = detectConflicts(
          found?.side === 'a' ? ta.slice(found.start, found.end) : ta,
          found?.side === 'b' ? tb.slice(found.start, found.end) : tb,
          lang,
          facts,
          { a: ta, b: tb },
        );
        matches.push({ claims: [a[pair.a].id, b[pair.b].id], score, kind, ...(part && { part }), conflicts });
        const turned = conflicts.map((c) => ({ kind: c.kind, a: c.b, b: c.a }));
        links[i][a[pair.a].index].push({
          claim: b[pair.b].id, reportSlug: reports[j].slug, score, kind, ...(part && { part }), conflicts,
          segments: markConflicts(ta, diff.a, conflicts.map((c) => ({ kind: c.kind, text: c.a }))),
        });
        links[j][b[pair.b].index].push({
          claim: a[pair.a].id, reportSlug: reports[i].slug, score, kind, ...(part && { part }), conflicts: turned,
          segments: markConflicts(tb, diff.b, turned.map((c) => ({ kind: c.kind, text: c.a }))),
        });
      }
    }
  }

  const out = reports.map((report, r): ReportComparison => {
    const claims: Claim[] = claimsOf[r].claims.map((c, k) => ({
      ...c,
      segments: mergeSegments(c.text, links[r][k].map((link) => link.segments)),
      counterparts: links[r][k].map((link) => link.claim),
      links: links[r][k],
    }));
    const { slug, outlet, title, url, published, publishedTime, author, standfirst, lang } = report;
    return {
      slug, outlet, title, url, published, lang,
      ...(publishedTime !== undefined && { publishedTime }),
      ...(author !== undefined && { author }),
      ...(standfirst !== undefined && { standfirst }),
      blocks: claimsOf[r].blocks,
      claims,
      stats: reportStats(claims, lang, words),
    };
  });
  const sum = (key: 'claims' | 'sharedClaims' | 'uniqueClaims') => out.reduce((n, rep) => n + rep.stats[key], 0);
  const groups = groupClaims(out, matches);
  const sharedCopy = findSharedCopy(
    out.map((report) => ({ slug: report.slug, claims: report.claims, credits: findCredits(report.claims.map((claim) => claim.text)) })),
    matches,
  );
  return {
    slug: story.slug,
    title: story.title,
    summary: story.summary,
    date: story.date,
    reports: out,
    matches,
    groups,
    stats: {
      claims: sum('claims'),
      sharedClaims: sum('sharedClaims'),
      uniqueClaims: sum('uniqueClaims'),
      matches: matches.length,
    },
    sharedCopy,
    glance: atAGlance(out, groups, matches, sharedCopy),
    ledger: updateLedger(story.ledger, reports, claimsOf.map((parsed) => parsed.ledger)),
  };
}

/**
 * Most copies of one sentence in a report that are aligned each; later copies are still shown, as repeats of the
 * first (its group holds them, see group-claims.ts). A sentence printed more than a few times is a sign-off or a
 * caption, and aligning every copy with every copy in another report multiplies the matches by the copies on
 * both sides. No story measured holds more than three copies of a sentence.
 */
export const MAX_ALIGNED_COPIES = 4;

/** The claims to align, in reading order: each sentence's first MAX_ALIGNED_COPIES copies. */
function firstCopies<C extends { id: string; repeatOf?: string }>(claims: C[]): C[] {
  const copies = new Map<string, number>();
  return claims.filter((claim) => {
    const first = claim.repeatOf ?? claim.id;
    const count = (copies.get(first) ?? 0) + 1;
    copies.set(first, count);
    return count <= MAX_ALIGNED_COPIES;
  });
}

/** The story's ledger with each report's updated entries; a report that left the story keeps its ids as removed. */
function updateLedger(previous: ClaimLedger | undefined, reports: ReportInput[], updated: ReportLedger[]): ClaimLedger {
  const byReport = new Map<string, ReportLedger>();
  for (const [slug, ledger] of Object.entries(previous?.reports ?? {})) {
    byReport.set(slug, { ...ledger, claims: [], removed: [...ledger.removed, ...ledger.claims] });
  }
  reports.forEach((report, r) => byReport.set(report.slug, updated[r]!));
  const slugs = [...byReport.keys()].sort();
  return { reports: Object.fromEntries(slugs.map((slug) => [slug, byReport.get(slug)!])) };
}

type ParsedClaim = Pick<Claim, 'id' | 'reportSlug' | 'index' | 'text' | 'repeatOf' | 'earlier'>;

/** The report's blocks with claim ids, its claims in reading order, and its updated ledger. */
function readClaims(
  report: ReportInput,
  recorded: ReportLedger | undefined,
): { blocks: OutputBlock[]; claims: ParsedClaim[]; ledger: ReportLedger } {
  const parsed = readReport(report);
  const texts = parsed.flatMap((block) => (block.type === 'paragraph' ? block.claims : []));
  if (texts.length === 0) {
    throw new Error(
      `${report.source}: the report has no sentences to compare. ` +
        'Write its text as paragraphs below the frontmatter (headings alone do not count).',
    );
  }
  const { ids, earlier, ledger } = anchorClaims(report, texts, recorded);
  const firstCopy = new Map<string, string>();
  const claims = texts.map((text, index): ParsedClaim => {
    const key = claimKey(text);
    const repeatOf = firstCopy.get(key);
    if (repeatOf === undefined) firstCopy.set(key, ids[index]);
    const wordings = earlier[index];
    return {
      id: ids[index],
      reportSlug: report.slug,
      index,
      text,
      ...(repeatOf !== undefined && { repeatOf }),
      ...(wordings && { earlier: wordings }),
    };
  });
  let next = 0;
  const blocks = parsed.map((block): OutputBlock =>
    block.type === 'heading' ? block : { type: 'paragraph', claimIds: block.claims.map(() => ids[next++]) },
  );
  return { blocks, claims, ledger };
}

/**
 * The report's blocks, or an Error naming its file (and the line, when the parser names one) should its body
 * be unreadable, so that a build never fails with a bare stack trace.
 */
function readReport(report: ReportInput): ReturnType<typeof parseReport> {
  try {
    return parseReport(report.body, report.lang);
  } catch (error) {
    throw new Error(`${report.source}: ${readProblem(error)}`, { cause: error });
  }
}

/** Words and shared words are word tokens (see normalize-text.ts); a claim is shared when another report carries it (claim-standing.ts). */
function reportStats(claims: Claim[], lang: string, readWords: ReadWords): ReportComparison['stats'] {
  let words = 0;
  let sharedWords = 0;
  for (const claim of claims) {
    const shared = new Array<boolean>(claim.text.length).fill(false);
    let offset = 0;
    for (const s of claim.segments) {
      if (s.shared) shared.fill(true, offset, offset + s.text.length);
      offset += s.text.length;
    }
    for (const token of readWords(claim.text, lang)) {
      words++;
      if (shared[token.start]) sharedWords++;
    }
  }
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const sharedClaims = claims.filter((c) => claimStanding(c, (id) => byId.get(id)).sharing === 'shared').length;
  return { words, sharedWords, claims: claims.length, sharedClaims, uniqueClaims: claims.length - sharedClaims };
}
