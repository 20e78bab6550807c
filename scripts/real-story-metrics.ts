/**
 * Scores the site's comparison of a labelled real story (read-real-stories.ts) against its labels: which
 * labelled pairs the site aligned, which of its alignments no label supports, and which of its conflicts the
 * labeller also noted. Pure: the comparison and the labels go in, counts come out.
 */
import type { StoryComparison } from '../src/pipeline/types.ts';
import type { LabelledClaimPair, RealStory } from './read-real-stories.ts';
import { linkedSets } from '../src/pipeline/linked-sets.ts';

export interface AlignmentCounts {
  /** Labelled pairs, `same` pairs, and those of each the site aligned. */
  labelled: number;
  labelledSame: number;
  found: number;
  foundSame: number;
  /** The site's matches, and those that hold a labelled pair. */
  matches: number;
  trueMatches: number;
  /** Claims of the story, and those matched with at least one claim of another report. */
  claims: number;
  matchedClaims: number;
  /** The site's conflicts, and those on a labelled pair whose note names a disagreement of that kind. */
  conflicts: number;
  trueConflicts: number;
  /** Reports the build would warn share nothing, and those of them that hold a labelled pair. */
  sharesNothingWarnings: number;
  falseWarnings: number;
  /** The site's `part` matches, and those on a pair the labeller also calls `part` (the rest are labelled `same`, or not at all). */
  parts: number;
  trueParts: number;
  /** Labelled pairs whose claims the site put in one claim group (one row of the grid). */
  pairsInOneGroup: number;
  /** Groups of claims from two reports or more, and those joining claims that no chain of labels links. */
  sharedGroups: number;
  joiningGroups: number;
}

/** Counts for one story; see AlignmentCounts. */
export function scoreAlignments(story: RealStory, comparison: StoryComparison): AlignmentCounts {
  const where = new Map<string, string>();
  for (const report of comparison.reports) {
    for (const claim of report.claims) where.set(claim.id, `${report.slug}#${claim.index}`);
  }
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const labelOf = new Map<string, LabelledClaimPair>();
  for (const pair of story.pairs) {
    for (const i of pair.claimsA) {
      for (const j of pair.claimsB) labelOf.set(key(`${pair.reportA}#${i}`, `${pair.reportB}#${j}`), pair);
    }
  }
  const matched = new Set<string>();
  let trueMatches = 0;
  let conflicts = 0;
  let trueConflicts = 0;
  let parts = 0;
  let trueParts = 0;
  for (const match of comparison.matches) {
    const k = key(where.get(match.claims[0])!, where.get(match.claims[1])!);
    matched.add(k);
    const label = labelOf.get(k);
    if (label) trueMatches++;
    if (match.kind === 'part') {
      parts++;
      if (label?.relation === 'part') trueParts++;
    }
    for (const conflict of match.conflicts) {
      conflicts++;
      if (label?.conflict && new RegExp(`(^|; )${conflict.kind}:`).test(label.conflict)) trueConflicts++;
    }
  }
  let found = 0;
  let foundSame = 0;
  for (const pair of story.pairs) {
    const hit = pair.claimsA.some((i) => pair.claimsB.some((j) => matched.has(key(`${pair.reportA}#${i}`, `${pair.reportB}#${j}`))));
    if (!hit) continue;
    found++;
    if (pair.relation === 'same') foundSame++;
  }
  const groupOf = new Map<string, string>();
  for (const group of comparison.groups) for (const id of group.claimIds) groupOf.set(where.get(id)!, group.id);
  const pairsInOneGroup = story.pairs.filter((pair) =>
    pair.claimsA.some((i) => pair.claimsB.some((j) => groupOf.get(`${pair.reportA}#${i}`) === groupOf.get(`${pair.reportB}#${j}`))),
  ).length;
  // Claims a chain of labels links: one component per claim under the labelled pairs.
  const linked = linkedSets<string>();
  for (const pair of story.pairs) {
    for (const i of pair.claimsA) for (const j of pair.claimsB) linked.join(`${pair.reportA}#${i}`, `${pair.reportB}#${j}`);
  }
  const shared = comparison.groups.filter((g) => g.reports.length > 1);
  const joiningGroups = shared.filter((g) => new Set(g.claimIds.map((id) => linked.setOf(where.get(id)!))).size > 1).length;
  const labelledReports = new Set(story.pairs.flatMap((p) => [p.reportA, p.reportB]));
  const silent = comparison.reports.filter((r) => r.stats.claims > 0 && r.stats.sharedClaims === 0);
  return {
    labelled: story.pairs.length,
    labelledSame: story.pairs.filter((p) => p.relation === 'same').length,
    found,
    foundSame,
    matches: comparison.matches.length,
    trueMatches,
    claims: comparison.stats.claims,
    matchedClaims: comparison.stats.sharedClaims,
    conflicts,
    trueConflicts,
    sharesNothingWarnings: silent.length,
    falseWarnings: silent.filter((r) => labelledReports.has(r.slug)).length,
    parts,
    trueParts,
    pairsInOneGroup,
    sharedGroups: shared.length,
    joiningGroups,
  };
}

/** The counts of several stories added up. */
export function addCounts(all: AlignmentCounts[]): AlignmentCounts {
  const total = Object.fromEntries(Object.keys(all[0]!).map((k) => [k, 0])) as unknown as AlignmentCounts;
  for (const counts of all) for (const k of Object.keys(total) as (keyof AlignmentCounts)[]) total[k] += counts[k];
  return total;
}

const ratio = (x: number, n: number) => (n === 0 ? 1 : x / n);

/** The figures the targets name, from counts. */
export function alignmentFigures(c: AlignmentCounts) {
  return {
    recallSame: ratio(c.foundSame, c.labelledSame),
    recallAll: ratio(c.found, c.labelled),
    precision: ratio(c.trueMatches, c.matches),
    matchedShare: ratio(c.matchedClaims, c.claims),
    conflictPrecision: ratio(c.trueConflicts, c.conflicts),
  };
}

/** One line of figures for a story or a total. */
export function formatCounts(c: AlignmentCounts): string {
  const f = alignmentFigures(c);
  const x = (v: number) => v.toFixed(3);
  return (
    `recall same ${x(f.recallSame)} (${c.foundSame}/${c.labelledSame})  all ${x(f.recallAll)} (${c.found}/${c.labelled})  ` +
    `precision ${x(f.precision)} (${c.trueMatches}/${c.matches})  claims matched ${x(f.matchedShare)}  ` +
    `conflicts ${c.trueConflicts}/${c.conflicts}  parts ${c.parts} (${c.trueParts} labelled part)  false "shares nothing" ${c.falseWarnings}  ` +
    `labelled pairs in one group ${c.pairsInOneGroup}/${c.labelled}  groups joining unlinked claims ${c.joiningGroups}/${c.sharedGroups}`
  );
}
