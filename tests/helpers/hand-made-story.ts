import { atAGlance } from '../../src/pipeline/at-a-glance.ts';
import type { Claim, ClaimGroup, ClaimLink, Match, MatchKind, ReportComparison, StoryComparison } from '../../src/pipeline/types.ts';

/** One report of a hand-made story: its claims' texts in reading order; claim ids are `<slug>-<index>`. */
export interface MadeReport {
  slug: string;
  outlet: string;
  claims: string[];
}

/**
 * One match of a hand-made story. `part`, for a part match, names the longer claim and the words of it that
 * the shorter one states (found in its text, so tests need not count offsets).
 */
export interface MadeMatch {
  claims: [string, string];
  kind: MatchKind;
  score?: number;
  part?: { claim: string; words: string };
}

/**
 * A StoryComparison built by hand for view-model tests, shaped as the pipeline shapes one: links on both
 * claims of each match (the same `part` on both), claims unmarked (one unshared segment each), and the
 * matches joined into groups, a cell's kind being the closest wording of its claims' links within the group.
 */
export function handMadeStory(reports: MadeReport[], matches: MadeMatch[] = []): StoryComparison {
  const texts = new Map<string, string>(reports.flatMap((report) => report.claims.map((text, index) => [`${report.slug}-${index}`, text] as const)));
  const reportOf = (id: string) => id.replace(/-\d+$/, '');
  const built: Match[] = matches.map((match) => {
    const [a, b] = match.claims;
    const part = match.part && {
      claim: match.part.claim,
      start: texts.get(match.part.claim)!.indexOf(match.part.words),
      end: texts.get(match.part.claim)!.indexOf(match.part.words) + match.part.words.length,
    };
    if (part && part.start < 0) throw new Error(`"${match.part!.words}" is not in ${match.part!.claim}`);
    return { claims: [a, b], score: match.score ?? 0.95, kind: match.kind, ...(part && { part }), conflicts: [] };
  });
  const linksOf = (id: string): ClaimLink[] =>
    built.flatMap((match) => {
      const other = match.claims[0] === id ? match.claims[1] : match.claims[1] === id ? match.claims[0] : undefined;
      if (other === undefined) return [];
      return [{
        claim: other,
        reportSlug: reportOf(other),
        score: match.score,
        kind: match.kind,
        ...(match.part && { part: match.part }),
        conflicts: [],
        segments: [{ text: texts.get(id)!, shared: false }],
      }];
    });
  const comparisons: ReportComparison[] = reports.map((report) => {
    const claims: Claim[] = report.claims.map((text, index) => {
      const id = `${report.slug}-${index}`;
      const links = linksOf(id);
      return { id, reportSlug: report.slug, index, text, segments: [{ text, shared: false }], counterparts: links.map((link) => link.claim), links };
    });
    const shared = claims.filter((claim) => claim.links.length > 0).length;
    return {
      slug: report.slug,
      outlet: report.outlet,
      title: `${report.outlet} report`,
      url: `https://example.org/${report.slug}`,
      published: new Date('2024-03-01'),
      lang: 'en',
      blocks: [{ type: 'paragraph', claimIds: claims.map((claim) => claim.id) }],
      claims,
      stats: { words: 0, sharedWords: 0, claims: claims.length, sharedClaims: shared, uniqueClaims: claims.length - shared },
    };
  });
  const groups = groupsOf(comparisons, built);
  return {
    slug: 'hand-made',
    title: 'A hand-made story',
    summary: 'Claims written for a test.',
    date: new Date('2024-03-01'),
    reports: comparisons,
    matches: built,
    groups,
    sharedCopy: [],
    glance: atAGlance(comparisons, groups, built, []),
    stats: { claims: texts.size, sharedClaims: 0, uniqueClaims: 0, matches: built.length },
    ledger: { reports: {} },
  };
}

const closeness: MatchKind[] = ['verbatim', 'edited', 'paraphrase', 'part'];

/** Claims joined by matches, each group in the story's order, with one cell per report. */
function groupsOf(reports: ReportComparison[], matches: Match[]): ClaimGroup[] {
  const order = reports.flatMap((report) => report.claims.map((claim) => claim.id));
  const root = new Map(order.map((id) => [id, id]));
  const find = (id: string): string => (root.get(id) === id ? id : find(root.get(id)!));
  for (const { claims: [a, b] } of matches) root.set(find(b), find(a));
  const members = new Map<string, string[]>();
  for (const id of order) members.set(find(id), [...(members.get(find(id)) ?? []), id]);
  return [...members.values()].map((claimIds) => {
    const carriers = reports.filter((report) => claimIds.some((id) => id.startsWith(`${report.slug}-`)));
    return {
      id: `group-${claimIds[0]}`,
      claimIds,
      reports: carriers.map((report) => report.slug),
      cells: reports.map((report) => {
        const own = claimIds.filter((id) => id.startsWith(`${report.slug}-`));
        const kinds = matches.filter((match) => match.claims.some((id) => own.includes(id))).map((match) => match.kind);
        return { reportSlug: report.slug, claimIds: own, kind: closeness.find((kind) => kinds.includes(kind)) ?? null, conflicts: [] };
      }),
    };
  });
}
